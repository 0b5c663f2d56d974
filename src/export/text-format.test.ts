import { describe, expect, it } from 'vitest';
import { ByteWriter, DateWriter, writeFloat, writeInteger, writeMoney } from './text-format';

const text = new TextDecoder();

function format(write: (w: ByteWriter) => void): string {
  const w = new ByteWriter(8);
  w.reserve(64);
  write(w);
  return text.decode(w.finish());
}

describe('SPEC 13.1 value formatting', () => {
  it('money has exactly two decimals, negatives keep their sign, -0 is 0.00', () => {
    const cases: [number, string][] = [
      [12.5, '12.50'],
      [0, '0.00'],
      [-0, '0.00'],
      [0.01, '0.01'],
      [-0.05, '-0.05'],
      [-0.5, '-0.50'],
      [-12.34, '-12.34'],
      [1.15, '1.15'],
      [0.29, '0.29'],
      [1234567.89, '1234567.89'],
      [99_999_999_999.99, '99999999999.99'],
      [100, '100.00'],
    ];
    for (const [value, expected] of cases) expect(format((w) => writeMoney(w, value))).toBe(expected);
  });

  it('money matches integer-cents formatting for every cent in ±$50', () => {
    for (let cents = -5000; cents <= 5000; cents++) {
      const sign = cents < 0 ? '-' : '';
      const abs = Math.abs(cents);
      const expected = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
      expect(format((w) => writeMoney(w, cents / 100))).toBe(expected);
    }
  });

  it('other floats use the shortest round-trip form', () => {
    for (const value of [0.1234, 1 / 3, 1e-7, 1.5e21, -2.5, 0, -0, 42]) {
      expect(format((w) => writeFloat(w, value))).toBe(String(value));
    }
    expect(format((w) => writeFloat(w, -0))).toBe('0');
  });

  it('integers are plain decimal up to 2^53', () => {
    for (const value of [0, 7, -7, 10, 100, 2147483647, -2147483648, 2 ** 53 - 1, -(2 ** 53 - 1), 1_000_000]) {
      expect(format((w) => writeInteger(w, value))).toBe(String(value));
    }
  });

  it('dates are YYYY-MM-DD, matching Date for 1700..2300', () => {
    const dates = new DateWriter();
    for (let days = -98_000; days <= 120_000; days += 17) {
      const expected = new Date(days * 86_400_000).toISOString().slice(0, 10);
      expect(format((w) => dates.writeDate(w, days))).toBe(expected);
    }
  });

  it('timestamps always have six fraction digits and a Z, in UTC', () => {
    const dates = new DateWriter();
    const ts = (micros: number) => format((w) => dates.writeTimestamp(w, micros));
    expect(ts(0)).toBe('1970-01-01T00:00:00.000000Z');
    expect(ts(1)).toBe('1970-01-01T00:00:00.000001Z');
    expect(ts(-1)).toBe('1969-12-31T23:59:59.999999Z');
    expect(ts(1_767_225_599_999_999)).toBe('2025-12-31T23:59:59.999999Z');
    expect(ts(1_709_208_000_123_400)).toBe('2024-02-29T12:00:00.123400Z');
    for (let micros = -5e15; micros < 5e15; micros += 1_234_567_890_123) {
      const ms = Math.floor(micros / 1000);
      const expected = `${new Date(ms).toISOString().slice(0, 23)}${String(micros - ms * 1000).padStart(3, '0')}Z`;
      expect(ts(micros)).toBe(expected);
    }
  });

  it('ByteWriter grows and returns only the written bytes', () => {
    const w = new ByteWriter(1);
    for (let i = 0; i < 1000; i++) {
      w.reserve(3);
      w.ascii('abc');
    }
    expect(w.finish()).toHaveLength(3000);
  });
});
