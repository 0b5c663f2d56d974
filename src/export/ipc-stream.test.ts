import * as arrow from 'apache-arrow';
import * as pw from 'parquet-wasm';
import { describe, expect, it } from 'vitest';
import type { ColumnBatch } from '../generators/columns';
import { SCHEMAS } from '../generators/schema/index';
import type { TableSchema } from '../generators/schema/types';
import { CHUNK_ROWS } from '../generators/tables';
import { toArrowSchema, toRecordBatch } from './arrow';
import { ExportError } from './export-error';
import { MINI_SCHEMA, batchFromRows, fakeBatch, fakeIsNull, fakeValue } from './fake-batches';
import { IpcStreamEncoder } from './ipc-stream';

/** apache-arrow's own stream writer on the same batch: the bytes the encoder must reproduce. */
function arrowWriterBytes(schema: TableSchema, batch: ColumnBatch): Uint8Array {
  return arrow.tableToIPC(new arrow.Table(toRecordBatch(schema, batch)), 'stream');
}

/** A copy of the stream of `batch` (the encoder lends its bytes only during the callback). */
function bytesOf(encoder: IpcStreamEncoder, batch: ColumnBatch): Uint8Array {
  return encoder.encode(batch, (stream) => stream.slice());
}

/** Index of the first differing byte, -1 when equal (toEqual on large arrays is very slow). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** Every value of a table read back, compared with the fake rows [firstRow, firstRow + numRows). */
function expectFakeValues(table: arrow.Table, schema: TableSchema, firstRow: number) {
  expect(table.batches.length).toBeLessThanOrEqual(1);
  schema.columns.forEach((spec, c) => {
    const vector = table.getChildAt(c)!;
    for (let i = 0; i < table.numRows; i++) {
      const row = firstRow + i;
      const expected = fakeIsNull(spec, row, c) ? null : fakeValue(spec, row, c);
      const got = vector.get(i);
      if (expected === null) expect(got, `${spec.name}[${i}]`).toBeNull();
      else if (spec.type === 'timestamp' || spec.type === 'int64') {
        // The raw int64 (get() gives timestamps in ms); tables here hold one batch.
        expect(Number((vector.data[0].values as BigInt64Array)[i]), `${spec.name}[${i}]`).toBe(expected);
      }
      else if (spec.type === 'date') expect(got, `${spec.name}[${i}]`).toBe((expected as number) * 86_400_000);
      else expect(got, `${spec.name}[${i}]`).toBe(expected);
    }
  });
}

const ROW = { id: 'a', at: 0, _ingested_at: 0, _source: 's', _batch_id: 'b' };

