/**
 * transaction_id (SPEC 3.3): `TXN-` + 12 uppercase hex of a keyed 48-bit permutation of the row
 * index. Written straight into byte buffers: the financial table writes one per row and the
 * compliance source_ids cite them, and a string per id was the largest cost of both.
 */
import type { ColumnData } from '../columns';
import { KeyedPermutation } from '../rng';

const PREFIX = [84, 88, 78, 45]; // 'TXN-'
const HEX_UPPER = Uint8Array.from('0123456789ABCDEF', (c) => c.charCodeAt(0));
/** Bytes of one id. */
export const TRANSACTION_ID_BYTES = 16;
const HALF = 2 ** 24;

export class TransactionIds {
  private readonly perm: KeyedPermutation;

  constructor(seed: number) {
    this.perm = new KeyedPermutation(seed, 'transaction_id', 2 ** 48);
  }

  /** Writes the id of ledger row `row` at out[at .. at + 16). */
  write(out: Uint8Array, at: number, row: number): void {
    const v = this.perm.map(row);
    const hi = Math.floor(v / HALF);
    const lo = v - hi * HALF;
    for (let i = 0; i < 4; i++) out[at + i] = PREFIX[i];
    for (let i = 5, x = hi; i >= 0; i--, x >>>= 4) out[at + 4 + i] = HEX_UPPER[x & 15];
    for (let i = 5, x = lo; i >= 0; i--, x >>>= 4) out[at + 10 + i] = HEX_UPPER[x & 15];
  }

  /** The transaction_id column of ledger rows [first, first + length). */
  column(first: number, length: number): ColumnData {
    const bytes = new Uint8Array(length * TRANSACTION_ID_BYTES);
    const offsets = new Int32Array(length + 1);
    for (let r = 0; r < length; r++) {
      this.write(bytes, r * TRANSACTION_ID_BYTES, first + r);
      offsets[r + 1] = (r + 1) * TRANSACTION_ID_BYTES;
    }
    return { type: 'string', offsets, bytes, valid: null };
  }
}
