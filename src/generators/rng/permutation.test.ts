import { describe, expect, it } from 'vitest';
import { KeyedPermutation } from './permutation';
import { openStream } from './streams';

/** Reference network written straight from SPEC 1.1, with BigInt for the halves. */
function referencePermute(seed: number, name: string, n: number, i: number): number {
  let bits = 0;
  while (2 ** bits <= n - 1) bits++;
  let h = Math.max(2, bits);
  if (h % 2) h++;
  h /= 2;
  const rng = openStream(seed, 'perm', name, 0);
  const keys = [rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32()];
  const fmix = (x: number): number => {
    x ^= x >>> 16;
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    return (x ^ (x >>> 16)) >>> 0;
  };
  const bh = BigInt(h);
  let x = BigInt(i);
  do {
    let l = x >> bh;
    let r = x & ((1n << bh) - 1n);
    for (const k of keys) {
      const f = BigInt(fmix(Number(r) ^ k) % 2 ** h);
      [l, r] = [r, l ^ f];
    }
    x = (l << bh) | r;
  } while (x >= BigInt(n));
  return Number(x);
}

describe('SPEC 1.1 keyed permutation', () => {
  it.each([1, 2, 3, 4, 5, 17, 1000, 65_536, 100_003])('is a bijection of [0, %i)', (n) => {
    const perm = new KeyedPermutation(42, 'player_id', n);
    const seen = new Uint8Array(n);
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const v = perm.map(i);
      if (!(Number.isInteger(v) && v >= 0 && v < n)) outside++;
      else seen[v]++;
    }
    expect(outside).toBe(0);
    expect(seen.every((c) => c === 1)).toBe(true);
  });

  it('maps into [lo, lo + n)', () => {
    const perm = new KeyedPermutation(42, 'badge_number', 90_000, 10_000);
    const seen = new Set<number>();
    for (let i = 0; i < 90_000; i++) seen.add(perm.map(i));
    expect(seen.size).toBe(90_000);
    expect(Math.min(...seen)).toBe(10_000);
    expect(Math.max(...seen)).toBe(99_999);
  });

  it('equals the SPEC network computed independently, up to n = 2^48', () => {
    for (const n of [1, 2, 7, 1000, 65_536, 100_003, 2 ** 32, 90_000_000, 2 ** 47 + 3, 2 ** 48]) {
      const perm = new KeyedPermutation(7, 'asset_number', n);
      for (const i of [0, 1, Math.floor(n / 3), Math.floor(n / 2), n - 1]) {
        if (i < n) expect(perm.map(i)).toBe(referencePermute(7, 'asset_number', n, i));
      }
    }
  });

  it('is deterministic and keyed by seed and name', () => {
    const a = new KeyedPermutation(42, 'player_id', 1_000_000);
    const b = new KeyedPermutation(42, 'player_id', 1_000_000);
    const otherSeed = new KeyedPermutation(43, 'player_id', 1_000_000);
    const otherName = new KeyedPermutation(42, 'employee_id', 1_000_000);
    const xs = Array.from({ length: 50 }, (_, i) => a.map(i * 997));
    expect(Array.from({ length: 50 }, (_, i) => b.map(i * 997))).toEqual(xs);
    expect(Array.from({ length: 50 }, (_, i) => otherSeed.map(i * 997))).not.toEqual(xs);
    expect(Array.from({ length: 50 }, (_, i) => otherName.map(i * 997))).not.toEqual(xs);
  });

  it('pins a few values so the network cannot drift', () => {
    const perm = new KeyedPermutation(42, 'player_id', 100_003);
    expect([0, 1, 2, 50_000, 100_002].map((i) => perm.map(i))).toEqual(PINNED);
  });

  it('rejects bad sizes and indexes', () => {
    expect(() => new KeyedPermutation(1, 'x', 0)).toThrow(RangeError);
    expect(() => new KeyedPermutation(1, 'x', 2 ** 48 + 1)).toThrow(RangeError);
    expect(() => new KeyedPermutation(1, 'x', 2.5)).toThrow(RangeError);
    const perm = new KeyedPermutation(1, 'x', 10);
    expect(() => perm.map(10)).toThrow(RangeError);
    expect(() => perm.map(-1)).toThrow(RangeError);
    expect(() => perm.map(0.5)).toThrow(RangeError);
  });
});

const PINNED = [74095, 3295, 91005, 54130, 18569];
