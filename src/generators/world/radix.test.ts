import { describe, expect, it } from 'vitest';
import { sortByBucket, sortByInteger } from './radix';

describe('radix sorts', () => {
  it('sortByInteger then earlier passes give the comparison order (value, key, index)', () => {
    const n = 5000;
    const values = Float64Array.from({ length: n }, (_, i) => 1_790_000_000_000_000 + ((i * 7_919_017) % 9_000_000_000_007) * (i % 3));
    const keys = Int32Array.from({ length: n }, (_, i) => (i * 31) % 17);
    const identity = Int32Array.from({ length: n }, (_, i) => i);
    const sorted = sortByInteger(sortByBucket(identity, 17, keys), values);
    const expected = Array.from(identity).sort((a, b) => values[a] - values[b] || keys[a] - keys[b] || a - b);
    expect(Array.from(sorted)).toEqual(expected);
  });

  it('rejects values that are not integers', () => {
    expect(() => sortByInteger(Int32Array.of(0, 1), Float64Array.of(1, 1.5))).toThrow(RangeError);
  });
});
