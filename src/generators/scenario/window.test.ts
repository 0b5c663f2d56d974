import { describe, expect, it } from 'vitest';
import { DAY_US, HOUR_US, parseInstantText } from './instant';
import { resolveScenario, type ScenarioInput } from './validate';

const TODAY = parseInstantText('2026-03-15')!;
const day = (text: string) => parseInstantText(text)!;

function windowOf(input: Partial<ScenarioInput>) {
  const result = resolveScenario({ today: TODAY, ...input });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const { start, end, as_of } = result.scenario;
  return { start, end, as_of };
}

function codesOf(input: Partial<ScenarioInput>): string[] {
  const result = resolveScenario({ today: TODAY, labels: { start: '--start', end: '--end' }, ...input });
  return result.ok ? [] : result.errors.map((e) => `${e.code}: ${e.message}`);
}

describe('SPEC 2.2 default window', () => {
  it('ends at the UTC midnight that began today and lasts 30 days', () => {
    expect(windowOf({})).toEqual({ start: day('2026-02-13'), end: TODAY, as_of: TODAY });
  });

  it("uses the preset's days, and an explicit days wins over them", () => {
    expect(windowOf({ preset: 'small' }).start).toBe(day('2026-03-08'));
    expect(windowOf({ preset: 'production' }).start).toBe(TODAY - 90 * DAY_US);
    expect(windowOf({ preset: 'production', days: '10' }).start).toBe(day('2026-03-05'));
  });

  it('only end: start = end − days', () => {
    expect(windowOf({ end: '2026-01-10', days: 9 })).toEqual({
      start: day('2026-01-01'), end: day('2026-01-10'), as_of: day('2026-01-10'),
    });
  });

  it('only start: end = start + days, across a leap day', () => {
    expect(windowOf({ start: '2024-02-28T06:00:00Z', days: '2' })).toMatchObject({
      start: day('2024-02-28') + 6 * HOUR_US, end: day('2024-03-01') + 6 * HOUR_US,
    });
  });

  it('both given: stored as given, offsets normalised to UTC', () => {
    expect(windowOf({ start: '2026-01-01T02:00:00+02:00', end: '2026-01-02' })).toEqual({
      start: day('2026-01-01'), end: day('2026-01-02'), as_of: day('2026-01-02'),
    });
  });

  it('731 days is the longest window, also by default', () => {
    expect(windowOf({ days: 731 }).start).toBe(TODAY - 731 * DAY_US);
    expect(codesOf({ start: '2024-01-01', end: '2026-01-02' })).toEqual([
      'E_WINDOW_SIZE: the window must be between 1 hour and 731 days (got 732 days)',
    ]);
  });

  it('a window under one hour is too short', () => {
    expect(codesOf({ start: '2026-01-01T00:00:00Z', end: '2026-01-01T00:59:59.999999Z' })).toEqual([
      'E_WINDOW_SIZE: the window must be between 1 hour and 731 days (got 59 minutes 59.999999 seconds)',
    ]);
  });

  it('a derived bound outside 1970..2100 is an E_DATE on that bound', () => {
    expect(codesOf({ start: '2100-01-01', days: 2 })).toEqual([
      'E_DATE: --end must be a date (YYYY-MM-DD) or an ISO-8601 instant between 1970-01-01 and 2100-01-01 (got 2100-01-03)',
    ]);
    expect(codesOf({ end: '1970-01-02', days: 2 })[0]).toMatch(/^E_DATE: --start .*\(got 1969-12-31\)$/);
  });
});

describe('SPEC 2.1 as_of', () => {
  it('defaults to end and may lie up to 400 days after it', () => {
    expect(windowOf({ end: '2026-01-01', as_of: '2027-02-05' }).as_of).toBe(day('2027-02-05'));
    expect(windowOf({ end: '2026-01-01', as_of: '2026-01-01' }).as_of).toBe(day('2026-01-01'));
    expect(codesOf({ end: '2026-01-01', as_of: '2027-02-05T00:00:00.000001Z' })).toEqual([
      'E_AS_OF: as_of must be between end and end + 400 days (got 2027-02-05T00:00:00.000001Z)',
    ]);
  });

  it('is checked against the default end (today)', () => {
    expect(codesOf({ as_of: '2026-03-14' })).toEqual([
      'E_AS_OF: as_of must be between end and end + 400 days (got 2026-03-14)',
    ]);
  });

  it('is still checked against a valid end when start is invalid', () => {
    expect(codesOf({ start: 'x', end: '2026-01-01', as_of: '2025-01-01' }).map((m) => m.split(':')[0])).toEqual([
      'E_DATE',
      'E_AS_OF',
    ]);
  });
});
