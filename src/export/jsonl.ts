/**
 * Streaming JSON Lines encoder (SPEC 13.1, 13.3): one compact object per row, keys in
 * canonical order, `null` for null, money as a number with two decimals (`12.50`), LF after
 * each line. An empty table is an empty file. One output chunk per input batch.
 */
import type { ColumnBatch } from '../generators/columns';
import type { TableSchema } from '../generators/schema/types';
import { ByteWriter, type CellWriter, DateWriter, estimateTextBytes, scalarCellWriter } from './text-format';
import { validateBatch } from './validate-batch';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NULL = [0x6e, 0x75, 0x6c, 0x6c];
const HEX = '0123456789abcdef';
/** Short escapes JSON.stringify uses for control characters (others become \u00XX). */
const SHORT_ESCAPES: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };

/**
 * Encodes a table as JSON Lines; the generator's return value is the row count.
 * Example: `for await (const bytes of encodeJsonl(SCHEMAS.compliance, chunks)) sink.write(bytes);`
 */
export async function* encodeJsonl(
  schema: TableSchema,
  batches: AsyncIterable<ColumnBatch> | Iterable<ColumnBatch>,
): AsyncGenerator<Uint8Array, number, undefined> {
  const keys = jsonKeys(schema);
  const dates = new DateWriter();
  let rows = 0;
  for await (const batch of batches) {
    validateBatch(schema, batch);
    yield encodeJsonlBatch(schema, batch, dates, keys);
    rows += batch.length;
  }
  return rows;
}

/** Per column, the bytes before its value: `{"name":` for the first, `,"name":` after. */
export function jsonKeys(schema: TableSchema): Uint8Array[] {
  const utf8 = new TextEncoder();
  return schema.columns.map((c, i) => utf8.encode(`${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`));
}

/** One batch as JSON Lines. */
export function encodeJsonlBatch(
  schema: TableSchema,
  batch: ColumnBatch,
  dates: DateWriter,
  keys: readonly Uint8Array[],
): Uint8Array {
  let keyBytes = 0;
  for (const key of keys) keyBytes += key.length;
  const w = new ByteWriter(estimateTextBytes(batch, keyBytes / keys.length + 2));
  const writers = batch.columns.map((column, c) =>
    column.type === 'string'
      ? jsonStringWriter(column.bytes, column.offsets, batch.length)
      : scalarCellWriter(column, schema.columns[c].money === true, dates, true),
  );
  const valids = batch.columns.map((column) => column.valid);
  const width = writers.length;
  for (let row = 0; row < batch.length; row++) {
    for (let c = 0; c < width; c++) {
      const key = keys[c];
      w.reserve(key.length + NULL.length);
      w.copy(key, 0, key.length);
      const valid = valids[c];
      if (valid === null || valid[row] !== 0) {
        writers[c](w, row);
      } else {
        for (let i = 0; i < NULL.length; i++) w.bytes[w.pos++] = NULL[i];
      }
    }
    w.reserve(2);
    w.bytes[w.pos++] = 0x7d; // }
    w.bytes[w.pos++] = 0x0a;
  }
  return w.finish();
}

/** Cells of a string column; a column that needs no escaping is copied without per-cell scans. */
function jsonStringWriter(bytes: Uint8Array, offsets: Int32Array, length: number): CellWriter {
  const plain = !needsEscape(bytes, offsets[0], offsets[length]);
  return (w, row) => {
    const from = offsets[row];
    const to = offsets[row + 1];
    w.reserve(6 * (to - from) + 2);
    w.bytes[w.pos++] = QUOTE;
    if (plain || !needsEscape(bytes, from, to)) w.copy(bytes, from, to);
    else writeEscaped(w, bytes, from, to);
    w.bytes[w.pos++] = QUOTE;
  };
}

/** Whether bytes [from, to) hold a quote, backslash or control character. */
function needsEscape(src: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = src[i];
    if (b < 0x20 || b === QUOTE || b === BACKSLASH) return true;
  }
  return false;
}

/** Writes string bytes escaped as JSON.stringify does (reserve 6 × length first). */
function writeEscaped(w: ByteWriter, src: Uint8Array, from: number, to: number): void {
  const out = w.bytes;
  let p = w.pos;
  for (let i = from; i < to; i++) {
    const b = src[i];
    if (b === QUOTE || b === BACKSLASH) {
      out[p++] = BACKSLASH;
      out[p++] = b;
    } else if (b >= 0x20) {
      out[p++] = b;
    } else if (SHORT_ESCAPES[b] !== undefined) {
      out[p++] = BACKSLASH;
      out[p++] = SHORT_ESCAPES[b];
    } else {
      out[p++] = BACKSLASH;
      out[p++] = 0x75; // u
      out[p++] = 0x30;
      out[p++] = 0x30;
      out[p++] = HEX.charCodeAt(b >> 4);
      out[p++] = HEX.charCodeAt(b & 15);
    }
  }
  w.pos = p;
}
