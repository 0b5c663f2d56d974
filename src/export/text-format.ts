/**
 * Shared value formatting for the text encoders (SPEC 13.1), written straight into a growable
 * byte buffer with integer arithmetic: money with two decimals, other floats in shortest
 * round-trip form, dates `YYYY-MM-DD`, timestamps `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
 */
import type { ColumnBatch, ColumnData } from '../generators/columns';
import { toCivilDate } from '../generators/scenario/instant';
import { ExportError } from './export-error';

const ZERO = 0x30;
const MINUS = 0x2d;
const US_PER_DAY = 86_400_000_000;
const US_PER_SECOND = 1_000_000;

/** A growable output buffer; `bytes`/`pos` are public so hot loops can write directly. */
export class ByteWriter {
  bytes: Uint8Array;
  pos = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(64, capacity));
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.pos + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.pos + n));
    grown.set(this.bytes.subarray(0, this.pos));
    this.bytes = grown;
  }

  /** Appends bytes (reserve first). Short runs are copied by hand: faster than `set` for a few bytes. */
  copy(src: Uint8Array, from: number, to: number): void {
    const out = this.bytes;
    let p = this.pos;
    if (to - from < 32) {
      for (let i = from; i < to; i++) out[p++] = src[i];
    } else {
      out.set(src.subarray(from, to), p);
      p += to - from;
    }
    this.pos = p;
  }

  /** Appends an ASCII string (reserve first). */
  ascii(text: string): void {
    const out = this.bytes;
    let p = this.pos;
    for (let i = 0; i < text.length; i++) out[p++] = text.charCodeAt(i);
    this.pos = p;
  }

  /** The written bytes; copied when much of the buffer is unused, so chunks held downstream stay small. */
  finish(): Uint8Array {
    return this.pos * 8 >= this.bytes.length * 7 ? this.bytes.subarray(0, this.pos) : this.bytes.slice(0, this.pos);
  }
}

/** Writes a safe integer in plain decimal (reserve 21 bytes first). */
export function writeInteger(w: ByteWriter, value: number): void {
  let n = value;
  if (n < 0) {
    w.bytes[w.pos++] = MINUS;
    n = -n;
  }
  writeDigits(w, n, 1);
}

/** Writes a non-negative integer with at least `width` digits, zero-padded. */
function writeDigits(w: ByteWriter, value: number, width: number): void {
  let digits = 1;
  for (let t = 10; t <= value; t *= 10) digits++;
  if (digits < width) digits = width;
  const out = w.bytes;
  let p = w.pos + digits;
  w.pos = p;
  let n = value;
  for (let i = 0; i < digits; i++) {
    const q = Math.floor(n / 10);
    out[--p] = ZERO + (n - q * 10);
    n = q;
  }
}

/** Money (exact cents, validated upstream) with exactly two decimals; `-0` is `0.00` (SPEC 1, 13.1). */
export function writeMoney(w: ByteWriter, value: number): void {
  let cents = Math.round(value * 100);
  if (cents < 0) {
    w.bytes[w.pos++] = MINUS;
    cents = -cents;
  }
  const whole = Math.floor(cents / 100);
  writeDigits(w, whole, 1);
  w.bytes[w.pos++] = 0x2e;
  writeDigits(w, cents - whole * 100, 2);
}

/** Other floats: ECMAScript shortest round-trip form (`Number#toString`; `-0` gives `0`). */
export function writeFloat(w: ByteWriter, value: number): void {
  w.ascii(String(value));
}

/**
 * Dates and timestamps. The `YYYY-MM-DD` bytes of the last day seen are cached, since
 * consecutive rows of a time-sorted table share their day.
 */
export class DateWriter {
  private day = Number.NaN;
  private readonly text = new Uint8Array(10);

  /** Writes `YYYY-MM-DD` for days since 1970-01-01 (reserve 10 bytes first). */
  writeDate(w: ByteWriter, days: number): void {
    if (days !== this.day) this.cache(days);
    w.bytes.set(this.text, w.pos);
    w.pos += 10;
  }

