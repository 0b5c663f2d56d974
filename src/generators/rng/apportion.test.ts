import { describe, expect, it } from 'vitest';
import { apportion, assignApportioned, weightedSampleWithoutReplacement } from './apportion';
import { ln } from './fdlibm';
import { Rng } from './xoshiro';

const rngOf = (a: number, b: number, c: number, d: number) => new Rng(new Uint32Array([a, b, c, d]));
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);

/** Largest remainder in exact integer arithmetic for integer weights (the intended decimal semantics). */
function exactApportion(total: number, weights: number[]): number[] {
  const s = sum(weights);
  const counts = weights.map((w) => Math.floor((total * w) / s));
  const rem = weights.map((w) => (total * w) % s);
  const order = weights.map((_, i) => i).filter((i) => weights[i] > 0).sort((a, b) => rem[b] - rem[a] || a - b);
  const rest = total - sum(counts);
  for (let j = 0; j < rest; j++) counts[order[j]]++;
  return counts;
}

describe('SPEC 1 apportion: largest remainder, ties to the category listed first', () => {
  it('SPEC 3.6 denominations over 500 machines', () => {
    expect(Array.from(apportion(500, [0.3, 0.1, 0.25, 0.2, 0.1, 0.04, 0.01]))).toEqual([150, 50, 125, 100, 50, 20, 5]);
  });

  it('SPEC 3.7 games and equal machine types', () => {
    expect(Array.from(apportion(100, [35, 20, 15, 15, 10, 5]))).toEqual([35, 20, 15, 15, 10, 5]);
    expect(Array.from(apportion(500, [1, 1, 1, 1]))).toEqual([125, 125, 125, 125]);
  });

  it('gives ties to the category listed first', () => {
    expect(Array.from(apportion(3, [1, 1]))).toEqual([2, 1]);
    expect(Array.from(apportion(2, [1, 1, 1]))).toEqual([1, 1, 0]);
    expect(Array.from(apportion(1, [0.25, 0.5, 0.25]))).toEqual([0, 1, 0]);
    expect(Array.from(apportion(2, [0.25, 0.5, 0.25]))).toEqual([1, 1, 0]);
    expect(Array.from(apportion(10, [0.15, 0.25, 0.6]))).toEqual([2, 2, 6]); // 1.5 and 2.5: tie to the first
  });

  it('largest remainders win', () => {
    expect(Array.from(apportion(10, [0.4, 0.3, 0.18, 0.09, 0.03]))).toEqual([4, 3, 2, 1, 0]);
    expect(Array.from(apportion(7, [0.4, 0.3, 0.18, 0.09, 0.03]))).toEqual([3, 2, 1, 1, 0]);
  });

  it('sums to the total exactly and matches exact arithmetic for decimal weights', () => {
    let s = 3;
    const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let t = 0; t < 3000; t++) {
      const n = 2 + Math.floor(next() * 7);
      const cuts = Array.from({ length: n - 1 }, () => Math.floor(next() * 101)).sort((a, b) => a - b);
      const ints = [...cuts, 100].map((c, i) => c - (i ? cuts[i - 1] : 0));
      if (ints.every((x) => x === 0)) continue;
      const total = Math.floor(next() * 3000);
      const counts = apportion(total, ints.map((x) => x / 100));
      expect(sum(counts)).toBe(total);
      expect(Array.from(counts)).toEqual(exactApportion(total, ints));
    }
  });

  it('zero-weight categories get nothing; a zero total gives zeros', () => {
    expect(Array.from(apportion(5, [0, 1, 0, 1]))).toEqual([0, 3, 0, 2]);
    expect(Array.from(apportion(0, [1, 2]))).toEqual([0, 0]);
  });

  it('rejects bad input', () => {
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(3, [])).toThrow(RangeError);
    expect(() => apportion(3, [0, 0])).toThrow(RangeError);
    expect(() => apportion(3, [1, -1])).toThrow(RangeError);
    expect(() => apportion(3, [1, NaN])).toThrow(RangeError);
  });
});

