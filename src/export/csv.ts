/**
 * Streaming CSV encoder (SPEC 13.1, 13.3; RFC 4180): header row first (also for an empty
 * table), comma separator, CRLF after every row, a field quoted only when it holds a comma,
 * quote, CR or LF, null as an empty unquoted field. One output chunk per input batch.
 */
import type { ColumnBatch } from '../generators/columns';
import type { TableSchema } from '../generators/schema/types';
import { ByteWriter, type CellWriter, DateWriter, estimateTextBytes, scalarCellWriter } from './text-format';
import { validateBatch } from './validate-batch';

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Encodes a table as CSV; the generator's return value is the row count. `withHeader` false leaves the header
 * row out (a piece of a file after its first, encoded in parallel).
 * Example: `for await (const bytes of encodeCsv(SCHEMAS.players, chunks)) sink.write(bytes);`
 */
export async function* encodeCsv(
  schema: TableSchema,
  batches: AsyncIterable<ColumnBatch> | Iterable<ColumnBatch>,
  withHeader = true,
): AsyncGenerator<Uint8Array, number, undefined> {
  const header = withHeader ? csvHeader(schema) : null;
  const dates = new DateWriter();
  let rows = 0;
  let first = true;
  for await (const batch of batches) {
    validateBatch(schema, batch);
    yield encodeCsvBatch(schema, batch, dates, first ? header : null);
    first = false;
    rows += batch.length;
  }
  if (first && header) yield header;
  return rows;
}

/** The header row: canonical column names, CRLF-terminated. */
export function csvHeader(schema: TableSchema): Uint8Array {
  return encodeCsvRows([schema.columns.map((column) => column.name)]);
}

/**
 * Rows of text fields with the table files' quoting, CRLF after each row (the data dictionary uses it too).
 * Example: `encodeCsvRows([['a', 'b,c']])` is the bytes of `a,"b,c"\r\n`.
 */
export function encodeCsvRows(rows: readonly (readonly string[])[]): Uint8Array {
  const w = new ByteWriter(256);
  const utf8 = new TextEncoder();
  for (const row of rows) {
    row.forEach((text, c) => {
      const field = utf8.encode(text);
      w.reserve(2 * field.length + 4);
      if (c > 0) w.bytes[w.pos++] = COMMA;
      writeCsvField(w, field, 0, field.length);
    });
    w.reserve(2);
    w.bytes[w.pos++] = CR;
    w.bytes[w.pos++] = LF;
  }
  return w.finish();
}

/** One batch as CSV rows, prefixed by `header` when given. */
export function encodeCsvBatch(
  schema: TableSchema,
  batch: ColumnBatch,
  dates: DateWriter,
  header: Uint8Array | null,
): Uint8Array {
  const w = new ByteWriter(estimateTextBytes(batch, 2) + (header?.length ?? 0));
  if (header !== null) w.copy(header, 0, header.length);
  const writers = batch.columns.map((column, c) =>
    column.type === 'string'
      ? csvStringWriter(column.bytes, column.offsets, batch.length)
      : scalarCellWriter(column, schema.columns[c].money === true, dates, false),
  );
  const valids = batch.columns.map((column) => column.valid);
  const width = writers.length;
  for (let row = 0; row < batch.length; row++) {
    for (let c = 0; c < width; c++) {
      w.reserve(1);
      if (c > 0) w.bytes[w.pos++] = COMMA;
      const valid = valids[c];
      if (valid === null || valid[row] !== 0) writers[c](w, row);
    }
    w.reserve(2);
    w.bytes[w.pos++] = CR;
    w.bytes[w.pos++] = LF;
  }
  return w.finish();
}

/** Cells of a string column; a column without special bytes is copied without per-cell scans. */
function csvStringWriter(bytes: Uint8Array, offsets: Int32Array, length: number): CellWriter {
  const plain = !hasSpecialByte(bytes, offsets[0], offsets[length]);
  return (w, row) => {
    const from = offsets[row];
    const to = offsets[row + 1];
    w.reserve(2 * (to - from) + 2);
    if (plain) w.copy(bytes, from, to);
    else writeCsvField(w, bytes, from, to);
  };
}

/** Whether bytes [from, to) hold a comma, quote, CR or LF. */
function hasSpecialByte(src: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = src[i];
    if (b === COMMA || b === QUOTE || b === CR || b === LF) return true;
  }
  return false;
}

/** Writes a UTF-8 field, quoting it only when needed (reserve 2 × length + 2 first). */
function writeCsvField(w: ByteWriter, src: Uint8Array, from: number, to: number): void {
  if (!hasSpecialByte(src, from, to)) return w.copy(src, from, to);
  const out = w.bytes;
  let p = w.pos;
  out[p++] = QUOTE;
  for (let i = from; i < to; i++) {
    const b = src[i];
    if (b === QUOTE) out[p++] = QUOTE;
    out[p++] = b;
  }
  out[p++] = QUOTE;
  w.pos = p;
}
