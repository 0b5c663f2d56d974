import { describe, expect, it } from 'vitest';
import { Rng, WeightTable, uniformPick } from './xoshiro';

function rngOf(a: number, b: number, c: number, d: number): Rng {
  return new Rng(new Uint32Array([a, b, c, d]));
}

/** Pearson chi-square statistic of observed counts against equal expected counts. */
function chiSquare(counts: ArrayLike<number>, expected: ArrayLike<number>): number {
  let x2 = 0;
  for (let i = 0; i < counts.length; i++) x2 += (counts[i] - expected[i]) ** 2 / expected[i];
  return x2;
}

/** Reference U{a..b} with BigInt arithmetic, drawing from `src` (SPEC 1.1). */
function referenceInt(src: Rng, a: number, b: number): number {
  const r = BigInt(b) - BigInt(a) + 1n;
  if (r <= 2n ** 32n) {
    let m = BigInt(src.nextU32()) * r;
    let low = m & 0xffffffffn;
    if (low < r) {
      const t = (2n ** 32n - r) % r;
      while (low < t) {
        m = BigInt(src.nextU32()) * r;
        low = m & 0xffffffffn;
      }
    }
    return Number(BigInt(a) + (m >> 32n));
  }
  const limit = 2n ** 53n - (2n ** 53n % r);
  for (;;) {
    const v = (BigInt(src.nextU32() >>> 5) << 26n) + BigInt(src.nextU32() >>> 6);
    if (v < limit) return Number(BigInt(a) + (v % r));
  }
}

describe('SPEC 1.1 generator: xoshiro128**', () => {
  it('matches the reference C implementation from state [1, 2, 3, 4]', () => {
    const rng = rngOf(1, 2, 3, 4);
    const out = Array.from({ length: 8 }, () => rng.nextU32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  it('copies its state and rejects a bad one', () => {
    const state = new Uint32Array([1, 2, 3, 4]);
    const rng = new Rng(state);
    rng.nextU32();
    expect(Array.from(state)).toEqual([1, 2, 3, 4]);
    expect(() => new Rng(new Uint32Array(4))).toThrow(RangeError);
    expect(() => new Rng(new Uint32Array(3))).toThrow(RangeError);
  });

  it('outputs are uint32 even for high-bit states', () => {
    const rng = rngOf(0xffffffff, 0x80000000, 0xdeadbeef, 0x12345678);
    let bad = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.nextU32();
      if (!(Number.isInteger(x) && x >= 0 && x < 2 ** 32)) bad++;
    }
    expect(bad).toBe(0);
  });
});

describe('SPEC 1.1 U(0,1) and U(a,b)', () => {
  it('U(0,1) is (⌊x₁/32⌋·2²⁶ + ⌊x₂/64⌋) / 2⁵³ of two outputs', () => {
    const a = rngOf(5, 6, 7, 8);
    const b = rngOf(5, 6, 7, 8);
    for (let i = 0; i < 1000; i++) {
      const x1 = b.nextU32();
      const x2 = b.nextU32();
      expect(a.uniform()).toBe((Math.floor(x1 / 32) * 2 ** 26 + Math.floor(x2 / 64)) / 2 ** 53);
    }
  });

  it('U(0,1) lies in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = rngOf(9, 10, 11, 12);
    const n = 400_000;
    let sum = 0;
    let sq = 0;
    const bins = new Float64Array(20);
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sq += u * u;
      bins[Math.floor(u * 20)]++;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.003);
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    expect(chiSquare(bins, new Float64Array(20).fill(n / 20))).toBeLessThan(43.8); // df 19, p = 0.001
  });

  it('U(a,b) = a + (b − a)·U(0,1)', () => {
    const a = rngOf(1, 1, 1, 1);
    const b = rngOf(1, 1, 1, 1);
    for (let i = 0; i < 100; i++) expect(a.between(-3, 7.5)).toBe(-3 + 10.5 * b.uniform());
  });

  it('chance(p) is U(0,1) < p', () => {
    const a = rngOf(2, 2, 2, 2);
    const b = rngOf(2, 2, 2, 2);
    let hits = 0;
    let mismatches = 0;
    for (let i = 0; i < 100_000; i++) {
      const c = a.chance(0.3);
      if (c !== b.uniform() < 0.3) mismatches++;
      if (c) hits++;
    }
    expect(mismatches).toBe(0);
    expect(Math.abs(hits / 100_000 - 0.3)).toBeLessThan(0.005);
  });
});

