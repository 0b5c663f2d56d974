/**
 * Keyed permutation π of [0, n) into [lo, lo + n) (SPEC 1.1 "Keyed permutation"): a 4-round balanced Feistel
 * network on the smallest even bit width 2h >= max(2, bits(n − 1)), keyed by the first four outputs of the
 * stream (`perm`, name, 0), with cycle-walking until the value is below n. Used for ids (SPEC 3.3).
 *
 * @example new KeyedPermutation(42, 'badge_number', 90_000, 10_000).map(0) // a badge in [10000, 100000)
 */
import { openStream } from './streams';

const MAX_N = 2 ** 48;

/** MurmurHash3's 32-bit finaliser (as an int32 bit pattern). */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A seeded bijection of [0, n) onto [lo, lo + n); n may be as large as 2^48. */
export class KeyedPermutation {
  readonly n: number;
  readonly lo: number;
  /** 2^h: the size of one Feistel half. */
  private readonly half: number;
  private readonly mask: number;
  private readonly k0: number;
  private readonly k1: number;
  private readonly k2: number;
  private readonly k3: number;

  constructor(seed: number, name: string, n: number, lo = 0) {
    if (!(n >= 1 && n <= MAX_N) || Math.floor(n) !== n) {
      throw new RangeError(`KeyedPermutation size must be an integer in 1..2^48 (got ${n})`);
    }
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(lo + n)) {
      throw new RangeError(`KeyedPermutation offset must keep values safe integers (got ${lo})`);
    }
    let bits = 0;
    for (let v = n - 1; v >= 1; v = Math.floor(v / 2)) bits++;
    const h = Math.max(2, bits + (bits & 1)) / 2;
    this.n = n;
    this.lo = lo;
    this.half = 2 ** h;
    this.mask = this.half - 1;
    const rng = openStream(seed, 'perm', name, 0);
    this.k0 = rng.nextU32();
    this.k1 = rng.nextU32();
    this.k2 = rng.nextU32();
    this.k3 = rng.nextU32();
  }

  /** lo + π(i) for an integer i in [0, n). */
  map(i: number): number {
    if (!(i >= 0 && i < this.n) || Math.floor(i) !== i) {
      throw new RangeError(`KeyedPermutation index must be an integer in [0, ${this.n}) (got ${i})`);
    }
    let x = this.encrypt(i);
    while (x >= this.n) x = this.encrypt(x);
    return this.lo + x;
  }

  /** One pass of the network over [0, 2^2h): x = L·2^h + R, round r maps (L, R) to (R, L ⊕ F_r(R)). */
  private encrypt(x: number): number {
    const half = this.half;
    const mask = this.mask;
    let l = Math.floor(x / half);
    let r = x - l * half;
    let t = l ^ (fmix32(r ^ this.k0) & mask);
    l = r;
    r = t;
    t = l ^ (fmix32(r ^ this.k1) & mask);
    l = r;
    r = t;
    t = l ^ (fmix32(r ^ this.k2) & mask);
    l = r;
    r = t;
    t = l ^ (fmix32(r ^ this.k3) & mask);
    l = r;
    r = t;
    return l * half + r;
  }
}
