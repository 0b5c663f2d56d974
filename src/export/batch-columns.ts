/**
 * Reading a batch's columns by name, typed as the table's schema declares them, and the compact hashes of
 * string cells that the integrity checks keep instead of the strings (ids are checked, not stored).
 */
import type { ColumnBatch, ColumnData } from '../generators/columns';
import { SCHEMAS } from '../generators/schema';
import type { TableKey } from '../generators/tables';

export type StringColumn = Extract<ColumnData, { type: 'string' }>;
type Typed<T extends ColumnData['type']> = Extract<ColumnData, { type: T }>;

/** A batch's columns by name, typed as the schema declares them. */
export interface Columns {
  str(name: string): StringColumn;
  f64(name: string): Typed<'float64'>;
  date(name: string): Typed<'date'>;
  bool(name: string): Typed<'bool'>;
  time(name: string): Typed<'timestamp'>;
}

export function columnsOf(key: TableKey, batch: ColumnBatch): Columns {
  const columns = SCHEMAS[key].columns;
  const get = (name: string, type: ColumnData['type']): ColumnData => {
    const column = batch.columns[columns.findIndex((c) => c.name === name)];
    if (column?.type !== type) throw new Error(`${key}.${name} is not a ${type} column`);
    return column;
  };
  return {
    str: (name) => get(name, 'string') as StringColumn,
    f64: (name) => get(name, 'float64') as Typed<'float64'>,
    date: (name) => get(name, 'date') as Typed<'date'>,
    bool: (name) => get(name, 'bool') as Typed<'bool'>,
    time: (name) => get(name, 'timestamp') as Typed<'timestamp'>,
  };
}

/** A 52-bit hash of bytes [from, to): two FNV-1a variants combined. */
export function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = from; i < to; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}

const utf8 = new TextEncoder();

/** hashBytes of a string's UTF-8 bytes. */
export function hashText(text: string): number {
  const bytes = utf8.encode(text);
  return hashBytes(bytes, 0, bytes.length);
}

/** A 52-bit hash of a string cell, or −1 when null. */
export function nullableHash(column: StringColumn, r: number): number {
  return column.valid && column.valid[r] === 0 ? -1 : hashBytes(column.bytes, column.offsets[r], column.offsets[r + 1]);
}

/** The number of `P000123` at row r, or −1 for null / another shape. */
export function playerNumber(column: StringColumn, r: number): number {
  if (column.valid && column.valid[r] === 0) return -1;
  const from = column.offsets[r];
  const to = column.offsets[r + 1];
  if (column.bytes[from] !== 80) return -1;
  let n = 0;
  for (let i = from + 1; i < to; i++) n = n * 10 + (column.bytes[i] - 48);
  return n;
}