describe('SPEC 1.1 U{a..b}', () => {
  it('covers every value of a small range without bias', () => {
    const rng = rngOf(13, 14, 15, 16);
    for (const [a, b] of [[1, 6], [0, 1], [-3, 3], [10, 16]]) {
      const counts = new Float64Array(b - a + 1);
      const n = 60_000 * counts.length;
      let outside = 0;
      for (let i = 0; i < n; i++) {
        const k = rng.int(a, b);
        if (!(Number.isInteger(k) && k >= a && k <= b)) outside++;
        else counts[k - a]++;
      }
      expect(outside).toBe(0);
      expect(counts.every((c) => c > 0)).toBe(true);
      const critical = [0, 10.83, 13.82, 16.27, 18.47, 20.52, 22.46][counts.length - 1]; // p = 0.001
      expect(chiSquare(counts, new Float64Array(counts.length).fill(n / counts.length))).toBeLessThan(critical);
    }
  });

  it('U{a..a} consumes one output and returns a', () => {
    const a = rngOf(3, 1, 4, 1);
    const b = rngOf(3, 1, 4, 1);
    expect(a.int(7, 7)).toBe(7);
    b.nextU32();
    expect(a.nextU32()).toBe(b.nextU32());
  });

  it('Lemire draws equal an exact 64-bit BigInt reference, rejections included', () => {
    const ranges: [number, number][] = [
      [0, 2], [1, 6], [0, 999], [0, 2 ** 31], [0, 2 ** 31 + 12_345], [5, 2 ** 32 - 2], [0, 2 ** 32 - 2],
      [-1000, 2 ** 32 - 1002], [0, 3_000_000_000], [0, 2 ** 21], [0, 2 ** 21 + 1],
    ];
    for (const [a, b] of ranges) {
      const mine = rngOf(17, 18, 19, 20);
      const ref = rngOf(17, 18, 19, 20);
      let mismatches = 0;
      for (let i = 0; i < 5000; i++) if (mine.int(a, b) !== referenceInt(ref, a, b)) mismatches++;
      expect(mismatches).toBe(0);
      expect(mine.nextU32()).toBe(ref.nextU32()); // same number of outputs consumed
    }
  });

  it('r = 2^32 is a + one output', () => {
    const mine = rngOf(21, 22, 23, 24);
    const ref = rngOf(21, 22, 23, 24);
    for (let i = 0; i < 1000; i++) {
      expect(mine.int(0, 2 ** 32 - 1)).toBe(ref.nextU32());
      expect(mine.int(-5, 2 ** 32 - 6)).toBe(-5 + ref.nextU32());
    }
  });

  it('r > 2^32 uses the 53-bit rule, rejections included', () => {
    const ranges: [number, number][] = [[0, 2 ** 32], [1, 2 ** 40], [0, 2 ** 52], [7, 2 ** 52 + 7], [0, 2 ** 53 - 1], [-(2 ** 40), 2 ** 41]];
    for (const [a, b] of ranges) {
      const mine = rngOf(25, 26, 27, 28);
      const ref = rngOf(25, 26, 27, 28);
      let mismatches = 0;
      for (let i = 0; i < 3000; i++) if (mine.int(a, b) !== referenceInt(ref, a, b)) mismatches++;
      expect(mismatches).toBe(0);
      expect(mine.nextU32()).toBe(ref.nextU32());
    }
  });

  it('rejects bad bounds', () => {
    const rng = rngOf(1, 2, 3, 4);
    expect(() => rng.int(3, 2)).toThrow(RangeError);
    expect(() => rng.int(0.5, 2)).toThrow(RangeError);
    expect(() => rng.int(0, NaN)).toThrow(RangeError);
    expect(() => rng.int(0, 2 ** 53)).toThrow(RangeError);
    expect(() => rng.int(-(2 ** 52), 2 ** 52)).toThrow(RangeError); // r = 2^53 + 1
  });
});

