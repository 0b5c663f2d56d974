/**
 * The engine's generator and its derived draws (SPEC 1.1): xoshiro128** with U(0,1), U(a,b), U{a..b}, N(0,1),
 * LU(a,b), shuffle and weighted choice. The order and number of outputs each draw consumes are part of the
 * engine version: golden hashes pin them.
 *
 * @example
 * const rng = openStream(42, 'world', 'roster', 0);
 * const k = rng.int(1, 3); // 1, 2 or 3
 */
import { exp, ln } from './fdlibm';

const TWO_26 = 67108864;
const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;
const INV_TWO_53 = 1 / TWO_53;

/** A xoshiro128** generator: four 32-bit words of state, arithmetic mod 2^32 with Math.imul. */
export class Rng {
  private readonly s = new Int32Array(4);
  private lnCacheA = NaN;
  private lnCacheB = NaN;
  private lnA = 0;
  private lnSpan = 0;

  /** `state`: four 32-bit words (copied); it must not be all zero (streams fix that case, see openStream). */
  constructor(state: Uint32Array) {
    if (state.length !== 4) throw new RangeError(`Rng state must have 4 words (got ${state.length})`);
    if ((state[0] | state[1] | state[2] | state[3]) === 0) throw new RangeError('Rng state must not be all zero');
    this.s.set(state);
  }

  /** The next xoshiro128** output, an integer in [0, 2^32). */
  nextU32(): number {
    const s = this.s;
    const s0 = s[0];
    const s1 = s[1];
    const s2 = s[2] ^ s0;
    const s3 = s[3] ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** U(0,1) in [0, 1) from two outputs: (⌊x₁/32⌋·2²⁶ + ⌊x₂/64⌋) / 2⁵³. */
  uniform(): number {
    const hi = this.nextU32() >>> 5;
    const lo = this.nextU32() >>> 6;
    return (hi * TWO_26 + lo) * INV_TWO_53;
  }

  /** U(a, b) = a + (b − a)·U(0,1). */
  between(a: number, b: number): number {
    return a + (b - a) * this.uniform();
  }

  /**
   * U{a..b}, both ends included (a, b safe integers, 0 <= b − a < 2^53). For r = b − a + 1 <= 2^32 Lemire's
   * multiply-and-reject on one output per try (even r = 1 consumes one output); for larger r the 53-bit rule.
   */
  int(a: number, b: number): number {
    // Fast path, same draws: int32 ends with r < 2^32 (the common case) need no safe-integer checks.
    if ((a | 0) === a && (b | 0) === b && a <= b && b - a < TWO_32 - 1) return a + this.below(b - a + 1);
    const d = b - a; // exact whenever the check below passes
    if (!(d >= 0 && d < TWO_53) || !Number.isSafeInteger(a) || !Number.isSafeInteger(b)) {
      throw new RangeError(`int(a, b) needs safe integers with 0 <= b - a < 2^53 (got ${a}, ${b})`);
    }
    const r = d + 1;
    if (r < TWO_32) return a + this.below(r);
    if (r === TWO_32) return a + this.nextU32(); // the product's high word is x itself; nothing is rejected
    const limit = TWO_53 - (TWO_53 % r);
    let v: number;
    do {
      v = (this.nextU32() >>> 5) * TWO_26 + (this.nextU32() >>> 6);
    } while (v >= limit);
    return a + (v % r);
  }

  /** U{0..r−1} for 1 <= r < 2^32: Lemire's multiply-and-reject on one output per try. */
  private below(r: number): number {
    let x = this.nextU32();
    let low = Math.imul(x, r) >>> 0;
    if (low < r) {
      const threshold = (TWO_32 - r) % r;
      while (low < threshold) {
        x = this.nextU32();
        low = Math.imul(x, r) >>> 0;
      }
    }
    return mulHigh32(x, r);
  }

  /** N(0,1) by Marsaglia's polar method; the second value is discarded. */
  normal(): number {
    let u: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    return u * Math.sqrt((-2 * ln(s)) / s);
  }

  /** LU(a, b) = exp(ln a + (ln b − ln a)·U(0,1)) with the engine's fdlibm ln/exp. */
  logUniform(a: number, b: number): number {
    if (a !== this.lnCacheA || b !== this.lnCacheB) {
      this.lnCacheA = a;
      this.lnCacheB = b;
      this.lnA = ln(a);
      this.lnSpan = ln(b) - this.lnA;
    }
    return exp(this.lnA + this.lnSpan * this.uniform());
  }

  /** Fisher–Yates in place, from the last index down to 1, j = U{0..i}. */
  shuffle(a: { length: number; [i: number]: any }): void {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** True with probability p: U(0,1) < p. */
  chance(p: number): boolean {
    return this.uniform() < p;
  }
}

/** ⌊x·r / 2^32⌋ exactly for x < 2^32, r < 2^32 (the partial products stay below 2^53). */
function mulHigh32(x: number, r: number): number {
  return Math.floor((x * (r >>> 16) + Math.floor((x * (r & 0xffff)) / 65536)) / 65536);
}

/**
 * Weighted choice over a fixed list (SPEC 1.1): one u = U(0,1); the first index whose cumulative weight,
 * summed in listed order, exceeds u × total. Zero-weight items are never picked.
 *
 * @example new WeightTable([0.7, 0.2, 0.1]).pick(rng) // 0, 1 or 2
 */
export class WeightTable {
  readonly size: number;
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: readonly number[]) {
    const n = weights.length;
    if (n === 0) throw new RangeError('WeightTable needs at least one weight');
    const cumulative = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (!(w >= 0 && w < Infinity)) throw new RangeError(`weight ${i} must be finite and >= 0 (got ${w})`);
      sum += w;
      cumulative[i] = sum;
    }
    if (!(sum > 0 && sum < Infinity)) throw new RangeError('WeightTable weights must have a positive finite sum');
    this.size = n;
    this.cumulative = cumulative;
    this.total = sum;
  }

  /** One U(0,1) draw; returns an index in [0, size). */
  pick(rng: Rng): number {
    const target = rng.uniform() * this.total;
    const c = this.cumulative;
    // The cumulative sums never decrease, so a binary search finds the first index that exceeds target.
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * "Uniform of" a list of n items (SPEC 1.1): weighted choice with equal weights, one U(0,1) draw. The first i
 * with i + 1 > u·n is ⌊u·n⌋, so this equals `new WeightTable(Array(n).fill(1)).pick(rng)` bit for bit.
 */
export function uniformPick(rng: Rng, n: number): number {
  if (!(n >= 1 && n <= TWO_53) || Math.floor(n) !== n) throw new RangeError(`uniformPick needs an integer n >= 1 (got ${n})`);
  return Math.floor(rng.uniform() * n);
}
