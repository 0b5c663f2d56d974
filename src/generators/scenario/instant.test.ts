import { describe, expect, it } from 'vitest';
import {
  DAY_US,
  HOUR_US,
  MAX_INSTANT_US,
  dayNumber,
  formatDate,
  formatInstant,
  formatInstantShort,
  parseInstantText,
  toCivilDate,
  toDayNumber,
} from './instant';

/** UTC midnight of a date, µs, computed independently with Date.UTC (month is 0-based there). */
const at = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) * 1000;
};

describe('SPEC 13.1 timestamp text', () => {
  it('writes YYYY-MM-DDTHH:MM:SS.ffffffZ with six fraction digits', () => {
    expect(formatInstant(0)).toBe('1970-01-01T00:00:00.000000Z');
    expect(formatInstant(1)).toBe('1970-01-01T00:00:00.000001Z');
    expect(formatInstant(DAY_US - 1)).toBe('1970-01-01T23:59:59.999999Z');
    expect(formatInstant(MAX_INSTANT_US)).toBe('2100-01-01T00:00:00.000000Z');
  });

  it('agrees with Date#toISOString on millisecond instants', () => {
    for (let ms = -5e11; ms < 4.1e12; ms += 97_654_321_123) {
      expect(formatInstant(ms * 1000)).toBe(new Date(ms).toISOString().replace('Z', '000Z'));
    }
  });

  it('rejects instants that are not whole microseconds', () => {
    expect(() => formatInstant(1.5)).toThrow(RangeError);
  });

  it('formatDate writes a day number as YYYY-MM-DD', () => {
    expect(formatDate(0)).toBe('1970-01-01');
    expect(formatDate(toDayNumber(2024, 2, 29))).toBe('2024-02-29');
    expect(formatDate(-1)).toBe('1969-12-31');
  });

  it('formatInstantShort writes a UTC midnight as a date', () => {
    expect(formatInstantShort(20 * DAY_US)).toBe('1970-01-21');
    expect(formatInstantShort(20 * DAY_US + HOUR_US)).toBe('1970-01-21T01:00:00.000000Z');
  });
});

describe('calendar arithmetic', () => {
  it('toDayNumber and toCivilDate are inverse over 1900..2200', () => {
    for (let day = toDayNumber(1900, 1, 1); day <= toDayNumber(2200, 1, 1); day += 1) {
      const { year, month, day: d } = toCivilDate(day);
      expect(toDayNumber(year, month, d)).toBe(day);
    }
    expect(toCivilDate(toDayNumber(2000, 2, 29))).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('dayNumber floors, also before the epoch', () => {
    expect(dayNumber(0)).toBe(0);
    expect(dayNumber(DAY_US - 1)).toBe(0);
    expect(dayNumber(DAY_US)).toBe(1);
    expect(dayNumber(-1)).toBe(-1);
    expect(dayNumber(MAX_INSTANT_US - 1)).toBe(toDayNumber(2099, 12, 31));
  });
});

describe('SPEC 14 --start/--end text', () => {
  it('reads YYYY-MM-DD as UTC midnight', () => {
    expect(parseInstantText('2026-03-15')).toBe(at('2026-03-15'));
    expect(parseInstantText(' 2026-03-15 ')).toBe(at('2026-03-15'));
  });

  it('reads instants with Z and fractions of 1 to 6 digits', () => {
    const base = at('2026-03-15') + 13 * HOUR_US + 5 * 60e6 + 7e6;
    expect(parseInstantText('2026-03-15T13:05:07Z')).toBe(base);
    expect(parseInstantText('2026-03-15T13:05:07.5Z')).toBe(base + 500_000);
    expect(parseInstantText('2026-03-15T13:05:07.000001Z')).toBe(base + 1);
    expect(parseInstantText('2026-03-15T13:05Z')).toBe(base - 7e6);
    expect(parseInstantText('2026-03-15t13:05:07z')).toBe(base);
    expect(parseInstantText('2026-03-15T13:05:07.0000001Z')).toBeNull();
  });

  it('applies offsets east and west of UTC', () => {
    expect(parseInstantText('2026-03-15T02:00:00+02:00')).toBe(at('2026-03-15'));
    expect(parseInstantText('2026-03-14T18:30:00-05:30')).toBe(at('2026-03-15'));
    expect(parseInstantText('2026-03-15T00:00:00-00:00')).toBe(at('2026-03-15'));
    expect(parseInstantText('2026-03-15T00:00:00+24:00')).toBeNull();
    expect(parseInstantText('2026-03-15T00:00:00+02')).toBeNull();
    expect(parseInstantText('2026-03-15T00:00:00')).toBeNull();
  });

  it('accepts leap days only in leap years', () => {
    expect(parseInstantText('2024-02-29')).toBe(at('2024-02-29'));
    expect(parseInstantText('2000-02-29')).toBe(at('2000-02-29'));
    expect(parseInstantText('2023-02-29')).toBeNull();
    expect(parseInstantText('2100-02-29')).toBeNull();
  });

  it('rejects impossible calendar fields', () => {
    for (const text of ['2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00',
      '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2026-01-01T23:59:60Z', '26-01-01', '2026-1-1',
      '20260101', 'today', '', '2026-01-01T00:00:00.Z', '2026-01-01 00:00:00Z']) {
      expect(parseInstantText(text), text).toBeNull();
    }
  });

  it('keeps to 1970-01-01..2100-01-01, both ends included', () => {
    expect(parseInstantText('1970-01-01')).toBe(0);
    expect(parseInstantText('1969-12-31T23:59:59.999999Z')).toBeNull();
    expect(parseInstantText('1970-01-01T00:30:00+01:00')).toBeNull();
    expect(parseInstantText('2100-01-01')).toBe(MAX_INSTANT_US);
    expect(parseInstantText('2100-01-01T00:00:00.000001Z')).toBeNull();
    expect(parseInstantText('2100-01-01T01:00:00+02:00')).toBe(MAX_INSTANT_US - HOUR_US);
    expect(parseInstantText('2099-12-31T23:59:59.999999Z')).toBe(MAX_INSTANT_US - 1);
    expect(parseInstantText('2100-01-02')).toBeNull();
  });

  it('round-trips through formatInstant', () => {
    for (const text of ['2026-03-15T13:05:07.123456Z', '1970-01-01T00:00:00.000000Z', '2099-12-31T23:59:59.999999Z']) {
      expect(formatInstant(parseInstantText(text)!)).toBe(text);
    }
  });
});
