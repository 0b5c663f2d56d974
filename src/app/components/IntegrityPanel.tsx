/** The coherence checks of SPEC 12, computed on the generated rows: pass or fail, with their counts. */
import { useApp } from '../store';

export function IntegrityPanel() {
  const { result, status } = useApp();
  if (status !== 'done' || !result) return null;
  const failed = result.integrity.filter((c) => !c.pass).length;
  return (
    <section className="panel integrity" aria-label="Integrity">
      <div className="actions">
        <h2>Integrity</h2>
        <span className={failed ? 'badge bad' : 'badge good'}>{failed ? `${failed} failed` : `all ${result.integrity.length} checks pass`}</span>
      </div>
      <ul className="checks">
        {result.integrity.map((c) => (
          <li key={c.id} className={c.pass ? 'pass' : 'fail'}>
            <span className="mark" aria-label={c.pass ? 'pass' : 'fail'}>{c.pass ? '✓' : '✗'}</span>
            <span className="what"><strong>{c.title}</strong> <span className="id">{c.id}</span><br />{c.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
