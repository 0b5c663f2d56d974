import { describe, expect, it } from 'vitest';
import { HashSet53 } from './hash-set';

describe('HashSet53', () => {
  it('agrees with Set<number> on 200,000 adds of 53-bit values with repeats, through many resizes', () => {
    const ours = new HashSet53();
    const reference = new Set<number>();
    let x = 12345;
    for (let i = 0; i < 200_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const value = i % 7 === 0 ? Math.floor(i / 7) : x * 0x200000 + (i & 0x1fffff); // repeats and wide values
      expect(ours.add(value)).toBe(!reference.has(value));
      reference.add(value);
    }
    expect(ours.size).toBe(reference.size);
    for (const v of [...reference].slice(0, 5_000)) expect(ours.has(v)).toBe(true);
    expect(ours.has(2 ** 52 + 1)).toBe(reference.has(2 ** 52 + 1));
    expect(ours.has(0)).toBe(true);
  });

  it('refuses what it cannot hold', () => {
    expect(() => new HashSet53().add(-1)).toThrow(RangeError);
    expect(() => new HashSet53().add(1.5)).toThrow(RangeError);
    expect(() => new HashSet53().add(2 ** 53)).toThrow(RangeError);
  });
});
