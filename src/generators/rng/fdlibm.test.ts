import { describe, expect, it } from 'vitest';
import { exp, ln } from './fdlibm';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const i64 = new BigInt64Array(f64.buffer);

function bits(x: number): string {
  f64[0] = x;
  return u64[0].toString(16).padStart(16, '0');
}

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  f64[0] = a;
  const ia = i64[0];
  f64[0] = b;
  const ib = i64[0];
  return Number(ia > ib ? ia - ib : ib - ia);
}

/** A small LCG so the sample is fixed and independent of the code under test. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

function compare(fn: (x: number) => number, ref: (x: number) => number, inputs: number[]): { same: number; worst: number } {
  let same = 0;
  let worst = 0;
  for (const x of inputs) {
    const a = fn(x);
    const b = ref(x);
    if (Object.is(a, b)) same++;
    else worst = Math.max(worst, ulps(a, b));
  }
  return { same, worst };
}

describe('SPEC 1.1 ln and exp are fdlibm ports', () => {
  it('ln agrees with Math.log to 1 ulp on 100k positive doubles and is identical on nearly all', () => {
    const next = lcg(1);
    const inputs: number[] = [];
    const words = new Uint32Array(f64.buffer);
    for (let i = 0; i < 60_000; i++) {
      words[0] = next();
      words[1] = next() & 0x7fefffff; // any finite positive double, subnormals included
      inputs.push(f64[0]);
    }
    for (let i = 0; i < 20_000; i++) inputs.push(1 + (next() / 2 ** 32 - 0.5) * 1e-5); // the |f| < 2^-20 branch
    for (let i = 0; i < 20_000; i++) inputs.push(next() / 2 ** 32); // U(0,1) as used by draws
    const { same, worst } = compare(ln, Math.log, inputs);
    expect(worst).toBeLessThanOrEqual(1);
    expect(same / inputs.length).toBeGreaterThan(0.999);
  });

  it('exp agrees with Math.exp to 1 ulp on 100k values across its range and is identical on nearly all', () => {
    const next = lcg(2);
    const inputs: number[] = [];
    for (let i = 0; i < 70_000; i++) inputs.push((next() / 2 ** 32) * 1455 - 745);
    for (let i = 0; i < 20_000; i++) inputs.push((next() / 2 ** 32 - 0.5) * 3);
    for (let i = 0; i < 10_000; i++) inputs.push((next() / 2 ** 32 - 0.5) * 1e-8);
    const { same, worst } = compare(exp, Math.exp, inputs);
    expect(worst).toBeLessThanOrEqual(1);
    expect(same / inputs.length).toBeGreaterThan(0.999);
  });

  it('ln special values', () => {
    expect(ln(0)).toBe(-Infinity);
    expect(ln(-0)).toBe(-Infinity);
    expect(ln(-1)).toBeNaN();
    expect(ln(-Infinity)).toBeNaN();
    expect(ln(-5e-324)).toBeNaN();
    expect(ln(NaN)).toBeNaN();
    expect(ln(Infinity)).toBe(Infinity);
    expect(Object.is(ln(1), 0)).toBe(true);
    expect(ln(5e-324)).toBe(-744.4400719213812);
    expect(ln(Math.E)).toBe(1);
    expect(ln(2)).toBe(Math.LN2);
  });

  it('exp special values', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(NaN)).toBeNaN();
    expect(exp(Infinity)).toBe(Infinity);
    expect(Object.is(exp(-Infinity), 0)).toBe(true);
    expect(exp(710)).toBe(Infinity);
    expect(Object.is(exp(-746), 0)).toBe(true);
    expect(exp(-745.1)).toBe(5e-324);
    expect(exp(709.78)).toBeLessThan(Infinity);
    expect(exp(Math.LN2)).toBe(2);
  });

  it('exp(1) is fdlibm 5.3 e_exp.c result, one ulp above Math.E', () => {
    expect(exp(1)).toBe(2.7182818284590455);
    expect(ulps(exp(1), Math.E)).toBe(1);
  });

  // Bit patterns pinned so another runtime (a browser, a future Node) must reproduce them exactly.
  const LN_PINS: [number, string][] = [
    [5e-324, 'c0874385446d71c3'],
    [1e-310, 'c0864e69394d9508'],
    [2.2250738585072014e-308, 'c086232bdd7abcd2'],
    [1e-300, 'c085963447f87fb5'],
    [1e-10, 'c037069e2aa2aa5b'],
    [0.001, 'c01ba18a998fffa0'],
    [0.1, 'c0026bb1bbb55515'],
    [0.25, 'bff62e42fefa39ef'],
    [0.5, 'bfe62e42fefa39ef'],
    [0.7071067811865476, 'bfd62e42fefa39ee'],
    [0.9, 'bfbaf8e8210a415c'],
    [0.999999, 'beb0c6f82d74d230'],
    [1.0000001, '3e7ad7f2847b6492'],
    [1.5, '3fd9f323ecbf984c'],
    [2, '3fe62e42fefa39ef'],
    [2.718281828459045, '3ff0000000000000'],
    [3, '3ff193ea7aad030a'],
    [5, '3ff9c041f7ed8d33'],
    [10, '40026bb1bbb55516'],
    [1000, '401ba18a998fffa0'],
    [123456.789, '40277281cad8a844'],
    [1e100, '406cc845b54b54f2'],
    [1.7976931348623157e308, '40862e42fefa39ef'],
  ];
  const EXP_PINS: [number, string][] = [
    [-745.1, '0000000000000001'],
    [-744, '0000000000000002'],
    [-708.5, '000e6cf6d08897ac'],
    [-700, '00d14f2b0fb9307f'],
    [-100, '36ea8c1f14e2af5d'],
    [-10, '3f07cd79b5647c9a'],
    [-1, '3fd78b56362cef38'],
    [-0.5, '3fe368b2fc6f960a'],
    [-1e-9, '3fefffffff768fa1'],
    [1e-20, '3ff0000000000000'],
    [1e-9, '3ff000000044b830'],
    [0.1, '3ff1aec7b35a00d4'],
    [0.3, '3ff599058c8c1a96'],
    [0.5, '3ffa61298e1e069c'],
    [1, '4005bf0a8b14576a'],
    [2, '401d8e64b8d4ddae'],
    [0.6931471805599453, '4000000000000000'],
    [10, '40d5829dcf950560'],
    [100, '48f3494a9b171bf5'],
    [700, '7f0d945df4f8ec8e'],
    [709.7, '7fed75ae7a50ee14'],
  ];

  it.each(LN_PINS)('ln(%d) has the pinned bits %s', (x, hex) => {
    expect(bits(ln(x))).toBe(hex);
  });

  it.each(EXP_PINS)('exp(%d) has the pinned bits %s', (x, hex) => {
    expect(bits(exp(x))).toBe(hex);
  });
});
