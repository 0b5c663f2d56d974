/**
 * The preview's rows of a table: at most `size` rows spread evenly over the whole file (row ⌊j·N/S⌋ for j < S),
 * so a 30-day table previews all 30 days, not the first hours. Each work unit picks its own rows from its position
 * in the file, so the sample is the same whichever thread generates which unit, and the rows never cross threads
 * except these.
 *
 * @example
 * sampleRows({ firstRow: 0, tableRows: 1_000_000 }, batches, 100_000); // rows 0, 10, 20, … of this unit
 */
import type { ColumnBatch, ColumnData } from '../generators/columns';

/** Where a unit's rows sit in its table's file. */
export interface UnitRows {
  /** The file row of the unit's first row. */
  readonly firstRow: number;
  /** The file's row count. */
  readonly tableRows: number;
}

/** Sample indices j whose file row ⌊j·N/S⌋ falls in [from, to): j ∈ [⌈from·S/N⌉, ⌈to·S/N⌉). */
function sampleRange(from: number, to: number, tableRows: number, size: number): [number, number] {
  const ceilDiv = (a: number) => Math.floor((a + tableRows - 1) / tableRows);
  return [ceilDiv(from * size), ceilDiv(to * size)];
}

/** This unit's rows of the table's evenly spread sample of at most `size` rows, in one batch (null: none). */
export function sampleRows(unit: UnitRows, batches: readonly ColumnBatch[], size: number): ColumnBatch | null {
  const { firstRow, tableRows } = unit;
  const rows = batches.reduce((n, b) => n + b.length, 0);
  if (size <= 0 || rows === 0 || tableRows === 0) return null;
  const sampled = Math.min(size, tableRows);
  // A table no larger than the sample is previewed whole: its rows as they are (joined when the unit has several chunks).
  if (sampled === tableRows) return batches.length === 1 ? batches[0] : concatBatches(batches.filter((b) => b.length > 0));
  const [from, to] = sampleRange(firstRow, firstRow + rows, tableRows, sampled);
  if (to <= from) return null;
  // Unit-relative row of each sample index, then (batch, row) pairs.
  const picks: [number, Int32Array][] = [];
  let j = from;
  let start = firstRow;
  for (let b = 0; b < batches.length; b++) {
    const end = start + batches[b].length;
    const mine: number[] = [];
    for (; j < to; j++) {
      const row = Math.floor((j * tableRows) / sampled);
      if (row >= end) break;
      mine.push(row - start);
    }
    if (mine.length > 0) picks.push([b, Int32Array.from(mine)]);
    start = end;
  }
  const parts = picks.map(([b, rowsOf]) => gatherBatch(batches[b], rowsOf));
  return parts.length === 1 ? parts[0] : concatBatches(parts);
}

/** The rows `rows` of `batch`, copied. */
export function gatherBatch(batch: ColumnBatch, rows: Int32Array): ColumnBatch {
  return { length: rows.length, columns: batch.columns.map((c) => gatherColumn(c, rows)) };
}

// Plain loops throughout: a mapping TypedArray.from or a subarray per cell costs an order of magnitude more.
function gatherColumn(column: ColumnData, rows: Int32Array): ColumnData {
  const valid = column.valid ? gatherBytes(column.valid, rows) : null;
  if (column.type !== 'string') {
    const source = column.values;
    const values = new (source.constructor as new (n: number) => typeof source)(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = source[rows[i]];
    return { ...column, values, valid } as ColumnData;
  }
  const { offsets: from, bytes: source } = column;
  const offsets = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + from[rows[i] + 1] - from[rows[i]];
  const bytes = new Uint8Array(offsets[rows.length]);
  for (let i = 0, at = 0; i < rows.length; i++) for (let b = from[rows[i]], end = from[rows[i] + 1]; b < end; b++) bytes[at++] = source[b];
  return { type: 'string', offsets, bytes, valid };
}

function gatherBytes(source: Uint8Array, rows: Int32Array): Uint8Array {
  const out = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = source[rows[i]];
  return out;
}

/** Batches of one schema joined into one (the sample rows a unit took from each of its chunks). */
function concatBatches(parts: readonly ColumnBatch[]): ColumnBatch {
  const length = parts.reduce((n, p) => n + p.length, 0);
  return { length, columns: parts[0].columns.map((_, c) => joinColumns(parts.map((p) => p.columns[c]), length)) };
}

function joinColumns(pieces: readonly ColumnData[], length: number): ColumnData {
  const first = pieces[0];
  const anyNull = pieces.some((p) => p.valid !== null);
  const lengths = pieces.map((p) => (p.type === 'string' ? p.offsets.length - 1 : p.values.length));
  const valid = anyNull ? new Uint8Array(length) : null;
  if (valid) {
    let at = 0;
    pieces.forEach((p, i) => {
      if (p.valid) valid.set(p.valid, at);
      else valid.fill(1, at, at + lengths[i]);
      at += lengths[i];
    });
  }
  if (first.type !== 'string') {
    const numeric = pieces as Exclude<ColumnData, { type: 'string' }>[];
    const values = new (numeric[0].values.constructor as new (n: number) => (typeof numeric)[0]['values'])(length);
    let at = 0;
    for (const p of numeric) {
      values.set(p.values as never, at);
      at += p.values.length;
    }
    return { ...numeric[0], values, valid } as ColumnData;
  }
  const strings = pieces as Extract<ColumnData, { type: 'string' }>[];
  const offsets = new Int32Array(length + 1);
  const bytes = new Uint8Array(strings.reduce((n, p) => n + p.offsets[p.offsets.length - 1], 0));
  let row = 0;
  let base = 0;
  for (const p of strings) {
    const n = p.offsets.length - 1;
    for (let i = 1; i <= n; i++) offsets[row + i] = base + p.offsets[i];
    bytes.set(p.bytes.subarray(0, p.offsets[n]), base);
    row += n;
    base += p.offsets[n];
  }
  return { type: 'string', offsets, bytes, valid };
}
