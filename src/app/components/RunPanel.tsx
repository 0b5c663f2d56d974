/** Generate and Cancel, where the files will go (and whether storage has room), progress per table and overall, and the outcome. */
import { TABLE_KEYS } from '../../generators/tables';
import { count, seconds } from '../format';
import { TABLE_LABELS } from '../scenario-form';
import { shareUrl, useApp, type TableProgress } from '../store';

function rate(p: TableProgress): number {
  const elapsed = (p.updatedAt - p.startedAt) / 1000;
  return elapsed > 0 ? p.rowsDone / elapsed : 0;
}

function Bar(props: { value: number; label: string }) {
  const pct = Math.round(props.value * 100);
  return (
    <div className="bar" role="progressbar" aria-label={props.label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <div style={{ width: `${pct}%` }} />
    </div>
  );
}

export function RunPanel() {
  const { validation, volumeError, checkingVolumes, status, message, progress, generate, cancel, startedAt, finishedAt, partitioning, storagePlan, storageNote } = useApp();
  const scenario = validation.ok ? validation.scenario : null;
  const keys = scenario ? TABLE_KEYS.filter((k) => scenario.counts[k] !== null) : [];
  const total = keys.reduce((a, k) => a + (scenario?.counts[k] ?? 0), 0);
  const done = keys.reduce((a, k) => a + (progress[k]?.rowsDone ?? 0), 0);
  const overall = status === 'done' ? 1 : total > 0 ? done / total : 0;
  const running = status === 'running';
  return (
    <section className="panel run" aria-label="Generate">
      <div className="actions">
        <button type="button" className="primary" onClick={() => void generate()} disabled={!scenario || Boolean(volumeError) || checkingVolumes || Boolean(storagePlan?.blocked) || running}>
          Generate
        </button>
        <button type="button" className="secondary" onClick={cancel} disabled={!running}>
          Cancel
        </button>
        <span className="status" role="status" aria-live="polite">
          {status === 'idle' && (scenario && !volumeError ? `${count(total)} rows in ${keys.length} tables${checkingVolumes ? ': checking the volumes…' : ''}` : 'Fix the highlighted fields to generate.')}
          {running && `Generating… ${Math.round(overall * 100)}%`}
          {status === 'done' && `Done: ${count(total)} rows in ${seconds((finishedAt - startedAt) / 1000)}.`}
          {status === 'cancelled' && message}
        </span>
        {status === 'done' && <a href="#charts" className="jump">See the charts</a>}
      </div>
      {scenario && storagePlan && <p className="storage-plan" id="storage-plan">{storagePlan.summary}</p>}
      {scenario && storagePlan?.blocked && <p className="error" role="alert">{storagePlan.blocked}</p>}
      {storageNote && <p className="storage-note">{storageNote}</p>}
      {scenario && (
        <p className="share">
          <a href={shareUrl(scenario, location, partitioning)}>Link to this scenario</a> — opening it restores every field and generates the same files.
        </p>
      )}
      {status === 'failed' && (
        <div className="failure" role="alert">
          <p>{message}</p>
          <button type="button" className="secondary" onClick={() => void generate()}>Retry</button>
        </div>
      )}
      {status !== 'idle' && (
        <>
          <Bar value={overall} label="Overall progress" />
          <table className="progress">
            <thead>
              <tr><th scope="col">Table</th><th scope="col">Rows</th><th scope="col">Rows/s</th><th scope="col">ETA</th><th scope="col" className="wide">Progress</th></tr>
            </thead>
            <tbody>
              {keys.map((k) => {
                const p = progress[k];
                const rows = scenario?.counts[k] ?? 0;
                const doneRows = status === 'done' ? rows : (p?.rowsDone ?? 0);
                const r = p ? rate(p) : 0;
                const eta = r > 0 && doneRows < rows ? seconds((rows - doneRows) / r) : '—';
                return (
                  <tr key={k}>
                    <td>{TABLE_LABELS[k]}</td>
                    <td className="num">{count(doneRows)} / {count(rows)}</td>
                    <td className="num">{r > 0 ? count(r) : '—'}</td>
                    <td className="num">{eta}</td>
                    <td className="wide"><Bar value={rows > 0 ? doneRows / rows : 1} label={`${TABLE_LABELS[k]} progress`} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
