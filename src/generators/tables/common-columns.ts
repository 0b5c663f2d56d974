/** Columns every table shares: event ids and the three metadata columns (SPEC 3.2, 3.3). */
import type { ColumnBatch, ColumnData } from '../columns';
import { KeyedPermutation, openStream, type Rng } from '../rng';
import { TABLE_KEYS, type TableKey } from '../tables';
import { SCHEMAS } from '../schema';
import { unitFloat64, unitInt32, unitUint8 } from '../unit-arena';

const utf8 = new TextEncoder();
const HEX_BYTES = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = 45;
const ID_WIDTH = 36;

/** A string column whose every row is `value` (no nulls): the first copy doubled until the column is full. */
export function repeatedColumn(length: number, value: Uint8Array): ColumnData {
  const width = value.length;
  const bytes = unitUint8(length * width);
  const offsets = unitInt32(length + 1);
  for (let r = 0; r < length; r++) offsets[r + 1] = (r + 1) * width;
  if (length > 0) bytes.set(value);
  for (let filled = width; filled < bytes.length; filled *= 2) bytes.copyWithin(filled, 0, Math.min(filled, bytes.length - filled));
  return { type: 'string', offsets, bytes, valid: null };
}

/**
 * event_id (SPEC 3.3): UUID v4 shape from the stream (`ids`, table, k), four outputs per row in
 * row order; the 122 random bits are o0, o1, o2 and the low 26 bits of o3, most significant
 * first, around the fixed version nibble and variant bits.
 */
export function eventIdColumn(seed: number, table: TableKey, k: number, length: number): ColumnData {
  const rng = openStream(seed, 'ids', table, k);
  const bytes = unitUint8(length * ID_WIDTH);
  const offsets = unitInt32(length + 1);
  for (let r = 0; r < length; r++) {
    writeEventId(bytes, r * ID_WIDTH, rng);
    offsets[r + 1] = (r + 1) * ID_WIDTH;
  }
  return { type: 'string', offsets, bytes, valid: null };
}

/** The event_ids of the given rows (ascending) of chunk k: what eventIdColumn writes there. */
export function eventIdsAt(seed: number, table: TableKey, k: number, rows: readonly number[]): string[] {
  const rng = openStream(seed, 'ids', table, k);
  const out = new Uint8Array(36);
  const ids: string[] = [];
  let at = 0;
  for (const r of rows) {
    if (r < at) throw new RangeError('eventIdsAt needs ascending rows');
    for (; at < r; at++) for (let i = 0; i < 4; i++) rng.nextU32();
    writeEventId(out, 0, rng);
    at++;
    ids.push(String.fromCharCode(...out));
  }
  return ids;
}

function writeEventId(out: Uint8Array, at: number, rng: Rng): void {
  const o0 = rng.nextU32();
  const o1 = rng.nextU32();
  const o2 = rng.nextU32();
  const o3 = rng.nextU32();
  writeHex(out, at, o0, 8);
  out[at + 8] = DASH;
  writeHex(out, at + 9, o1 >>> 16, 4);
  out[at + 13] = DASH;
  out[at + 14] = HEX_BYTES[4];
  writeHex(out, at + 15, (o1 >>> 4) & 0xfff, 3);
  out[at + 18] = DASH;
  out[at + 19] = HEX_BYTES[8 | ((o1 >>> 2) & 3)];
  writeHex(out, at + 20, ((o1 & 3) << 2) | (o2 >>> 30), 1);
  writeHex(out, at + 21, (o2 >>> 22) & 0xff, 2);
  out[at + 23] = DASH;
  writeHex(out, at + 24, (o2 >>> 2) & 0xfffff, 5);
  writeHex(out, at + 29, ((o2 & 3) << 26) | (o3 & 0x3ffffff), 7);
}

/** Writes the low `nibbles` hex digits of `value`, most significant first. */
function writeHex(out: Uint8Array, at: number, value: number, nibbles: number): void {
  for (let i = nibbles - 1, v = value; i >= 0; i--, v >>>= 4) out[at + i] = HEX_BYTES[v & 15];
}

/** `_batch_id` of chunk k: 8 hex of a keyed permutation of (table, k) over 2³² (SPEC 3.2). */
export function batchId(seed: number, table: TableKey, k: number): string {
  const perm = new KeyedPermutation(seed, '_batch_id', 2 ** 32);
  const v = perm.map(TABLE_KEYS.indexOf(table) * 2 ** 26 + k);
  return v.toString(16).padStart(8, '0');
}

/** `_ingested_at`, `_source`, `_batch_id` for `length` rows of chunk k. */
export function metadataColumns(seed: number, asOf: number, table: TableKey, k: number, length: number): ColumnData[] {
  return [
    { type: 'timestamp', values: unitFloat64(length).fill(asOf), valid: null },
    repeatedColumn(length, utf8.encode(SCHEMAS[table].source)),
    repeatedColumn(length, utf8.encode(batchId(seed, table, k))),
  ];
}

/** A table generator from its chunk function: one batch per chunk of [first, first + count). */
export function chunkwise<W>(chunk: (world: W, k: number) => ColumnBatch) {
  return (world: W, first: number, count: number): ColumnBatch[] => Array.from({ length: count }, (_, i) => chunk(world, first + i));
}

/** Cents (NaN = null) → dollars, converted in place: the cents array becomes the column (like nullable's values). */
export function money(cents: Float64Array): ColumnData {
  for (let i = 0; i < cents.length; i++) cents[i] /= 100;
  return nullable('float64', cents);
}

export function nullable(type: 'float64' | 'int64', values: Float64Array): ColumnData {
  let valid: Uint8Array | null = null;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      valid ??= unitUint8(values.length).fill(1);
      valid[i] = 0;
      values[i] = 0;
    }
  }
  return { type, values, valid };
}