describe('SPEC 1.1 N(0,1), LU(a,b) and shuffle', () => {
  it('N(0,1) has mean 0 and variance 1', () => {
    const rng = rngOf(29, 30, 31, 32);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let within1 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sq += z * z;
      if (Math.abs(z) < 1) within1++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.015);
    expect(Math.abs(within1 / n - 0.6827)).toBeLessThan(0.005);
  });

  it('N(0,1) is u·√(−2 ln s / s) of the first accepted pair', () => {
    const a = rngOf(33, 34, 35, 36);
    const b = rngOf(33, 34, 35, 36);
    for (let i = 0; i < 1000; i++) {
      let u: number;
      let s: number;
      do {
        u = 2 * b.uniform() - 1;
        const v = 2 * b.uniform() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const z = a.normal();
      expect(Math.abs(z - u * Math.sqrt((-2 * Math.log(s)) / s))).toBeLessThan(1e-12);
    }
    expect(a.nextU32()).toBe(b.nextU32());
  });

  it('LU(a,b) stays in [a, b] and its log is uniform', () => {
    const rng = rngOf(37, 38, 39, 40);
    const n = 100_000;
    let logSum = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.logUniform(5, 1000);
      if (!(x >= 5 && x <= 1000)) outside++;
      logSum += Math.log(x);
    }
    expect(outside).toBe(0);
    expect(Math.abs(logSum / n - (Math.log(5) + Math.log(1000)) / 2)).toBeLessThan(0.02);
    expect(rng.logUniform(2, 2)).toBe(2);
  });

  it('shuffle is Fisher–Yates from the last index down with j = U{0..i}', () => {
    const a = rngOf(41, 42, 43, 44);
    const b = rngOf(41, 42, 43, 44);
    const xs = Array.from({ length: 50 }, (_, i) => i);
    const expected = xs.slice();
    a.shuffle(xs);
    for (let i = expected.length - 1; i > 0; i--) {
      const j = b.int(0, i);
      [expected[i], expected[j]] = [expected[j], expected[i]];
    }
    expect(xs).toEqual(expected);
    expect(a.nextU32()).toBe(b.nextU32());
  });

  it('shuffle gives every permutation of 3 items equally often and works on typed arrays', () => {
    const rng = rngOf(45, 46, 47, 48);
    const counts = new Map<string, number>();
    const n = 60_000;
    for (let i = 0; i < n; i++) {
      const t = new Uint8Array([0, 1, 2]);
      rng.shuffle(t);
      const key = t.join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    expect(chiSquare([...counts.values()], new Float64Array(6).fill(n / 6))).toBeLessThan(20.52);
  });
});

describe('SPEC 1.1 weighted choice', () => {
  it('picks the first index whose cumulative weight exceeds u × total', () => {
    const weights = [0.1, 0, 0.15, 0.2, 0.35, 0.15, 0.05];
    const table = new WeightTable(weights);
    expect(table.size).toBe(7);
    const a = rngOf(49, 50, 51, 52);
    const b = rngOf(49, 50, 51, 52);
    const total = weights.reduce((s, w) => s + w, 0);
    let mismatches = 0;
    for (let i = 0; i < 20_000; i++) {
      const target = b.uniform() * total;
      let acc = 0;
      let expected = -1;
      for (let k = 0; k < weights.length && expected < 0; k++) if ((acc += weights[k]) > target) expected = k;
      if (table.pick(a) !== expected) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('frequencies follow the weights and zero weights are never picked', () => {
    const weights = [5, 0, 1, 3, 1];
    const table = new WeightTable(weights);
    const rng = rngOf(53, 54, 55, 56);
    const n = 200_000;
    const counts = new Float64Array(5);
    for (let i = 0; i < n; i++) counts[table.pick(rng)]++;
    expect(counts[1]).toBe(0);
    const kept = [counts[0], counts[2], counts[3], counts[4]];
    expect(chiSquare(kept, [n / 2, n / 10, (3 * n) / 10, n / 10])).toBeLessThan(16.27); // df 3
  });

  it('rejects empty, negative, non-finite and all-zero weights', () => {
    expect(() => new WeightTable([])).toThrow(RangeError);
    expect(() => new WeightTable([1, -1])).toThrow(RangeError);
    expect(() => new WeightTable([1, NaN])).toThrow(RangeError);
    expect(() => new WeightTable([Infinity])).toThrow(RangeError);
    expect(() => new WeightTable([0, 0])).toThrow(RangeError);
  });

  it('uniform of a list equals weighted choice with equal weights, bit for bit', () => {
    for (const n of [1, 2, 3, 5, 7, 10, 26, 100, 1000, 65_537]) {
      const table = new WeightTable(new Array(n).fill(1));
      const a = rngOf(57, 58, 59, n);
      const b = rngOf(57, 58, 59, n);
      let mismatches = 0;
      for (let i = 0; i < 3000; i++) if (uniformPick(a, n) !== table.pick(b)) mismatches++;
      expect(mismatches).toBe(0);
    }
    expect(() => uniformPick(rngOf(1, 2, 3, 4), 0)).toThrow(RangeError);
  });

  it('uniform of a list covers every item evenly', () => {
    const rng = rngOf(61, 62, 63, 64);
    const counts = new Float64Array(5);
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[uniformPick(rng, 5)]++;
    expect(chiSquare(counts, new Float64Array(5).fill(n / 5))).toBeLessThan(18.47);
  });
});
