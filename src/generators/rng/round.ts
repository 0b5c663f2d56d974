/**
 * Rounding (SPEC 1 glossary "round(x, n)" and "Money"): half away from zero, applied once to the computed double,
 * sign(x) × ⌊|x| × 10ⁿ + 0.5⌋ / 10ⁿ; −0 becomes 0.
 *
 * @example round(-2.5) // -3; round(0.125, 2) // 0.13
 */

/** 10ⁿ as exact literals: `10 ** n` is not guaranteed to be correctly rounded on every runtime. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** round(x, n) for n in 0..15. NaN and ±Infinity pass through. */
export function round(x: number, n = 0): number {
  const p = POW10[n];
  if (p === undefined) throw new RangeError(`round: n must be an integer in 0..15 (got ${n})`);
  const r = Math.floor(Math.abs(x) * p + 0.5) / p;
  return x < 0 && r !== 0 ? -r : r;
}

/** Dollars rounded to cents: round(x, 2). */
export function cents(x: number): number {
  return round(x, 2);
}

/** Integer cents of a dollar amount: round(x × 100). Money columns store toCents(x) / 100. */
export function toCents(x: number): number {
  return round(x * 100);
}
