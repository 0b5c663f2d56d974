import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../scenario/instant';
import { formatDollars, formatDollarsShort, jackpotPayoutNote, markerPaymentNote } from './money-text';

describe('7.1 / 9.3 money text: comma grouping fixed, two decimals, never locale-formatted', () => {
  it('formats cents as $1,234.56', () => {
    expect(formatDollars(123_456)).toBe('$1,234.56');
    expect(formatDollars(0)).toBe('$0.00');
    expect(formatDollars(5)).toBe('$0.05');
    expect(formatDollars(10)).toBe('$0.10');
    expect(formatDollars(99_999)).toBe('$999.99');
    expect(formatDollars(100_000)).toBe('$1,000.00');
    expect(formatDollars(2_841_255)).toBe('$28,412.55');
    expect(formatDollars(123_456_789_012)).toBe('$1,234,567,890.12');
  });

  it('writes a negative amount as -$1.00 and −0 as $0.00', () => {
    expect(formatDollars(-100)).toBe('-$1.00');
    expect(formatDollars(-123_456)).toBe('-$1,234.56');
    expect(formatDollars(-0)).toBe('$0.00');
  });

  it('needs whole cents', () => {
    expect(() => formatDollars(1.5)).toThrow(RangeError);
    expect(() => formatDollars(Number.NaN)).toThrow(RangeError);
  });

  it('drops .00 from whole dollars only in the short form', () => {
    expect(formatDollarsShort(1_000_000)).toBe('$10,000');
    expect(formatDollarsShort(1_000_050)).toBe('$10,000.50');
    expect(formatDollarsShort(-100)).toBe('-$1');
  });
});

describe('7.1 notes column', () => {
  it('7.1 JACKPOT_PAYOUT: W-2G <filing_id>; withheld $<withholding_amount>', () => {
    expect(jackpotPayoutNote('W2G-20261103-000042', 179_400)).toBe('W-2G W2G-20261103-000042; withheld $1,794.00');
    expect(jackpotPayoutNote('W2G-20261103-000043', 0)).toBe('W-2G W2G-20261103-000043; withheld $0.00');
  });

  it('7.1 MARKER_PAYMENT: Marker <marker_number> issued <YYYY-MM-DD business_date of the issue>', () => {
    expect(markerPaymentNote('MKR-C000123', toDayNumber(2026, 11, 3))).toBe('Marker MKR-C000123 issued 2026-11-03');
    expect(markerPaymentNote('MKR-C1234567', toDayNumber(2024, 2, 29))).toBe('Marker MKR-C1234567 issued 2024-02-29');
  });
});
