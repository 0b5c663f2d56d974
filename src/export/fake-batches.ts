/**
 * Deterministic fake ColumnBatches for encoder tests and benchmarks: every value is a
 * function of (global row, column index), with nulls in nullable columns and strings that
 * need CSV quoting or JSON escaping.
 */
import { type ColumnBatch, type ColumnData, StringColumnBuilder } from '../generators/columns';
import { type ColumnSpec, type TableSchema, col, defineTable, money } from '../generators/schema/types';
import { CHUNK_ROWS } from '../generators/tables';

const TRICKY = ['a,b', 'say "hi"', 'line\nbreak', 'cr\rlf', 'ünïcødé €', 'tab\there', '\\back\\slash'];
const BASE_US = 1_767_225_600_000_000; // 2026-01-01T00:00:00Z

export interface FakeOptions {
  /**
   * Draw every string column but the first (the row id) from this many values, for
   * realistic cardinalities in benchmarks. Default: every string distinct, some tricky.
   */
  distinctStrings?: number;
}

/** Whether the fake value of (row, column) is null. */
export function fakeIsNull(spec: ColumnSpec, row: number, c: number): boolean {
  return spec.nullable && (row * 7 + c * 3) % 5 === 0;
}

/** Fake value of (row, column) as the JS value a reader should give back (µs for timestamps, days for dates). */
export function fakeValue(spec: ColumnSpec, row: number, c: number, opts: FakeOptions = {}): string | number | boolean {
  switch (spec.type) {
    case 'string':
      if (opts.distinctStrings !== undefined && c > 0) return `${spec.name}-${(row * 40_503) % opts.distinctStrings}`;
      return row % 11 === 3 ? `${TRICKY[(row + c) % TRICKY.length]} ${row}` : `${spec.name}-${row}`;
    case 'int32':
      return ((row * 31 + c) % 100_000) - 500;
    case 'int64':
      return (row % 4 === 0 ? -1 : 1) * (row * 1_000_003 + 2 ** 40 + c);
    case 'float64':
      if (spec.money) return ((((row * 7919 + c * 13) % 200_001) - 100_000) / 100) || 0;
      return row % 13 === 5 ? (row + 1) * 1e-9 : (row * 0.37 + c) / 7;
    case 'bool':
      return (row + c) % 3 === 0;
    case 'date':
      return -3000 + ((row * 3 + c) % 40_000);
    case 'timestamp':
      return BASE_US + row * 1_234_567 + c;
  }
}

/** Rows [firstRow, firstRow + length) of a fake table. */
export function fakeBatch(schema: TableSchema, firstRow: number, length: number, opts: FakeOptions = {}): ColumnBatch {
  const columns = schema.columns.map((spec, c) => fakeColumn(spec, c, firstRow, length, opts));
  return { length, columns };
}

/** A fake table of `rows` rows cut into 65,536-row chunks. */
export function* fakeChunks(schema: TableSchema, rows: number, opts: FakeOptions = {}): Generator<ColumnBatch> {
  for (let first = 0; first < rows; first += CHUNK_ROWS) {
    yield fakeBatch(schema, first, Math.min(CHUNK_ROWS, rows - first), opts);
  }
}

function fakeColumn(spec: ColumnSpec, c: number, firstRow: number, length: number, opts: FakeOptions): ColumnData {
  const valid = spec.nullable ? new Uint8Array(length) : null;
  if (valid) for (let i = 0; i < length; i++) valid[i] = fakeIsNull(spec, firstRow + i, c) ? 0 : 1;
  if (spec.type === 'string') {
    const builder = new StringColumnBuilder(length);
    for (let i = 0; i < length; i++) {
      const row = firstRow + i;
      builder.pushNullable(fakeIsNull(spec, row, c) ? null : (fakeValue(spec, row, c, opts) as string));
    }
    return builder.finish();
  }
  const values =
    spec.type === 'int32' || spec.type === 'date'
      ? new Int32Array(length)
      : spec.type === 'bool'
        ? new Uint8Array(length)
        : new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const row = firstRow + i;
    if (fakeIsNull(spec, row, c)) continue;
    const v = fakeValue(spec, row, c);
    values[i] = typeof v === 'boolean' ? (v ? 1 : 0) : (v as number);
  }
  return { type: spec.type, values, valid } as ColumnData;
}

/** A small made-up table with every column type, required and nullable, for encoder tests. */
export const MINI_SCHEMA: TableSchema = defineTable(
  { key: 'slots', stem: 'mini_test', source: 'MiniGenerator', timestampColumn: 'at' },
  [
    col('id', 'string', 'required', 'Row id.'),
    col('at', 'timestamp', 'required', 'When it happened.'),
    col('day', 'date', 'nullable', 'A calendar day.'),
    col('n32', 'int32', 'nullable', 'A 32-bit count.'),
    col('n64', 'int64', 'nullable', 'A 64-bit count.'),
    money('amount', 'nullable', 'Dollars.'),
    col('ratio', 'float64', 'nullable', 'A fraction.'),
    col('flag', 'bool', 'nullable', 'A yes/no answer.'),
    col('note', 'string', 'nullable', 'Free text.'),
  ],
);

/**
 * A batch from row objects keyed by column name (missing or null = null). Timestamps are µs
 * since the epoch, dates days since 1970-01-01. For exact-format tests.
 */
export function batchFromRows(schema: TableSchema, rows: readonly Record<string, unknown>[]): ColumnBatch {
  const length = rows.length;
  const columns = schema.columns.map((spec): ColumnData => {
    const cells = rows.map((r) => r[spec.name] ?? null);
    const valid = spec.nullable ? Uint8Array.from(cells, (v) => (v === null ? 0 : 1)) : null;
    if (spec.type === 'string') {
      const builder = new StringColumnBuilder(length);
      for (const v of cells) builder.pushNullable(v === null ? null : String(v));
      return builder.finish();
    }
    const numbers = cells.map((v) => (v === null ? 0 : typeof v === 'boolean' ? Number(v) : (v as number)));
    if (spec.type === 'int32' || spec.type === 'date') return { type: spec.type, values: Int32Array.from(numbers), valid };
    if (spec.type === 'bool') return { type: 'bool', values: Uint8Array.from(numbers), valid };
    return { type: spec.type, values: Float64Array.from(numbers), valid };
  });
  return { length, columns };
}
