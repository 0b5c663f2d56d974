/** The scenario: volumes (preset or per table), window, seed, PII, format and jurisdiction. */
import { TABLE_KEYS } from '../../generators/tables';
import { writesParquet, type OutputFormat } from '../../generators/scenario/types';
import { errorsByField, PRESET_NAMES, TABLE_LABELS, type FormPreset } from '../scenario-form';
import { useApp } from '../store';
import { describedBy, Field } from './Field';
import { approxSize } from '../format';
import { MEMORY_LIMIT_BYTES, type StorageChoice } from '../storage-plan';
import { folderPickerAvailable, opfsAvailable } from '../../workers/run-storage';

const PRESET_TEXT: Record<FormPreset, string> = {
  small: 'Small — 18,700 rows, 7 days',
  demo: 'Demo — 675,000 rows, 30 days',
  production: 'Production — 6.75M rows, 90 days',
  legacy: 'Legacy --all — 695,000 rows, 30 days',
  custom: 'Custom volumes',
};

function newSeed(): string {
  const v = new Uint32Array(1);
  crypto.getRandomValues(v);
  return String(v[0]);
}

export function ScenarioPanel() {
  const { form, validation, volumeError, status, setForm, choosePreset, workers, setWorkers, partitioning, setPartitioning, storageChoice, setStorageChoice, pickedFolder, chooseFolder } = useApp();
  const errors = validation.ok ? {} : errorsByField(validation.errors);
  const running = status === 'running';
  return (
    <form className="panel scenario" aria-label="Scenario" onSubmit={(e) => e.preventDefault()}>
      <fieldset disabled={running}>
        <legend>Volumes</legend>
        <Field id="preset" label="Preset">
          <select id="preset" value={form.preset} onChange={(e) => choosePreset(e.target.value as FormPreset)}>
            {[...PRESET_NAMES, 'custom' as const].map((p) => (
              <option key={p} value={p}>{PRESET_TEXT[p]}</option>
            ))}
          </select>
        </Field>
        <table className="volumes">
          <thead>
            <tr><th scope="col">Table</th><th scope="col">Rows</th></tr>
          </thead>
          <tbody>
            {TABLE_KEYS.map((key) => (
              <tr key={key}>
                <td>
                  <label className="check">
                    <input
                      type="checkbox"
                      id={`include-${key}`}
                      checked={form.include[key]}
                      onChange={(e) => setForm({ include: { ...form.include, [key]: e.target.checked } })}
                    />
                    {TABLE_LABELS[key]}
                  </label>
                </td>
                <td>
                  <input
                    id={`count-${key}`}
                    aria-label={`${TABLE_LABELS[key]} rows`}
                    inputMode="numeric"
                    value={form.counts[key]}
                    disabled={!form.include[key]}
                    aria-invalid={Boolean(errors[key])}
                    aria-describedby={describedBy(`count-${key}`, errors[key])}
                    onChange={(e) => setForm({ counts: { ...form.counts, [key]: e.target.value } })}
                  />
                  {errors[key]?.map((m) => <p key={m} className="error" id={`count-${key}-error`} role="alert">{m}</p>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {errors.players && !form.include.players && errors.players.map((m) => <p key={m} className="error" role="alert">{m}</p>)}
        {volumeError && <p className="error" id="volumes-error" role="alert">{volumeError}</p>}
      </fieldset>

      <fieldset disabled={running}>
        <legend>Window</legend>
        <div className="radios" role="radiogroup" aria-label="Window">
          <label className="check"><input type="radio" name="window" checked={form.windowMode === 'days'} onChange={() => setForm({ windowMode: 'days' })} /> Last days up to today</label>
          <label className="check"><input type="radio" name="window" checked={form.windowMode === 'range'} onChange={() => setForm({ windowMode: 'range' })} /> Start and end</label>
        </div>
        {form.windowMode === 'days' ? (
          <Field id="days" label="Days" errors={errors.days} hint="Ends at today's UTC midnight.">
            <input id="days" inputMode="numeric" value={form.days} aria-invalid={Boolean(errors.days)} aria-describedby={describedBy('days', errors.days, 'hint')} onChange={(e) => setForm({ days: e.target.value })} />
          </Field>
        ) : (
          <div className="row">
            <Field id="start" label="Start (UTC)" errors={errors.start}>
              <input id="start" placeholder="YYYY-MM-DD" value={form.start} aria-invalid={Boolean(errors.start)} aria-describedby={describedBy('start', errors.start)} onChange={(e) => setForm({ start: e.target.value })} />
            </Field>
            <Field id="end" label="End (UTC, exclusive)" errors={errors.end}>
              <input id="end" placeholder="YYYY-MM-DD" value={form.end} aria-invalid={Boolean(errors.end)} aria-describedby={describedBy('end', errors.end)} onChange={(e) => setForm({ end: e.target.value })} />
            </Field>
          </div>
        )}
        {form.windowMode === 'range' && (
          <Field id="as-of" label="As of (UTC, optional)" errors={errors.as_of} hint="Snapshot instant for _ingested_at and filing status; empty = end.">
            <input id="as-of" placeholder="= end" value={form.asOf} aria-invalid={Boolean(errors.as_of)} aria-describedby={describedBy('as-of', errors.as_of, 'hint')} onChange={(e) => setForm({ asOf: e.target.value })} />
          </Field>
        )}
        {form.windowMode === 'days' && errors.as_of?.map((m) => <p key={m} className="error" role="alert">{m}</p>)}
      </fieldset>

      <fieldset disabled={running}>
        <legend>Options</legend>
        <Field id="seed" label="Seed" errors={errors.seed}>
          <div className="row tight">
            <input id="seed" inputMode="numeric" value={form.seed} aria-invalid={Boolean(errors.seed)} aria-describedby={describedBy('seed', errors.seed)} onChange={(e) => setForm({ seed: e.target.value })} />
            <button type="button" className="secondary" onClick={() => setForm({ seed: newSeed() })}>New seed</button>
          </div>
        </Field>
        <Field id="pii" label="Player PII">
          <select id="pii" value={form.pii} onChange={(e) => setForm({ pii: e.target.value as 'masked' | 'raw' })}>
            <option value="masked">Masked (default)</option>
            <option value="raw">Raw — for testing only</option>
          </select>
        </Field>
        {form.pii === 'raw' && (
          <p className="warning" role="note">
            Raw mode writes names, emails, phones and street addresses in clear text. They are for testing only and
            every value is fictional: 555-01xx phones, example.com/.net/.org emails, SSNs never issued.
          </p>
        )}
        <div className="row">
          <Field id="format" label="Format" errors={errors.format}>
            <select id="format" value={form.format} onChange={(e) => setForm({ format: e.target.value as OutputFormat, compression: 'default' })}>
              <option value="parquet">Parquet</option>
              <option value="csv">CSV</option>
              <option value="json">JSON Lines</option>
              <option value="delta">Delta Lake</option>
            </select>
          </Field>
          <Field id="compression" label="Compression" errors={errors.compression}>
            <select id="compression" value={form.compression} onChange={(e) => setForm({ compression: e.target.value as 'default' })}>
              <option value="default">{writesParquet(form.format) ? 'Snappy (default)' : 'None (default)'}</option>
              {writesParquet(form.format) && <option value="zstd">Zstandard</option>}
              {writesParquet(form.format) && <option value="none">None</option>}
            </select>
          </Field>
        </div>
        {form.format === 'delta' && (
          <p className="hint">Delta Lake: per table a folder of Parquet part files and a <code>_delta_log</code> commit with the schema, column comments and statistics.</p>
        )}
        <Field id="partitioning" label="Layout" hint="Daily folders: <table>/event_date=YYYY-MM-DD/part-00000 (Hive style), as CLI --partition-by day.">
          <select id="partitioning" value={partitioning} aria-describedby="partitioning-hint" onChange={(e) => setPartitioning(e.target.value as 'none' | 'day')}>
            <option value="none">One file per table</option>
            <option value="day">Daily partitions (Hive style)</option>
          </select>
        </Field>
        <Field id="storage" label="Storage" hint="Where the files are kept until you download them; never sent anywhere.">
          <select
            id="storage"
            value={storageChoice}
            aria-describedby="storage-hint"
            onChange={(e) => (e.target.value === 'folder' ? void chooseFolder() : setStorageChoice(e.target.value as StorageChoice))}
          >
            <option value="auto">Automatic — browser storage above {approxSize(MEMORY_LIMIT_BYTES)}</option>
            <option value="memory">This tab's memory</option>
            <option value="opfs" disabled={!opfsAvailable()}>Browser storage (OPFS)</option>
            {folderPickerAvailable() && <option value="folder">{pickedFolder ? `Folder "${pickedFolder.name}"` : 'A folder on this computer…'}</option>}
          </select>
        </Field>
        <Field id="workers" label="Web Workers" hint="Threads for this run; the files are the same whatever the count.">
          <select id="workers" value={workers} aria-describedby="workers-hint" onChange={(e) => setWorkers(Number(e.target.value))}>
            <option value={1}>1 — generate and write in one worker</option>
            <option value={2}>2 — one generator, one writer</option>
            <option value={3}>3 — two generators, one writer</option>
          </select>
        </Field>
        <Field id="jurisdiction" label="Jurisdiction" hint="W-2G thresholds and withholding.">
          <select id="jurisdiction" value={form.jurisdiction} aria-describedby="jurisdiction-hint" onChange={(e) => setForm({ jurisdiction: e.target.value as 'US-2025' | 'US-2026' })}>
            <option value="US-2025">US 2025 (default)</option>
            <option value="US-2026">US 2026 — verify before relying on it</option>
          </select>
        </Field>
      </fieldset>
      {errors.form?.map((m) => <p key={m} className="error" role="alert">{m}</p>)}
    </form>
  );
}