  /** Writes `YYYY-MM-DDTHH:MM:SS.ffffffZ` for µs since the epoch, UTC (reserve 27 bytes first). */
  writeTimestamp(w: ByteWriter, micros: number): void {
    const days = Math.floor(micros / US_PER_DAY);
    const inDay = micros - days * US_PER_DAY;
    const seconds = Math.floor(inDay / US_PER_SECOND);
    const fraction = inDay - seconds * US_PER_SECOND;
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds - hours * 3600) / 60);
    this.writeDate(w, days);
    const out = w.bytes;
    let p = w.pos;
    out[p++] = 0x54; // T
    out[p++] = ZERO + Math.floor(hours / 10);
    out[p++] = ZERO + (hours % 10);
    out[p++] = 0x3a;
    out[p++] = ZERO + Math.floor(minutes / 10);
    out[p++] = ZERO + (minutes % 10);
    out[p++] = 0x3a;
    const s = seconds - hours * 3600 - minutes * 60;
    out[p++] = ZERO + Math.floor(s / 10);
    out[p++] = ZERO + (s % 10);
    out[p++] = 0x2e;
    w.pos = p;
    writeDigits(w, fraction, 6);
    w.bytes[w.pos++] = 0x5a; // Z
  }

  private cache(days: number): void {
    const { year, month, day } = toCivilDate(days);
    if (year < 0 || year > 9999) {
      throw new ExportError('E_BATCH_VALUE', `date ${days} days from 1970-01-01 is outside years 0000-9999`);
    }
    const t = this.text;
    t[0] = ZERO + Math.floor(year / 1000);
    t[1] = ZERO + (Math.floor(year / 100) % 10);
    t[2] = ZERO + (Math.floor(year / 10) % 10);
    t[3] = ZERO + (year % 10);
    t[4] = MINUS;
    t[5] = ZERO + Math.floor(month / 10);
    t[6] = ZERO + (month % 10);
    t[7] = MINUS;
    t[8] = ZERO + Math.floor(day / 10);
    t[9] = ZERO + (day % 10);
    this.day = days;
  }
}

/** Writes one non-null cell of a fixed column at `row`. */
export type CellWriter = (w: ByteWriter, row: number) => void;

const QUOTE = 0x22;

/** Bytes a non-string cell can take at most (a quoted timestamp: 29; a float's toString: up to 24). */
export const MAX_SCALAR_BYTES = 32;

/**
 * A writer for the cells of a non-string column in their SPEC 13.1 text form. Numbers and
 * booleans are the same bytes in CSV and JSON; JSON wraps dates and timestamps in quotes
 * (`quoteTemporal`). One closure per column keeps each typed-array access monomorphic.
 */
export function scalarCellWriter(column: ColumnData, money: boolean, dates: DateWriter, quoteTemporal: boolean): CellWriter {
  switch (column.type) {
    case 'int32':
    case 'int64': {
      const values = column.values;
      return (w, row) => {
        w.reserve(MAX_SCALAR_BYTES);
        writeInteger(w, values[row]);
      };
    }
    case 'float64': {
      const values = column.values;
      const write = money ? writeMoney : writeFloat;
      return (w, row) => {
        w.reserve(MAX_SCALAR_BYTES);
        write(w, values[row]);
      };
    }
    case 'bool': {
      const values = column.values;
      return (w, row) => {
        w.reserve(MAX_SCALAR_BYTES);
        w.ascii(values[row] !== 0 ? 'true' : 'false');
      };
    }
    case 'date': {
      const values = column.values;
      return (w, row) => {
        w.reserve(MAX_SCALAR_BYTES);
        if (quoteTemporal) w.bytes[w.pos++] = QUOTE;
        dates.writeDate(w, values[row]);
        if (quoteTemporal) w.bytes[w.pos++] = QUOTE;
      };
    }
    case 'timestamp': {
      const values = column.values;
      return (w, row) => {
        w.reserve(MAX_SCALAR_BYTES);
        if (quoteTemporal) w.bytes[w.pos++] = QUOTE;
        dates.writeTimestamp(w, values[row]);
        if (quoteTemporal) w.bytes[w.pos++] = QUOTE;
      };
    }
    case 'string':
      throw new Error('scalarCellWriter called on a string column');
  }
}

/** A first guess at a batch's text size, so most batches never grow their buffer. */
export function estimateTextBytes(batch: ColumnBatch, perCell: number): number {
  let bytes = 0;
  for (const column of batch.columns) {
    if (column.type === 'string') bytes += column.offsets[batch.length] - column.offsets[0] + batch.length * perCell;
    else bytes += batch.length * (12 + perCell);
  }
  return bytes + batch.length * 2;
}