describe('IpcStreamEncoder', () => {
  const mini = new IpcStreamEncoder(MINI_SCHEMA);

  it('reads back equal to the batch, every type with nulls, and matches apache-arrow byte for byte', () => {
    const batch = fakeBatch(MINI_SCHEMA, 5000, 1003);
    const bytes = bytesOf(mini, batch);
    expect(bytes.length % 8).toBe(0);
    expect(firstDifference(bytes, arrowWriterBytes(MINI_SCHEMA, batch))).toBe(-1);
    const table = arrow.tableFromIPC(bytes);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(toArrowSchema(MINI_SCHEMA).fields.map((f) => String(f.type)));
    expect(table.numRows).toBe(1003);
    expectFakeValues(table, MINI_SCHEMA, 5000);
  });

  it('matches apache-arrow for a whole slots chunk, reused for several batches', () => {
    const slots = new IpcStreamEncoder(SCHEMAS.slots);
    for (const first of [0, CHUNK_ROWS]) {
      const batch = fakeBatch(SCHEMAS.slots, first, CHUNK_ROWS, { distinctStrings: 50 });
      expect(firstDifference(bytesOf(slots, batch), arrowWriterBytes(SCHEMAS.slots, batch))).toBe(-1);
    }
  });

  it('omits the validity buffer of a column without nulls, and keeps an all-null bool column zero', () => {
    const batch = batchFromRows(MINI_SCHEMA, [
      { ...ROW, note: 'x', flag: null },
      { ...ROW, note: 'y', flag: null },
    ]);
    const bytes = bytesOf(mini, batch);
    expect(firstDifference(bytes, arrowWriterBytes(MINI_SCHEMA, batch))).toBe(-1);
    const table = arrow.tableFromIPC(bytes);
    expect(table.getChild('note')!.nullCount).toBe(0);
    expect(table.getChild('flag')!.nullCount).toBe(2);
    expect(table.getChild('note')!.toArray()).toEqual(['x', 'y']);
  });

  it('handles empty and short batches, and string offsets that do not start at 0', () => {
    for (const length of [0, 1, 7, 9]) {
      const batch = fakeBatch(MINI_SCHEMA, 40, length);
      expect(firstDifference(bytesOf(mini, batch), arrowWriterBytes(MINI_SCHEMA, batch))).toBe(-1);
      expectFakeValues(arrow.tableFromIPC(bytesOf(mini, batch)), MINI_SCHEMA, 40);
    }
    const batch = fakeBatch(MINI_SCHEMA, 0, 5);
    const note = batch.columns[8];
    if (note.type !== 'string') throw new Error('note is a string column');
    const shifted = Int32Array.from(note.offsets, (o) => o + 3);
    const bytes = new Uint8Array(note.bytes.length + 3).fill(120);
    bytes.set(note.bytes, 3);
    const moved = { ...batch, columns: batch.columns.map((c, i) => (i === 8 ? { ...note, offsets: shifted, bytes } : c)) };
    expect(firstDifference(bytesOf(mini, moved), bytesOf(mini, batch))).toBe(-1);
  });

  it('reuses its buffer: a stream does not depend on the batch before it', () => {
    const encoder = new IpcStreamEncoder(MINI_SCHEMA);
    const small = fakeBatch(MINI_SCHEMA, 77, 13);
    const alone = bytesOf(encoder, small);
    bytesOf(encoder, fakeBatch(MINI_SCHEMA, 0, 3000));
    expect(firstDifference(bytesOf(encoder, small), alone)).toBe(-1);
    expect(firstDifference(alone, arrowWriterBytes(MINI_SCHEMA, small))).toBe(-1);
    const nested = encoder.encode(small, (outer) => {
      const copy = outer.slice();
      bytesOf(encoder, fakeBatch(MINI_SCHEMA, 9, 500));
      return firstDifference(outer, copy);
    });
    expect(nested).toBe(-1);
  });

  it('writes the schema alone for a table with no rows', () => {
    expect(firstDifference(mini.empty(), arrow.tableToIPC(new arrow.Table(toArrowSchema(MINI_SCHEMA)), 'stream'))).toBe(-1);
    expect(arrow.tableFromIPC(mini.empty()).numRows).toBe(0);
  });

  it('is read by parquet-wasm: IPC -> Parquet -> IPC gives the same values', () => {
    const bytes = bytesOf(mini, fakeBatch(MINI_SCHEMA, 123, 2000));
    const parquet = pw.writeParquet(pw.Table.fromIPCStream(bytes));
    const back = arrow.tableFromIPC(pw.readParquet(parquet, { batchSize: 4096 }).intoIPCStream());
    expect(back.numRows).toBe(2000);
    expectFakeValues(back, MINI_SCHEMA, 123);
  });

  it('validates the batch first', () => {
    const batch = fakeBatch(MINI_SCHEMA, 0, 10);
    expect(() => bytesOf(mini, { ...batch, columns: batch.columns.slice(1) })).toThrow(ExportError);
    expect(() => bytesOf(mini, batchFromRows(MINI_SCHEMA, [{ ...ROW, id: null }]))).toThrow(/null in a required column/);
    expect(() => bytesOf(mini, batchFromRows(MINI_SCHEMA, [{ ...ROW, n64: 2 ** 60 }]))).toThrow(/safe integer/);
  });
});
