/**
 * Columnar batches: the engine's output unit. A chunk generator fills typed arrays
 * (no per-row objects); encoders turn a batch into Arrow, CSV or JSON Lines.
 */
import { unitFloat64, unitInt16, unitInt32, unitUint8 } from './unit-arena';

export type ColumnType = 'string' | 'int32' | 'int64' | 'float64' | 'bool' | 'date' | 'timestamp';

/** Validity per row: 1 = value present, 0 = null. `null` means every row is valid. */
export type Validity = Uint8Array | null;

export type ColumnData =
  | { type: 'string'; offsets: Int32Array; bytes: Uint8Array; valid: Validity }
  | { type: 'int32'; values: Int32Array; valid: Validity }
  /** Days since 1970-01-01. */
  | { type: 'date'; values: Int32Array; valid: Validity }
  /** Safe integers held as doubles; widened to int64 when encoded. */
  | { type: 'int64'; values: Float64Array; valid: Validity }
  | { type: 'float64'; values: Float64Array; valid: Validity }
  /** Microseconds since the epoch (UTC); exact as doubles until year 2255. */
  | { type: 'timestamp'; values: Float64Array; valid: Validity }
  | { type: 'bool'; values: Uint8Array; valid: Validity };

export interface ColumnBatch {
  /** Row count of this batch. */
  readonly length: number;
  /** Columns in the table's canonical order. */
  readonly columns: readonly ColumnData[];
}

const ASCII_LIMIT = 0x80;
const UPPER_HEX = Uint8Array.from('0123456789ABCDEF', (c) => c.charCodeAt(0));
const utf8 = new TextEncoder();

/** Builds a UTF-8 string column with a growable byte buffer; ASCII is copied by hand (fast path). */
export class StringColumnBuilder {
  private bytes: Uint8Array;
  private readonly offsets: Int32Array;
  private valid: Uint8Array | null = null;
  private size = 0;
  private row = 0;

  constructor(private readonly length: number, averageBytes = 16) {
    this.offsets = unitInt32(length + 1);
    this.bytes = unitUint8(Math.max(64, length * averageBytes));
  }

  push(value: string): void {
    const n = value.length;
    this.reserve(n * 3);
    let pos = this.size;
    const out = this.bytes;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= ASCII_LIMIT) {
        pos = this.size + utf8.encodeInto(value, out.subarray(this.size)).written;
        break;
      }
      out[pos++] = c;
    }
    this.size = pos;
    this.offsets[++this.row] = pos;
  }

  /** Appends pre-encoded bytes (for values repeated across rows). */
  pushBytes(value: Uint8Array): void {
    const n = value.length;
    this.reserve(n);
    const out = this.bytes;
    let pos = this.size;
    // A loop beats TypedArray#set for the short values of these columns.
    for (let i = 0; i < n; i++) out[pos++] = value[i];
    this.size = pos;
    this.offsets[++this.row] = pos;
  }

  /** Appends prefix + n zero-padded to at least `width` decimal digits, without building a string. */
  pushPrefixedNumber(prefix: Uint8Array, n: number, width: number): void {
    this.pushPrefixedDigits(prefix, n, width, 10);
  }

  /** Appends prefix + n (a safe non-negative integer) in uppercase hex, zero-padded to at least `width` digits. */
  pushPrefixedHex(prefix: Uint8Array, n: number, width: number): void {
    this.pushPrefixedDigits(prefix, n, width, 16);
  }

  private pushPrefixedDigits(prefix: Uint8Array, n: number, width: number, base: number): void {
    let digits = 1;
    for (let v = n; v >= base; v = Math.floor(v / base)) digits++;
    const size = prefix.length + Math.max(width, digits);
    this.reserve(size);
    const out = this.bytes;
    let pos = this.size;
    for (let i = 0; i < prefix.length; i++) out[pos++] = prefix[i];
    const end = this.size + size;
    for (let i = end - 1, v = n; i >= pos; i--, v = Math.floor(v / base)) out[i] = UPPER_HEX[v % base];
    this.size = end;
    this.offsets[++this.row] = end;
  }

  pushNull(): void {
    if (this.valid === null) this.valid = unitUint8(this.length).fill(1);
    this.valid[this.row] = 0;
    this.offsets[++this.row] = this.size;
  }

  pushNullable(value: string | null): void {
    if (value === null) this.pushNull();
    else this.push(value);
  }

  finish(): ColumnData {
    if (this.row !== this.length) {
      throw new Error(`string column filled ${this.row} of ${this.length} rows`);
    }
    return { type: 'string', offsets: this.offsets, bytes: this.bytes.subarray(0, this.size), valid: this.valid };
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.bytes.length) return;
    const grown = unitUint8(Math.max(this.bytes.length * 2, this.size + extra));
    grown.set(this.bytes.subarray(0, this.size));
    this.bytes = grown;
  }
}

/** A vocabulary's words end to end, `starts[v]` .. `starts[v + 1]`, with 3 bytes of slack for 4-byte reads. */
interface PackedVocabulary {
  readonly words: DataView;
  readonly starts: Int32Array;
}

const packedVocabularies = new WeakMap<readonly Uint8Array[], PackedVocabulary>();

