/**
 * A lossless reader and writer for Thrift's compact protocol, the encoding of Parquet footers and page
 * indexes. Values keep their wire types and field order, so writing back what was read gives the same
 * bytes; the Parquet stitcher edits a few offsets in between. (No maintained JS package writes Parquet
 * metadata without also owning the file; parquet-wasm exposes none of it.)
 */

/** Compact-protocol type codes. */
export const T = {
  TRUE: 1, FALSE: 2, I8: 3, I16: 4, I32: 5, I64: 6, DOUBLE: 7, BINARY: 8, LIST: 9, SET: 10, MAP: 11, STRUCT: 12,
} as const;

export type TValue =
  | { readonly type: typeof T.TRUE | typeof T.FALSE }
  | { readonly type: typeof T.I8 | typeof T.I16 | typeof T.I32; value: number }
  | { readonly type: typeof T.I64; value: bigint }
  | { readonly type: typeof T.DOUBLE | typeof T.BINARY; readonly bytes: Uint8Array }
  | { readonly type: typeof T.LIST | typeof T.SET; readonly elementType: number; readonly items: TValue[] }
  | { readonly type: typeof T.MAP; readonly keyType: number; readonly valueType: number; readonly entries: [TValue, TValue][] }
  | TStruct
  | TRawStruct;

export interface TStruct {
  readonly type: typeof T.STRUCT;
  readonly fields: TField[];
}

/** A struct already serialized (by writeStruct), written as it is. */
export interface TRawStruct {
  readonly type: typeof T.STRUCT;
  readonly raw: Uint8Array;
}

export interface TField {
  readonly id: number;
  value: TValue;
}

/** Reads one struct starting at `offset`; `end` is where it stopped. */
export function readStruct(bytes: Uint8Array, offset = 0): { struct: TStruct; end: number } {
  const reader = new Reader(bytes, offset);
  const struct = reader.struct();
  return { struct, end: reader.at };
}

export function writeStruct(struct: TStruct): Uint8Array {
  const writer = new Writer();
  writer.struct(struct);
  return writer.bytes();
}

/** The field `id` of a struct, or undefined. */
export function field(struct: TStruct, id: number): TValue | undefined {
  return struct.fields.find((f) => f.id === id)?.value;
}

/** The struct field `id` (throws when it is missing or not a struct). */
export function structField(struct: TStruct, id: number): TStruct {
  const value = field(struct, id);
  if (value?.type !== T.STRUCT || 'raw' in value) throw new Error(`thrift: field ${id} is not a struct`);
  return value;
}

/** The items of list field `id`, or [] when absent. */
export function listField(struct: TStruct, id: number): TValue[] {
  const value = field(struct, id);
  if (value === undefined) return [];
  if (value.type !== T.LIST) throw new Error(`thrift: field ${id} is not a list`);
  return value.items;
}

/** An integer field as a number (i8..i64), or undefined. */
export function intField(struct: TStruct, id: number): number | undefined {
  const value = field(struct, id);
  if (value === undefined) return undefined;
  if (value.type === T.I64) return Number(value.value);
  if (value.type === T.I8 || value.type === T.I16 || value.type === T.I32) return value.value;
  throw new Error(`thrift: field ${id} is not an integer`);
}

/** Sets an existing integer field (keeping its wire type). */
export function setIntField(struct: TStruct, id: number, n: number): void {
  const value = field(struct, id);
  if (value === undefined) throw new Error(`thrift: field ${id} is missing`);
  if (value.type === T.I64) value.value = BigInt(n);
  else if (value.type === T.I8 || value.type === T.I16 || value.type === T.I32) value.value = n;
  else throw new Error(`thrift: field ${id} is not an integer`);
}

class Reader {
  constructor(private readonly buf: Uint8Array, public at: number) {}

  struct(): TStruct {
    const fields: TField[] = [];
    let last = 0;
    for (;;) {
      const header = this.byte();
      const type = header & 0x0f;
      if (type === 0) return { type: T.STRUCT, fields };
      const delta = header >> 4;
      const id = delta === 0 ? zigzag32(this.varint()) : last + delta;
      fields.push({ id, value: this.value(type, true) });
      last = id;
    }
  }

