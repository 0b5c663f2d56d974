/**
 * Re-cuts a stream of batches of any size into whole 65,536-row chunks: the encoders' bytes
 * depend on batch boundaries (STACK_NOTES), so callers' batch sizes must never reach them.
 */
import { sliceBatch, type ColumnBatch, type ColumnData } from '../generators/columns';
import { CHUNK_ROWS } from '../generators/tables';

/** Yields batches of exactly `size` rows (the last may be shorter). */
export async function* rechunk(
  batches: AsyncIterable<ColumnBatch> | Iterable<ColumnBatch>,
  size = CHUNK_ROWS,
): AsyncGenerator<ColumnBatch> {
  let held: ColumnBatch[] = [];
  let heldRows = 0;
  for await (const batch of batches) {
    let from = 0;
    while (from < batch.length) {
      const take = Math.min(size - heldRows, batch.length - from);
      held.push(from === 0 && take === batch.length ? batch : sliceBatch(batch, from, from + take));
      heldRows += take;
      from += take;
      if (heldRows === size) {
        yield concatBatches(held);
        held = [];
        heldRows = 0;
      }
    }
  }
  if (heldRows > 0) yield concatBatches(held);
}

/** Joins batches of one schema end to end. */
export function concatBatches(parts: readonly ColumnBatch[]): ColumnBatch {
  if (parts.length === 1) return parts[0];
  const length = parts.reduce((a, p) => a + p.length, 0);
  const columns = parts[0].columns.map((first, c): ColumnData => {
    const cols = parts.map((p) => p.columns[c]);
    const valid = cols.some((x) => x.valid)
      ? concat(Uint8Array, cols.map((x, i) => x.valid ?? new Uint8Array(parts[i].length).fill(1)))
      : null;
    if (first.type === 'string') {
      const strings = cols as Extract<ColumnData, { type: 'string' }>[];
      const offsets = new Int32Array(length + 1);
      let row = 0;
      let base = 0;
      for (const s of strings) {
        for (let i = 1; i < s.offsets.length; i++) offsets[row + i] = base + s.offsets[i];
        row += s.offsets.length - 1;
        base += s.offsets[s.offsets.length - 1];
      }
      return { type: 'string', offsets, bytes: concat(Uint8Array, strings.map((s) => s.bytes)), valid };
    }
    const values = cols.map((x) => (x as { values: ArrayLike<number> }).values);
    const ctor = (first as { values: Float64Array | Int32Array | Uint8Array }).values.constructor as new (n: number) => Float64Array;
    return { ...first, values: concat(ctor, values as Float64Array[]), valid } as ColumnData;
  });
  return { length, columns };
}

/** The parts one after another in a new array. */
export function concat<T extends Uint8Array | Float64Array | Int32Array>(ctor: new (n: number) => T, parts: readonly ArrayLike<number>[]): T {
  const out = new ctor(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