function packVocabulary(vocabulary: readonly Uint8Array[]): PackedVocabulary {
  let packed = packedVocabularies.get(vocabulary);
  if (packed) return packed;
  const starts = new Int32Array(vocabulary.length + 1);
  for (let v = 0; v < vocabulary.length; v++) starts[v + 1] = starts[v] + vocabulary[v].length;
  const bytes = new Uint8Array(starts[vocabulary.length] + 3);
  for (let v = 0; v < vocabulary.length; v++) bytes.set(vocabulary[v], starts[v]);
  packed = { words: new DataView(bytes.buffer), starts };
  packedVocabularies.set(vocabulary, packed);
  return packed;
}

/**
 * A string column whose row r is `vocabulary[indices[r]]`, or null where the index is negative:
 * two tight passes (lengths, then bytes) instead of a push per row. Words are copied four bytes
 * at a time; a copy may run up to 3 bytes past its word, which the next row overwrites (the
 * output keeps 3 bytes of slack past the column's bytes for the last row).
 */
export function vocabularyColumn(indices: ArrayLike<number>, vocabulary: readonly Uint8Array[]): ColumnData {
  // One index type keeps the loops below monomorphic (callers pass Int8/Int16/Uint8 arrays).
  const index = indices instanceof Int32Array ? indices : copyToInt32(indices);
  const { words, starts } = packVocabulary(vocabulary);
  const n = index.length;
  const offsets = unitInt32(n + 1);
  let valid: Uint8Array | null = null;
  let size = 0;
  for (let r = 0; r < n; r++) {
    const v = index[r];
    if (v < 0) {
      valid ??= unitUint8(n).fill(1);
      valid[r] = 0;
    } else size += starts[v + 1] - starts[v];
    offsets[r + 1] = size;
  }
  const bytes = unitUint8(size + 3);
  const out = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let r = 0; r < n; r++) {
    const v = index[r];
    if (v < 0) continue;
    const from = starts[v];
    const length = starts[v + 1] - from;
    const at = offsets[r];
    for (let i = 0; i < length; i += 4) out.setUint32(at + i, words.getUint32(from + i));
  }
  return { type: 'string', offsets, bytes: bytes.subarray(0, size), valid };
}

function copyToInt32(values: ArrayLike<number>): Int32Array {
  const out = unitInt32(values.length);
  for (let i = 0; i < out.length; i++) out[i] = values[i];
  return out;
}

/** Encodes a fixed set of strings once, for columns drawn from small vocabularies. */
export function encodeVocabulary(values: readonly string[]): Uint8Array[] {
  return values.map((v) => utf8.encode(v));
}

/** Reads value `i` of a string column (tests, preview). */
export function readString(column: Extract<ColumnData, { type: 'string' }>, i: number): string | null {
  if (column.valid && column.valid[i] === 0) return null;
  return textDecoder.decode(column.bytes.subarray(column.offsets[i], column.offsets[i + 1]));
}
const textDecoder = new TextDecoder();

/** A validity array with every row null, to be switched on as values are set. */
export function allNull(length: number): Uint8Array {
  return new Uint8Array(length);
}

/** Slices rows [from, to) of a batch (used to cut groups into 65,536-row chunks). */
export function sliceBatch(batch: ColumnBatch, from: number, to: number): ColumnBatch {
  const columns = batch.columns.map((c): ColumnData => {
    const valid = c.valid ? c.valid.subarray(from, to) : null;
    if (c.type === 'string') {
      const base = c.offsets[from];
      const offsets = new Int32Array(to - from + 1);
      for (let i = 0; i <= to - from; i++) offsets[i] = c.offsets[from + i] - base;
      return { type: 'string', offsets, bytes: c.bytes.subarray(base, c.offsets[to]), valid };
    }
    return { ...c, values: c.values.subarray(from, to), valid } as ColumnData;
  });
  return { length: to - from, columns };
}

type NumericArray = Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array | Uint16Array;

/**
 * `out[i] = f(source[i])` into a new typed array: a plain loop, because `TypedArray.from` with a
 * mapping function goes through the iterator protocol and is an order of magnitude slower.
 */
export function mapTo<T extends NumericArray>(
  ctor: new (n: number) => T,
  source: ArrayLike<number>,
  f: (value: number, index: number) => number,
): T {
  const out = new ctor(source.length);
  for (let i = 0; i < source.length; i++) out[i] = f(source[i], i);
  return out;
}

/*
 * `out[i] = values[index[i]]`, one function per element type: each loop stays monomorphic. (A shared
 * `mapTo` with a closure per call site was the slot path's largest cost: a megamorphic call per cell.)
 */
export function gatherFloat64(values: Float64Array, index: ArrayLike<number>): Float64Array {
  const out = unitFloat64(index.length);
  for (let i = 0; i < out.length; i++) out[i] = values[index[i]];
  return out;
}

export function gatherInt32(values: Int32Array, index: ArrayLike<number>): Int32Array {
  const out = unitInt32(index.length);
  for (let i = 0; i < out.length; i++) out[i] = values[index[i]];
  return out;
}

export function gatherInt16(values: Int16Array, index: ArrayLike<number>): Int16Array {
  const out = unitInt16(index.length);
  for (let i = 0; i < out.length; i++) out[i] = values[index[i]];
  return out;
}

export function gatherUint8(values: Uint8Array, index: ArrayLike<number>): Uint8Array {
  const out = unitUint8(index.length);
  for (let i = 0; i < out.length; i++) out[i] = values[index[i]];
  return out;
}
