/**
 * The engine's own natural logarithm and exponential (SPEC 1.1 "ln, exp"): faithful ports of fdlibm 5.3
 * `e_log.c` (__ieee754_log) and `e_exp.c` (__ieee754_exp). ECMAScript does not fix the last bit of
 * `Math.log`/`Math.exp` across runtimes; these use only IEEE-754 +, -, *, / and bit access, so every
 * runtime returns the same double.
 *
 * @example ln(Math.E) // 1
 */

/** Scratch double whose two 32-bit halves are read and written to emulate fdlibm's __HI/__LO. */
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
f64[0] = 1;
/** Index of the high (sign/exponent) word: 1 on little-endian hosts, 0 on big-endian ones. */
const HI = i32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

const LN2_HI = 6.93147180369123816490e-1; // 3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 3dea39ef 35793c76
const TWO54 = 1.8014398509481984e16; // 43500000 00000000
const LG1 = 6.666666666666735130e-1; // 3FE55555 55555593
const LG2 = 3.999999999940941908e-1; // 3FD99999 9997FA04
const LG3 = 2.857142874366239149e-1; // 3FD24924 94229359
const LG4 = 2.222219843214978396e-1; // 3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-1; // 3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-1; // 3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-1; // 3FC2F112 DF3E5244

/** Natural logarithm, bit-identical to fdlibm's __ieee754_log. ln(±0) = -Infinity, ln(x < 0) = NaN. */
export function ln(x: number): number {
  f64[0] = x;
  let hx = i32[HI];
  const lx = i32[LO];
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal.
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    f64[0] = x;
    hx = i32[HI];
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  i32[HI] = hx | (i ^ 0x3ff00000); // normalise x or x/2
  x = f64[0];
  k += i >> 20;
  const f = x - 1.0;
  let dk: number;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      dk = k;
      return dk * LN2_HI + dk * LN2_LO;
    }
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - r;
    dk = k;
    return dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

const HALF = [0.5, -0.5];
const O_THRESHOLD = 7.09782712893383973096e2; // 0x40862E42 FEFA39EF
const U_THRESHOLD = -7.45133219101941108420e2; // 0xc0874910 D52D3051
const LN2_HI_S = [6.93147180369123816490e-1, -6.93147180369123816490e-1];
const LN2_LO_S = [1.90821492927058770002e-10, -1.90821492927058770002e-10];
const INVLN2 = 1.44269504088896338700e0; // 0x3ff71547 652b82fe
const TWOM1000 = 9.33263618503218878990e-302; // 2^-1000
const P1 = 1.66666666666666019037e-1; // 0x3FC55555 5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C 16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A AF25DE2C
const P4 = -1.65339022054652515390e-6; // 0xBEBBBD41 C5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769 72BEA4D0

/**
 * e^x, bit-identical to fdlibm's __ieee754_exp (without the `exp(1) = Math.E` special case some later
 * derivatives added: exp(1) is 2.7182818284590455 here).
 */
export function exp(x: number): number {
  f64[0] = x;
  let hx = i32[HI];
  const xsb = hx >>> 31;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| >= 709.78...
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | i32[LO]) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0; // exp(+-Infinity) = {Infinity, 0}
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: reduce to |x| <= 0.5 ln2.
    if (hx < 0x3ff0a2b2) {
      hi = x - LN2_HI_S[xsb];
      lo = LN2_LO_S[xsb];
      k = 1 - xsb - xsb;
    } else {
      k = (INVLN2 * x + HALF[xsb]) | 0; // C's (int) truncation
      const t = k;
      hi = x - t * LN2_HI_S[0]; // exact
      lo = t * LN2_LO_S[0];
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  f64[0] = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) {
    i32[HI] += k << 20; // add k to the exponent
    return f64[0];
  }
  i32[HI] += (k + 1000) << 20;
  return f64[0] * TWOM1000;
}
