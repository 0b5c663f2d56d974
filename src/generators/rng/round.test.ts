import { describe, expect, it } from 'vitest';
import { cents, round, toCents } from './round';

describe('SPEC 1 round(x, n): half away from zero, once, on the computed double', () => {
  it('rounds halves away from zero', () => {
    expect(round(2.5)).toBe(3);
    expect(round(-2.5)).toBe(-3);
    expect(round(0.5)).toBe(1);
    expect(round(-0.5)).toBe(-1);
    expect(round(1.4999)).toBe(1);
    expect(round(0.125, 2)).toBe(0.13);
    expect(round(-0.125, 2)).toBe(-0.13);
    expect(round(1234.56785, 4)).toBe(1234.5679);
  });

  it('applies the formula to the double as computed (1.005 is below 1.005)', () => {
    expect(round(1.005, 2)).toBe(1); // 1.005 × 100 = 100.49999999999999
    for (const x of [0.1 + 0.2, 1e-7, 123.456, -987.654321, 2 ** 40 + 0.5]) {
      for (const n of [0, 1, 2, 4]) {
        const p = 10 ** n;
        expect(round(x, n)).toBe((Math.sign(x) * Math.floor(Math.abs(x) * p + 0.5)) / p || 0);
      }
    }
  });

  it('writes −0 as 0', () => {
    expect(Object.is(round(-0.4), 0)).toBe(true);
    expect(Object.is(round(-0), 0)).toBe(true);
    expect(Object.is(round(-0.001, 2), 0)).toBe(true);
  });

  it('passes NaN and infinities through and rejects bad n', () => {
    expect(round(NaN)).toBeNaN();
    expect(round(Infinity, 2)).toBe(Infinity);
    expect(round(-Infinity)).toBe(-Infinity);
    expect(() => round(1, 16)).toThrow(RangeError);
    expect(() => round(1, -1)).toThrow(RangeError);
    expect(() => round(1, 1.5)).toThrow(RangeError);
  });

  it('money helpers: cents(x) = round(x, 2); toCents(x) = round(x × 100), integral', () => {
    expect(cents(19.999)).toBe(20);
    expect(cents(-3.14159)).toBe(-3.14);
    expect(toCents(19.999)).toBe(2000);
    expect(toCents(-3.145)).toBe(-315);
    expect(Object.is(toCents(-0.004), 0)).toBe(true);
    for (const x of [0.1, 0.29, 1.15, 99.995, 1234.5678]) expect(toCents(x) / 100).toBe(cents(x));
  });
});
