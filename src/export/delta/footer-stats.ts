/**
 * A Delta `add` action's statistics (numRecords, minValues, maxValues, nullCount) read from a Parquet file's
 * footer: each column chunk's statistics, combined over the row groups. Reading the footer (not the rows) works
 * however the file was encoded, also when workers encoded its row groups and the writer only stitched them.
 */
import { formatDate } from '../../generators/scenario/instant';
import type { ColumnSpec, TableSchema } from '../../generators/schema/types';
import { ExportError } from '../export-error';
import { columnEncoding } from '../parquet-columns';
import { CHUNK, FILE, GROUP, META, readFooter } from '../parquet-footer';
import { field, intField, listField, structField, T, type TStruct, type TValue } from '../thrift-compact';

/** Statistics field ids (parquet.thrift). */
const STATS = { nullCount: 3, maxValue: 5, minValue: 6 } as const;

export type StatValue = string | number | boolean;

export interface DeltaStats {
  readonly numRecords: number;
  /** Per column with statistics (parquet-columns.ts) and at least one value: a lower bound. */
  readonly minValues: Record<string, StatValue>;
  /** Per column with at least one value: an upper bound. */
  readonly maxValues: Record<string, StatValue>;
  readonly nullCount: Record<string, number>;
}

/** The statistics of the Parquet file whose last bytes are `tail` (they must hold the whole footer). */
export function footerStats(tail: Uint8Array, schema: TableSchema): DeltaStats {
  const { meta } = readFooter(tail, 'a Delta data file');
  const columns = schema.columns;
  const minimum: (Uint8Array | null)[] = columns.map(() => null);
  const maximum: (Uint8Array | null)[] = columns.map(() => null);
  const nulls = columns.map(() => 0);
  for (const group of listField(meta, FILE.rowGroups) as TStruct[]) {
    const chunks = listField(group, GROUP.columns) as TStruct[];
    if (chunks.length !== columns.length) throw new ExportError('E_PARQUET', `${schema.stem}: a row group has ${chunks.length} columns, the schema ${columns.length}`);
    chunks.forEach((chunk, c) => {
      const chunkMeta = structField(chunk, CHUNK.meta);
      const path = listField(chunkMeta, META.pathInSchema).map(text).join('.');
      if (path !== columns[c].name) throw new ExportError('E_PARQUET', `${schema.stem}: column ${c} is ${path}, expected ${columns[c].name}`);
      if (!columnEncoding(columns[c]).statistics) return;
      const stats = field(chunkMeta, META.statistics);
      if (stats?.type !== T.STRUCT || 'raw' in stats) throw new ExportError('E_PARQUET', `${schema.stem}.${columns[c].name}: no statistics in the footer`);
      nulls[c] += intField(stats, STATS.nullCount) ?? 0;
      const low = bytesField(stats, STATS.minValue);
      const high = bytesField(stats, STATS.maxValue);
      if (low && (!minimum[c] || compare(columns[c], low, minimum[c]!) < 0)) minimum[c] = low;
      if (high && (!maximum[c] || compare(columns[c], high, maximum[c]!) > 0)) maximum[c] = high;
    });
  }
  const minValues: Record<string, StatValue> = {};
  const maxValues: Record<string, StatValue> = {};
  const nullCount: Record<string, number> = {};
  columns.forEach((column, c) => {
    if (!columnEncoding(column).statistics) return;
    if (minimum[c]) minValues[column.name] = statValue(column, minimum[c]!);
    if (maximum[c]) maxValues[column.name] = statValue(column, maximum[c]!);
    nullCount[column.name] = nulls[c];
  });
  return { numRecords: intField(meta, FILE.numRows) ?? 0, minValues, maxValues, nullCount };
}

function bytesField(struct: TStruct, id: number): Uint8Array | null {
  const value: TValue | undefined = field(struct, id);
  return value?.type === T.BINARY ? value.bytes : null;
}

const decoder = new TextDecoder();
const text = (value: TValue) => (value.type === T.BINARY ? decoder.decode(value.bytes) : '');

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** A plain-encoded statistic as a number (int32, date, int64, timestamp, double, bool). */
function numberOf(column: ColumnSpec, bytes: Uint8Array): number {
  switch (column.type) {
    case 'int32':
    case 'date':
      return view(bytes).getInt32(0, true);
    case 'int64':
    case 'timestamp':
      return Number(view(bytes).getBigInt64(0, true));
    case 'float64':
      return view(bytes).getFloat64(0, true);
    case 'bool':
      return bytes[0];
    case 'string':
      throw new Error('numberOf called on a string column');
  }
}

/** Parquet's order: numbers by value, strings byte-wise (unsigned), as the footer's own statistics compare. */
function compare(column: ColumnSpec, a: Uint8Array, b: Uint8Array): number {
  if (column.type !== 'string') return numberOf(column, a) - numberOf(column, b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * A statistic in Delta's JSON form: dates `YYYY-MM-DD`; timestamps ISO-8601 UTC truncated down to milliseconds,
 * as the Delta protocol defines them (readers widen a maximum by 1 ms); -0 is 0.
 */
function statValue(column: ColumnSpec, bytes: Uint8Array): StatValue {
  if (column.type === 'string') return decoder.decode(bytes);
  const value = numberOf(column, bytes);
  switch (column.type) {
    case 'bool':
      return value !== 0;
    case 'date':
      return formatDate(value);
    case 'timestamp':
      return new Date(Math.floor(value / 1000)).toISOString();
    default:
      return value === 0 ? 0 : value;
  }
}
