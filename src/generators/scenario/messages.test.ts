import { describe, expect, it } from 'vitest';
import { DAY_US, HOUR_US, MINUTE_US, SECOND_US } from './instant';
import { describeCount, describeValue, ECHO_MAX_CHARS, formatCount, formatDuration, MESSAGES, shortenValue } from './messages';

describe('SPEC 15 number and duration text', () => {
  it('formatCount writes , thousands separators by hand', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(100_000_000)).toBe('100,000,000');
    expect(formatCount(-1234567)).toBe('-1,234,567');
  });

  it('formatDuration names days, hours, minutes and seconds, leaving out zero parts', () => {
    expect(formatDuration(800 * DAY_US)).toBe('800 days');
    expect(formatDuration(30 * MINUTE_US)).toBe('30 minutes');
    expect(formatDuration(2 * DAY_US + 3 * HOUR_US)).toBe('2 days 3 hours');
    expect(formatDuration(DAY_US + MINUTE_US + SECOND_US)).toBe('1 day 1 minute 1 second');
    expect(formatDuration(90 * SECOND_US + 500_000)).toBe('1 minute 30.5 seconds');
    expect(formatDuration(1)).toBe('0.000001 seconds');
    expect(formatDuration(0)).toBe('0 seconds');
    expect(formatDuration(-HOUR_US)).toBe('-1 hour');
  });

  it('describes raw values as given, and empty ones as ""', () => {
    expect(describeValue('abc')).toBe('abc');
    expect(describeValue(1.5)).toBe('1.5');
    expect(describeValue('')).toBe('""');
    expect(describeValue(undefined)).toBe('""');
    expect(describeCount('200000000')).toBe('200,000,000');
    expect(describeCount('-5')).toBe('-5');
    expect(describeCount('1e9')).toBe('1e9');
    expect(describeCount(Number.NaN)).toBe('NaN');
  });

  it('echoes an overlong value as its first 40 characters and …, on one line (issue 7)', () => {
    expect(ECHO_MAX_CHARS).toBe(40);
    expect(describeValue('9'.repeat(100_000))).toBe(`${'9'.repeat(40)}…`);
    expect(describeValue('x'.repeat(40))).toBe('x'.repeat(40));
    expect(shortenValue('😀'.repeat(41))).toBe(`${'😀'.repeat(40)}…`);
    expect(describeValue('a\nb\tc\u0000')).toBe('a\\nb\\tc\\u0000');
    expect(MESSAGES.format('p'.repeat(10_000))).toBe(`unknown format "${'p'.repeat(40)}…": use parquet, csv, json or delta`);
    expect(describeCount('1'.repeat(50))).toBe(`${'1'.repeat(40)}…`);
  });
});
