/**
 * Explore a generated table: its first rows in a virtualized, sortable grid (TanStack Table + Virtual),
 * with column types in the headers, or its Arrow schema (type, nullability, meaning).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  createSortedRowModel, FlexRender, rowSortingFeature, tableFeatures, useTable, type ColumnDef,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { SCHEMAS } from '../../generators/schema';
import type { TableKey } from '../../generators/tables';
import type { SchemaField } from '../../workers/run-api';
import { save } from '../download';
import { count } from '../format';
import { compareCells, PreviewModel } from '../preview-model';
import { TABLE_LABELS } from '../scenario-form';
import { useApp } from '../store';

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const ROW_HEIGHT = 28;

/** A preview row is its index into the batches (TanStack rows are objects). */
interface PreviewRow {
  readonly i: number;
}

function RowsGrid({ model }: { model: PreviewModel }) {
  const data = useMemo<PreviewRow[]>(() => Array.from({ length: model.length }, (_, i) => ({ i })), [model]);
  const columns = useMemo<ColumnDef<typeof features, PreviewRow>[]>(
    () => model.columns.map((spec, c) => ({
      id: spec.name,
      // Nulls as undefined: TanStack keeps them last in both directions (sortUndefined).
      accessorFn: (row: PreviewRow) => model.value(row.i, c) ?? undefined,
      sortUndefined: 'last',
      header: spec.name,
      cell: (info) => model.text(info.row.original.i, c),
      sortFn: (a, b, id) => compareCells(a.getValue(id) ?? null, b.getValue(id) ?? null),
      meta: { type: spec.type },
    })),
    [model],
  );
  const table = useTable({ features, columns, data });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const width = model.columns.length;
  return (
    <div className="grid-scroll" ref={scroller} tabIndex={0} aria-label="Preview rows (scroll)">
      <table className="grid">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header, c) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                    <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                      <FlexRender header={header} />
                      <span className="type">{model.columns[c].type}{model.columns[c].nullable ? '?' : ''}</span>
                      <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 && <tr className="spacer"><td colSpan={width} style={{ height: top }} /></tr>}
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <tr key={row.id} style={{ height: ROW_HEIGHT }}>
                {row.getAllCells().map((cell) => <td key={cell.id}><FlexRender cell={cell} /></td>)}
              </tr>
            );
          })}
          {bottom > 0 && <tr className="spacer"><td colSpan={width} style={{ height: bottom }} /></tr>}
        </tbody>
      </table>
    </div>
  );
}

function SchemaTable({ fields }: { fields: readonly SchemaField[] }) {
  return (
    <table className="schema">
      <thead>
        <tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Nullable</th><th scope="col">Meaning</th></tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.name}><td><code>{f.name}</code></td><td><code>{f.type}</code></td><td>{f.nullable ? 'yes' : 'no'}</td><td>{f.description}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** The run's data dictionary, built in the run worker: the bytes CLI `--dictionary` writes for the scenario. */
function DictionaryDownloads() {
  const loadDictionary = useApp((s) => s.loadDictionary);
  const [error, setError] = useState<string | null>(null);
  const download = async (index: 0 | 1) => {
    setError(null);
    try {
      const file = (await loadDictionary())[index];
      save(file.name, file.data);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="actions dictionary">
      <p className="hint">Every table of this run: columns, types, nullability, meaning and example values (as CLI <code>--dictionary</code>).</p>
      <button type="button" className="secondary" onClick={() => void download(0)}>Data dictionary (.md)</button>
      <button type="button" className="secondary" onClick={() => void download(1)}>Data dictionary (.csv)</button>
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}

export function ExplorePanel() {
  const { result, status, loadPreview, loadSchema } = useApp();
  const keys = [...new Set(result?.files.map((f) => f.key).filter((k): k is TableKey => k !== null) ?? [])];
  const [key, setKey] = useState<TableKey | null>(null);
  const [tab, setTab] = useState<'rows' | 'schema'>('rows');
  const [model, setModel] = useState<PreviewModel | null>(null);
  const [fields, setFields] = useState<SchemaField[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = key && keys.includes(key) ? key : (keys[0] ?? null);
  useEffect(() => {
    setModel(null);
    setFields(null);
    setError(null);
    if (!current || status !== 'done') return;
    let live = true;
    Promise.all([loadPreview(current), loadSchema(current)]).then(
      ([preview, schema]) => {
        if (!live) return;
        setModel(new PreviewModel(preview.batches, SCHEMAS[current].columns));
        setFields(schema);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [current, status, result, loadPreview, loadSchema]);
  if (status !== 'done' || !current) return null;
  const total = result?.files.filter((f) => f.key === current).reduce((a, f) => a + f.rows, 0) ?? 0;
  return (
    <section className="panel explore" aria-label="Explore">
      <div className="actions">
        <h2>Explore</h2>
        <label htmlFor="explore-table" className="inline">Table</label>
        <select id="explore-table" value={current} onChange={(e) => setKey(e.target.value as TableKey)}>
          {keys.map((k) => <option key={k} value={k}>{TABLE_LABELS[k]} ({SCHEMAS[k].stem})</option>)}
        </select>
        <div role="tablist" aria-label="View" className="tabs">
          <button type="button" role="tab" aria-selected={tab === 'rows'} onClick={() => setTab('rows')}>Rows</button>
          <button type="button" role="tab" aria-selected={tab === 'schema'} onClick={() => setTab('schema')}>Schema</button>
        </div>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {tab === 'rows' && model && (
        <>
          <p className="hint">
            {model.length < total ? `${count(model.length)} of ${count(total)} rows, evenly spread over the whole file.` : `All ${count(total)} rows.`} Click a column to sort the preview.
          </p>
          <RowsGrid model={model} />
        </>
      )}
      {tab === 'schema' && fields && (
        <>
          <DictionaryDownloads />
          <SchemaTable fields={fields} />
        </>
      )}
    </section>
  );
}
