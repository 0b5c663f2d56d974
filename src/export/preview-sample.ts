/**
 * The preview's rows of a table: at most `size` rows spread evenly over the whole file (row ⌊j·N/S⌋ for j < S),
 * so a 30-day table previews all 30 days, not the first hours. Each work unit picks its own rows from its position
 * in the file, so the sample is the same whichever thread generates which unit, and the rows never cross threads
 * except these.
 *
 * @example
 * sampleRows({ firstRow: 0, tableRows: 1_000_000 }, batches, 100_000); // rows 0, 10, 20, … of this unit
 */
import { gatherFloat64, gatherInt32, gatherUint8, type ColumnBatch, type ColumnData } from '../generators/columns';
import { concatBatches } from './rechunk';

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
  // A table no larger than the sample is previewed whole: its rows copied (the sample leaves the thread, and a unit's
  // arrays may share buffers that the next unit reuses: unit-arena.ts), joined when the unit has several chunks.
  if (sampled === tableRows) {
    const filled = batches.filter((b) => b.length > 0);
    return filled.length === 1 ? copyBatch(filled[0]) : concatBatches(filled);
  }
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
  return concatBatches(parts);
}

/** A batch whose arrays are its own. */
function copyBatch(batch: ColumnBatch): ColumnBatch {
  const columns = batch.columns.map((c): ColumnData => {
    const valid = c.valid ? c.valid.slice() : null;
    return c.type === 'string' ? { type: 'string', offsets: c.offsets.slice(), bytes: c.bytes.slice(), valid } : ({ ...c, values: c.values.slice(), valid } as ColumnData);
  });
  return { length: batch.length, columns };
}

/** The rows `rows` of `batch`, copied. */
function gatherBatch(batch: ColumnBatch, rows: Int32Array): ColumnBatch {
  return { length: rows.length, columns: batch.columns.map((c) => gatherColumn(c, rows)) };
}

function gatherColumn(column: ColumnData, rows: Int32Array): ColumnData {
  const valid = column.valid ? gatherUint8(column.valid, rows) : null;
  switch (column.type) {
    case 'string':
      return { type: 'string', ...gatherStrings(column.offsets, column.bytes, rows), valid };
    case 'int32':
    case 'date':
      return { type: column.type, values: gatherInt32(column.values, rows), valid };
    case 'bool':
      return { type: 'bool', values: gatherUint8(column.values, rows), valid };
    default:
      return { type: column.type, values: gatherFloat64(column.values, rows), valid };
  }
}

/** The cells `rows` of a string column; a plain loop, as a subarray per cell costs an order of magnitude more. */
function gatherStrings(from: Int32Array, source: Uint8Array, rows: Int32Array): { offsets: Int32Array; bytes: Uint8Array } {
  const offsets = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + from[rows[i] + 1] - from[rows[i]];
  const bytes = new Uint8Array(offsets[rows.length]);
  for (let i = 0, at = 0; i < rows.length; i++) for (let b = from[rows[i]], end = from[rows[i] + 1]; b < end; b++) bytes[at++] = source[b];
  return { offsets, bytes };
}