describe('SPEC 1 apportioned attributes are assigned by a seeded shuffle', () => {
  it('lays the counts out in category order, then shuffles with rng.shuffle', () => {
    const weights = [0.3, 0.1, 0.25, 0.2, 0.1, 0.04, 0.01];
    const got = assignApportioned(rngOf(1, 2, 3, 4), 500, weights);
    const expected = new Uint8Array(500);
    let at = 0;
    apportion(500, weights).forEach((c, k) => {
      expected.fill(k, at, at + c);
      at += c;
    });
    rngOf(1, 2, 3, 4).shuffle(expected);
    expect(Array.from(got)).toEqual(Array.from(expected));
    const counts = new Array(7).fill(0);
    for (const c of got) counts[c]++;
    expect(counts).toEqual([150, 50, 125, 100, 50, 20, 5]);
  });

  it('handles an empty member list', () => {
    expect(assignApportioned(rngOf(1, 2, 3, 4), 0, [1, 2]).length).toBe(0);
  });
});

describe('SPEC 1.1 weighted sampling without replacement (Efraimidis–Spirakis)', () => {
  it('takes the m largest keys ln(U(0,1)) / w drawn in index order, by descending key', () => {
    const weights = [1, 2, 0, 4, 8, 16, 1, 2, 4, 0, 8];
    const a = rngOf(5, 6, 7, 8);
    const b = rngOf(5, 6, 7, 8);
    for (let round = 0; round < 200; round++) {
      const m = round % 10;
      const got = weightedSampleWithoutReplacement(a, weights, m);
      const keys = weights.map((w) => ln(b.uniform()) / w);
      const expected = weights
        .map((_, i) => i)
        .filter((i) => weights[i] > 0)
        .sort((x, y) => keys[y] - keys[x] || x - y)
        .slice(0, m);
      expect(Array.from(got)).toEqual(expected);
    }
    expect(a.nextU32()).toBe(b.nextU32());
  });

  it('never chooses zero weights, never repeats, and favours heavy items', () => {
    const weights = new Float64Array(200);
    for (let i = 0; i < 200; i++) weights[i] = i % 4 === 0 ? 0 : 1 + (i % 5);
    const rng = rngOf(9, 10, 11, 12);
    const hits = new Float64Array(200);
    let repeats = 0;
    let zeroPicks = 0;
    for (let t = 0; t < 2000; t++) {
      const got = weightedSampleWithoutReplacement(rng, weights, 30);
      if (new Set(got).size !== 30) repeats++;
      for (const i of got) {
        if (weights[i] === 0) zeroPicks++;
        hits[i]++;
      }
    }
    expect(repeats).toBe(0);
    expect(zeroPicks).toBe(0);
    let light = 0;
    let heavy = 0;
    for (let i = 0; i < 200; i++) {
      if (weights[i] === 1) light += hits[i];
      if (weights[i] === 5) heavy += hits[i];
    }
    expect(heavy).toBeGreaterThan(2.5 * light);
  });

  it('can take every positive-weight item, and rejects m beyond that', () => {
    const got = weightedSampleWithoutReplacement(rngOf(1, 1, 1, 1), [3, 0, 1], 2);
    expect(Array.from(got).sort()).toEqual([0, 2]);
    expect(() => weightedSampleWithoutReplacement(rngOf(1, 1, 1, 1), [3, 0, 1], 3)).toThrow(RangeError);
    expect(() => weightedSampleWithoutReplacement(rngOf(1, 1, 1, 1), [3, -1], 1)).toThrow(RangeError);
  });

  it('ties go to the lower index', () => {
    // A state whose first four outputs are 0, 0, 0, 1 makes the first two draws U(0,1) = 0, so items 0 and 1
    // both get the key ln(0) / w = −∞: a genuine tie. (s, 0, s, s) yields 0, 0, 0, f(rotl(s, 11)), where
    // f(v) = rotl(5v, 7)·9 is the output function; invert f at 1.
    const inverse = (a: number) => {
      let x = a;
      for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x));
      return x;
    };
    const z = Math.imul(1, inverse(9));
    const v = Math.imul((z >>> 7) | (z << 25), inverse(5)) >>> 0; // f(v) = 1
    const s = ((v >>> 11) | (v << 21)) >>> 0; // rotl(s, 11) = v
    const probe = new Rng(new Uint32Array([s, 0, s, s]));
    expect([probe.nextU32(), probe.nextU32(), probe.nextU32(), probe.nextU32()]).toEqual([0, 0, 0, 1]);
    const got = weightedSampleWithoutReplacement(new Rng(new Uint32Array([s, 0, s, s])), [5, 1, 0.5], 3);
    expect(Array.from(got)).toEqual([2, 0, 1]);
    const one = weightedSampleWithoutReplacement(new Rng(new Uint32Array([s, 0, s, s])), [1, 9], 1);
    expect(Array.from(one)).toEqual([0]);
  });
});
