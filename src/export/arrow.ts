/**
 * ColumnBatch -> Arrow, against the declared table schema (SPEC 13.2; STYLE "one schema per
 * table"). Vectors are built straight from the typed arrays with `makeData`: no per-row objects.
 */
import * as arrow from 'apache-arrow';
import type { ColumnBatch, ColumnData } from '../generators/columns';
import type { ColumnSpec, TableSchema } from '../generators/schema/types';
import { validateBatch } from './validate-batch';

/**
 * Key of the one schema-level metadata entry: a JSON object `{ column: description }` in
 * canonical order. One key only, because parquet-rs holds key-value metadata in a HashMap
 * whose iteration order (and so the file bytes) would vary with several keys.
 */
export const DESCRIPTIONS_METADATA_KEY = 'column_descriptions';

/** The JSON text stored under DESCRIPTIONS_METADATA_KEY. */
export function describeColumns(schema: TableSchema): string {
  const out: Record<string, string> = {};
  for (const c of schema.columns) out[c.name] = c.description;
  return JSON.stringify(out);
}

/**
 * The Arrow schema of a table: timestamps are µs UTC-adjusted, dates DateDay, each field
 * carries `description` metadata. Example: `toArrowSchema(SCHEMAS.slots).fields.length === 24`.
 */
export function toArrowSchema(schema: TableSchema): arrow.Schema {
  const fields = schema.columns.map(
    (c) => new arrow.Field(c.name, toArrowType(c), c.nullable, new Map([['description', c.description]])),
  );
  return new arrow.Schema(fields, new Map([[DESCRIPTIONS_METADATA_KEY, describeColumns(schema)]]));
}

function toArrowType(column: ColumnSpec): arrow.DataType {
  switch (column.type) {
    case 'string':
      return new arrow.Utf8();
    case 'int32':
      return new arrow.Int32();
    case 'int64':
      return new arrow.Int64();
    case 'float64':
      return new arrow.Float64();
    case 'bool':
      return new arrow.Bool();
    case 'date':
      return new arrow.DateDay();
    case 'timestamp':
      return new arrow.TimestampMicrosecond('UTC');
  }
}

/**
 * One Arrow RecordBatch from a validated ColumnBatch. Pass `arrowSchema` (from toArrowSchema)
 * when converting many batches, so they share one schema object.
 */
export function toRecordBatch(
  schema: TableSchema,
  batch: ColumnBatch,
  arrowSchema: arrow.Schema = toArrowSchema(schema),
): arrow.RecordBatch {
  validateBatch(schema, batch);
  const children = batch.columns.map((column, i) => toData(arrowSchema.fields[i].type, column, batch.length));
  const struct = arrow.makeData({
    type: new arrow.Struct(arrowSchema.fields),
    length: batch.length,
    nullCount: 0,
    children,
  });
  return new arrow.RecordBatch(arrowSchema, struct);
}

function toData(type: arrow.DataType, column: ColumnData, length: number): arrow.Data {
  const { nullBitmap, nullCount } = packValidity(column.valid, length);
  const base = { type, length, nullCount, nullBitmap } as const;
  switch (column.type) {
    case 'string':
      return arrow.makeData({ ...base, type: type as arrow.Utf8, valueOffsets: column.offsets, data: column.bytes });
    case 'int32':
    case 'date':
      return arrow.makeData({ ...base, type: type as arrow.Int32, data: column.values });
    case 'float64':
      return arrow.makeData({ ...base, type: type as arrow.Float64, data: column.values });
    case 'int64':
    case 'timestamp':
      return arrow.makeData({ ...base, type: type as arrow.Int64, data: toBigInt64(column.values) });
    case 'bool':
      return arrow.makeData({ ...base, type: type as arrow.Bool, data: packBits(column.values, length) });
  }
}

/**
 * Arrow validity bitmap (LSB first) and null count; no bitmap when every row is valid. Nulls are
 * counted on the packed bits: a branch per row mispredicts and cost more than the packing.
 */
export function packValidity(valid: Uint8Array | null, length: number): { nullBitmap?: Uint8Array; nullCount: number } {
  if (valid === null) return { nullCount: 0 };
  const bits = packBits(valid, length);
  let present = 0;
  for (let i = 0; i < bits.length; i++) present += ONES[bits[i]];
  return present === length ? { nullCount: 0 } : { nullBitmap: bits, nullCount: length - present };
}

/** Set bits per byte value. */
const ONES = Uint8Array.from({ length: 256 }, (_, b) => {
  let n = 0;
  for (let v = b; v > 0; v >>= 1) n += v & 1;
  return n;
});

/** Packs one byte per row (non-zero = set) into bits, least significant bit first. */
export function packBits(bytes: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array((length + 7) >> 3);
  writeBits(bytes, length, out, 0);
  return out;
}

/** packBits into `out` from byte `at` on, overwriting whatever those (length + 7) >> 3 bytes held. */
export function writeBits(bytes: Uint8Array, length: number, out: Uint8Array, at: number): void {
  const whole = length & ~7;
  let i = 0;
  for (; i < whole; i += 8) {
    out[at + (i >> 3)] =
      (bytes[i] !== 0 ? 1 : 0) |
      (bytes[i + 1] !== 0 ? 2 : 0) |
      (bytes[i + 2] !== 0 ? 4 : 0) |
      (bytes[i + 3] !== 0 ? 8 : 0) |
      (bytes[i + 4] !== 0 ? 16 : 0) |
      (bytes[i + 5] !== 0 ? 32 : 0) |
      (bytes[i + 6] !== 0 ? 64 : 0) |
      (bytes[i + 7] !== 0 ? 128 : 0);
  }
  if (i === length) return;
  let tail = 0;
  for (let bit = 0; i < length; i++, bit++) if (bytes[i] !== 0) tail |= 1 << bit;
  out[at + (whole >> 3)] = tail;
}

const TWO_32 = 4_294_967_296;

/**
 * Safe integers held as doubles -> int64, written as two 32-bit halves (much faster than
 * `BigInt(x)` per value). Little-endian, like every platform that runs this code.
 */
export function toBigInt64(values: Float64Array): BigInt64Array {
  const out = new BigInt64Array(values.length);
  writeInt64(values, new Int32Array(out.buffer), 0);
  return out;
}

/** toBigInt64 into `words` from 32-bit word `at` on (two words per value). */
export function writeInt64(values: Float64Array, words: Int32Array, at: number): void {
  for (let i = 0, w = at; i < values.length; i++, w += 2) {
    const v = values[i];
    const high = Math.floor(v / TWO_32);
    words[w] = v - high * TWO_32; // stored modulo 2^32: the low half's bits
    words[w + 1] = high;
  }
}
