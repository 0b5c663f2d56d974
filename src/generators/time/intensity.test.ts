import { describe, expect, it } from 'vitest';
import { openStream } from '../rng';
import { HOUR_US, DAY_US } from './units';
import { TimeAxis, casinoIntensity, gamingDay, shiftOf, weekdayOf } from './intensity';

const start = Date.UTC(2026, 9, 1) * 1000 + 17 * 60_000_000; // a window starting mid-hour
const end = start + 14 * DAY_US + 3 * HOUR_US;
const axis = new TimeAxis(start, end, casinoIntensity);

describe('time axis (SPEC 3.1, 3.2)', () => {
  it('weekdays: 1970-01-01 was a Thursday; 2026-10-02 is a Friday', () => {
    expect(weekdayOf(0)).toBe(3);
    expect(weekdayOf(Date.UTC(2026, 9, 2) / 86_400_000)).toBe(4);
  });

  it('quantile inverts the normalised cumulative intensity to the microsecond', () => {
    for (let i = 1; i < 1000; i++) {
      const t = axis.quantile(i / 1000);
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThan(end);
      expect(Math.abs(axis.fraction(t) - i / 1000)).toBeLessThan(1e-9);
    }
    expect(axis.quantile(0)).toBe(start);
  });

  it('quantiles are non-decreasing and denser at peak hours', () => {
    const perHour = new Array(24).fill(0);
    let previous = -Infinity;
    for (let i = 0; i < 100_000; i++) {
      const t = axis.quantile((i + 0.5) / 100_000);
      expect(t).toBeGreaterThanOrEqual(previous);
      previous = t;
      perHour[Math.floor((t % DAY_US) / HOUR_US)]++;
    }
    const busiest = perHour.indexOf(Math.max(...perHour));
    const quietest = perHour.indexOf(Math.min(...perHour));
    expect([20, 21, 22, 23, 0, 1]).toContain(busiest);
    expect([4, 5, 6, 7, 8]).toContain(quietest);
    expect(Math.max(...perHour) / Math.min(...perHour)).toBeGreaterThan(2.5);
  });

  it('drawBetween stays inside the span', () => {
    const rng = openStream(1, 'world', 'plan', 0);
    const a = start + 5 * HOUR_US + 123;
    const b = a + 7 * HOUR_US;
    for (let i = 0; i < 10_000; i++) {
      const t = axis.drawBetween(rng, a, b);
      expect(t).toBeGreaterThanOrEqual(a);
      expect(t).toBeLessThan(b);
    }
  });

  it('gaming day and shift follow the 06:00 cut-off and UTC hours', () => {
    const day = Date.UTC(2026, 9, 5) / 86_400_000;
    const at = (h: number) => day * DAY_US + h * HOUR_US;
    expect(gamingDay(at(5.99))).toBe(day - 1);
    expect(gamingDay(at(6))).toBe(day);
    expect([at(6), at(13.99), at(14), at(21.99), at(22), at(5.5)].map(shiftOf)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