  private value(type: number, inField: boolean): TValue {
    switch (type) {
      case T.TRUE:
      case T.FALSE:
        // In a field header the type is the value; in a container each boolean is its own byte.
        return { type: (inField ? type : this.byte()) === T.TRUE ? T.TRUE : T.FALSE };
      case T.I8:
        return { type, value: (this.byte() << 24) >> 24 };
      case T.I16:
      case T.I32:
        return { type, value: zigzag32(this.varint()) };
      case T.I64:
        return { type, value: zigzag64(this.varint()) };
      case T.DOUBLE:
        return { type, bytes: this.take(8) };
      case T.BINARY:
        return { type, bytes: this.take(Number(this.varint())) };
      case T.LIST:
      case T.SET: {
        const header = this.byte();
        const size = header >> 4 === 15 ? Number(this.varint()) : header >> 4;
        const elementType = header & 0x0f;
        const items: TValue[] = [];
        for (let i = 0; i < size; i++) items.push(this.value(elementType, false));
        return { type, elementType, items };
      }
      case T.MAP: {
        const size = Number(this.varint());
        const kinds = size > 0 ? this.byte() : 0;
        const entries: [TValue, TValue][] = [];
        for (let i = 0; i < size; i++) entries.push([this.value(kinds >> 4, false), this.value(kinds & 0x0f, false)]);
        return { type, keyType: kinds >> 4, valueType: kinds & 0x0f, entries };
      }
      case T.STRUCT:
        return this.struct();
      default:
        throw new Error(`thrift: unknown compact type ${type} at byte ${this.at}`);
    }
  }

  private byte(): number {
    if (this.at >= this.buf.length) throw new Error('thrift: unexpected end of data');
    return this.buf[this.at++];
  }

  private take(n: number): Uint8Array {
    if (this.at + n > this.buf.length) throw new Error('thrift: unexpected end of data');
    // A copy: a footer kept after its segment is written must not hold the segment's memory.
    const out = this.buf.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }

  private varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
  }
}

class Writer {
  private buf = new Uint8Array(1024);
  private at = 0;

  bytes(): Uint8Array {
    return this.buf.slice(0, this.at);
  }

  struct(struct: TStruct): void {
    let last = 0;
    for (const { id, value } of struct.fields) {
      const type = value.type;
      const delta = id - last;
      if (delta > 0 && delta <= 15) this.byte((delta << 4) | type);
      else {
        this.byte(type);
        this.varint(BigInt((id << 1) ^ (id >> 31)) & 0xffffffffn);
      }
      this.value(value, true);
      last = id;
    }
    this.byte(0);
  }

  private value(value: TValue, inField: boolean): void {
    switch (value.type) {
      case T.TRUE:
      case T.FALSE:
        if (!inField) this.byte(value.type);
        return;
      case T.I8:
        return this.byte(value.value & 0xff);
      case T.I16:
      case T.I32:
        return this.varint(BigInt((value.value << 1) ^ (value.value >> 31)) & 0xffffffffn);
      case T.I64:
        return this.varint(BigInt.asUintN(64, (value.value << 1n) ^ (value.value >> 63n)));
      case T.DOUBLE:
        return this.raw(value.bytes);
      case T.BINARY:
        this.varint(BigInt(value.bytes.length));
        return this.raw(value.bytes);
      case T.LIST:
      case T.SET:
        if (value.items.length < 15) this.byte((value.items.length << 4) | value.elementType);
        else {
          this.byte(0xf0 | value.elementType);
          this.varint(BigInt(value.items.length));
        }
        for (const item of value.items) this.value(item, false);
        return;
      case T.MAP:
        this.varint(BigInt(value.entries.length));
        if (value.entries.length > 0) this.byte((value.keyType << 4) | value.valueType);
        for (const [k, v] of value.entries) {
          this.value(k, false);
          this.value(v, false);
        }
        return;
      case T.STRUCT:
        return 'raw' in value ? this.raw(value.raw) : this.struct(value);
    }
  }

  private ensure(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    grown.set(this.buf.subarray(0, this.at));
    this.buf = grown;
  }

  private byte(b: number): void {
    this.ensure(1);
    this.buf[this.at++] = b;
  }

  private raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.at);
    this.at += bytes.length;
  }

  private varint(n: bigint): void {
    while (n >= 0x80n) {
      this.byte(Number(n & 0x7fn) | 0x80);
      n >>= 7n;
    }
    this.byte(Number(n));
  }
}

function zigzag32(n: bigint): number {
  const u = Number(n & 0xffffffffn);
  return (u >>> 1) ^ -(u & 1);
}

function zigzag64(n: bigint): bigint {
  return (n >> 1n) ^ -(n & 1n);
}
