/**
 * Byte images of generated columns, for tests that compare two runs of the same chunks byte for byte (typed arrays
 * compared element by element through expect would take seconds).
 */
import type { ColumnBatch, ColumnData } from '../generators/columns';

/** Byte images of a column: type, validity, then offsets and bytes or values. */
export function columnBytes(c: ColumnData): Buffer[] {
  const view = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const head = [Buffer.from(c.type), c.valid ? view(c.valid) : Buffer.alloc(0)];
  return c.type === 'string' ? [...head, view(c.offsets), view(c.bytes)] : [...head, view(c.values)];
}

/** `batch k column j` for each column whose bytes differ between two runs (and for batches or columns one lacks). */
export function differingColumns(a: readonly ColumnBatch[], b: readonly ColumnBatch[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const [x, y] = [a[k]?.columns ?? [], b[k]?.columns ?? []];
    for (let j = 0; j < Math.max(x.length, y.length); j++) {
      const [p, q] = [x[j] ? columnBytes(x[j]) : [], y[j] ? columnBytes(y[j]) : []];
      if (p.length !== q.length || p.some((part, i) => !part.equals(q[i]))) out.push(`batch ${k} column ${j}`);
    }
  }
  return out;
}
