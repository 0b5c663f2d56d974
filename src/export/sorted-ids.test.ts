import { describe, expect, it } from 'vitest';
import { SortedIds } from './sorted-ids';

describe('SortedIds', () => {
  it('agrees with Set<number> on 200,000 53-bit values with repeats, added in parts past its expected size and queried between parts', () => {
    const ours = new SortedIds(1_000);
    const reference = new Set<number>();
    let added = 0;
    let x = 12345;
    for (let part = 0; part < 20; part++) {
      const values = new Float64Array(10_000);
      for (let i = 0; i < values.length; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        const n = part * values.length + i;
        values[i] = n % 7 === 0 ? Math.floor(n / 7) : x * 0x200000 + (n & 0x1fffff); // repeats and wide values
      }
      ours.add(values);
      for (const v of values) reference.add(v);
      added += values.length;
      if (part % 5 === 0) expect([ours.size, ours.repeats]).toEqual([reference.size, added - reference.size]);
    }
    expect(ours.added).toBe(added);
    expect(ours.size).toBe(reference.size);
    expect(ours.repeats).toBe(added - reference.size);
    expect([...ours.distinct()]).toEqual([...reference].sort((a, b) => a - b));
    for (const v of [...reference].slice(0, 5_000)) expect(ours.has(v)).toBe(true);
    for (const v of [2 ** 52 + 1, 0.5, -1, 2 ** 53]) expect(ours.has(v)).toBe(reference.has(v));
  });

  it('is empty until added to', () => {
    const ids = new SortedIds();
    expect([ids.size, ids.repeats, ids.has(0), [...ids.distinct()]]).toEqual([0, 0, false, []]);
  });
});
