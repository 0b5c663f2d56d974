/**
 * Matches the cells of a UTF-8 string column against a small vocabulary by comparing bytes, so aggregating
 * millions of rows never decodes a cell to a JS string. A vocabulary that learns adds values it has not seen
 * (decoded once each), so data outside the SPEC lists is counted rather than dropped.
 *
 * @example
 * const types = new ByteVocabulary(MACHINE_TYPES, true);
 * const i = types.indexOf(column, r); // 0 for 'Video Slots', −1 for a null cell
 */
import type { StringColumn } from './batch-columns';

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

export class ByteVocabulary {
  private readonly words: Uint8Array[];
  readonly values: string[];

  constructor(values: readonly string[], private readonly learns: boolean) {
    this.values = [...values];
    this.words = this.values.map((v) => utf8.encode(v));
  }

  /** The index of `value`, learned when new (a vocabulary that does not learn gives −1 for an unknown value). */
  indexOfValue(value: string): number {
    const known = this.values.indexOf(value);
    if (known >= 0 || !this.learns) return known;
    this.words.push(utf8.encode(value));
    this.values.push(value);
    return this.values.length - 1;
  }

  /** Row r's value as a string, decoded once per distinct value (null for a null or unknown cell). */
  valueOf(column: StringColumn, r: number): string | null {
    const i = this.indexOf(column, r);
    return i < 0 ? null : this.values[i];
  }

  /** The index of row r's value, or −1 when the cell is null (or unknown to a vocabulary that does not learn). */
  indexOf(column: StringColumn, r: number): number {
    if (column.valid && column.valid[r] === 0) return -1;
    const bytes = column.bytes;
    const from = column.offsets[r];
    const length = column.offsets[r + 1] - from;
    const words = this.words;
    for (let w = 0; w < words.length; w++) {
      const word = words[w];
      if (word.length !== length) continue;
      let i = 0;
      while (i < length && word[i] === bytes[from + i]) i++;
      if (i === length) return w;
    }
    if (!this.learns) return -1;
    const cell = bytes.slice(from, from + length);
    this.words.push(cell);
    this.values.push(decoder.decode(cell));
    return this.words.length - 1;
  }
}
