/**
 * "Load into a lakehouse" (issue 6): upload the output to a Fabric lakehouse's Files/, then Load to Tables or a
 * two-line PySpark snippet per table, and how each column type maps. The snippets name the run's own files once a
 * run is done (generic names before, or for another format); the type table is LAKEHOUSE_TYPES.
 */
import { useState } from 'react';
import { isDeltaLog } from '../../export/delta/delta-log';
import { LAKEHOUSE_FOLDER, needsSchema, sparkSnippet } from '../../export/lakehouse-guide';
import type { OutputFormat } from '../../generators/scenario/types';
import { LAKEHOUSE_TYPES, sparkSchema } from '../../export/lakehouse-types';
import { SCHEMAS } from '../../generators/schema';
import { TABLE_KEYS, type TableKey } from '../../generators/tables';
import type { RunFile } from '../../workers/run-api';
import { useApp } from '../store';

const FORMATS: readonly [OutputFormat, string][] = [['parquet', 'Parquet'], ['csv', 'CSV'], ['json', 'JSON Lines'], ['delta', 'Delta']];

/** A table's path under Files/: its file, or its folder (daily partitions, Delta tables). */
interface TablePath {
  readonly key: TableKey;
  readonly path: string;
}

/** The run's format, read from its file names (a `_delta_log` makes it Delta), and each table's path. */
function runPaths(files: readonly RunFile[]): { format: OutputFormat; tables: TablePath[] } | null {
  const tables = files.filter((f): f is RunFile & { key: TableKey } => f.key !== null);
  if (tables.length === 0) return null;
  const delta = tables.some((f) => isDeltaLog(f.name));
  const format = delta ? 'delta' : (tables[0].name.split('.').pop() as OutputFormat);
  const seen = new Map<TableKey, string>();
  for (const f of tables) if (!seen.has(f.key)) seen.set(f.key, f.name.split('/')[0]);
  return { format, tables: [...seen].map(([key, name]) => ({ key, path: `${LAKEHOUSE_FOLDER}/${name}` })) };
}

/** Generic paths: every table under its stem, as that format writes it without partitions. */
function genericPaths(format: OutputFormat): TablePath[] {
  return TABLE_KEYS.map((key) => ({ key, path: `${LAKEHOUSE_FOLDER}/${SCHEMAS[key].stem}${format === 'delta' ? '' : `.${format}`}` }));
}

function snippetText(format: OutputFormat, tables: readonly TablePath[]): string {
  return tables.map(({ key, path }) => [
    `# ${SCHEMAS[key].stem}`,
    ...(needsSchema(format) ? [`schema = "${sparkSchema(SCHEMAS[key])}"`] : []),
    ...sparkSnippet(format, SCHEMAS[key], path),
  ].join('\n')).join('\n\n');
}

export function LakehousePanel() {
  const { result, status } = useApp();
  const run = status === 'done' && result ? runPaths(result.files) : null;
  const [chosen, setChosen] = useState<OutputFormat | null>(null);
  const format = chosen ?? run?.format ?? 'parquet';
  const tables = run && run.format === format ? run.tables : genericPaths(format);
  return (
    <section className="panel lakehouse" id="lakehouse" aria-labelledby="lakehouse-heading">
      <h2 id="lakehouse-heading">Load into a lakehouse</h2>
      <ol>
        <li>
          <strong>Upload</strong> the output folder (unzip a zip first) into the lakehouse's <code>Files/</code>: in the
          lakehouse explorer, <em>Files → … → Upload → Upload folder</em>, or copy it with the OneLake file explorer. The
          snippets below assume <code>{LAKEHOUSE_FOLDER}/</code>.
        </li>
        <li>
          <strong>Parquet or CSV</strong>: right-click a table's file (or its folder of daily partitions) → <em>Load to
          Tables</em> → <em>New table</em> (for CSV keep the header option on; the Spark snippet instead reads CSV with each
          column's declared type). JSON Lines: use the Spark snippet.
        </li>
        <li>
          <strong>Delta</strong>: each table's folder is a Delta table. Upload the folders into <code>Tables/</code> instead
          and the lakehouse registers them as tables, or load them from <code>Files/</code> with the snippet.
        </li>
        <li><strong>Spark</strong>: in a notebook attached to the lakehouse, read each table and save it as a managed table:</li>
      </ol>
      <div role="tablist" aria-label="Snippets for" className="tabs">
        {FORMATS.map(([f, label]) => (
          <button key={f} type="button" role="tab" aria-selected={format === f} onClick={() => setChosen(f)}>{label}</button>
        ))}
      </div>
      <p className="hint">
        {run && run.format === format ? "With this run's file names." : 'With generic file names.'}
        {needsSchema(format) && ' The schema string gives each column its declared type; timestamps are read in the files\' UTC form.'}
      </p>
      <pre className="snippet" aria-label="PySpark snippet"><code>{snippetText(format, tables)}</code></pre>
      <h3>Column types</h3>
      <table className="types">
        <thead>
          <tr><th scope="col">Column type</th><th scope="col">Parquet</th><th scope="col">Spark SQL</th><th scope="col">Delta schema</th><th scope="col">SQL analytics endpoint</th><th scope="col">Note</th></tr>
        </thead>
        <tbody>
          {Object.values(LAKEHOUSE_TYPES).map((t) => (
            <tr key={t.column}><td><code>{t.column}</code></td><td>{t.parquet}</td><td>{t.spark}</td><td>{t.delta}</td><td>{t.fabricSql}</td><td>{t.note}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
