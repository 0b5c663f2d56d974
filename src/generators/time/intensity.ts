/**
 * The intensity curve and the time axis of a window (SPEC 3.1, 3.2).
 * λ is constant within each UTC hour, so Λ is piecewise linear over hour segments and its
 * inverse is a binary search plus one interpolation. Plain double arithmetic only (no
 * transcendental functions), so every runtime computes the same instants.
 */
import { DAY_US, HOUR_US } from './units';
import type { Rng } from '../rng';

/** Hour-of-day weights H[0..23] (SPEC 3.1). */
export const HOUR_WEIGHTS = [
  1.6, 1.3, 1.0, 0.7, 0.5, 0.4, 0.4, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 1.0, 1.05, 1.1, 1.2, 1.35, 1.5, 1.65, 1.8,
  1.9, 1.95, 1.85,
] as const;
/** Weekday weights W, Monday..Sunday (SPEC 3.1). */
export const WEEKDAY_WEIGHTS = [0.85, 0.8, 0.85, 0.95, 1.25, 1.4, 1.1] as const;
/** Hour-units in an average day (SPEC 3.1: ΣH × ΣW / 7 = 26.45 × 1.0286). */
export const AVERAGE_DAY_UNITS = 27.206;

/** Monday = 0 … Sunday = 6 for a day number (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** λ of the absolute hour index `hour` (hours since the epoch). */
export function casinoIntensity(hour: number): number {
  const day = Math.floor(hour / 24);
  return HOUR_WEIGHTS[hour - day * 24] * WEEKDAY_WEIGHTS[weekdayOf(day)];
}

/** Security staff activity is flatter: 0.5 + 0.5 λ (SPEC 3.1). */
export function securityIntensity(hour: number): number {
  return 0.5 + 0.5 * casinoIntensity(hour);
}

/**
 * Cumulative intensity over [start, end): segment s spans the part of one UTC hour inside the
 * window; `cum[s]` is the integral (in hour-units) before segment s.
 */
export class TimeAxis {
  readonly start: number;
  readonly end: number;
  /** Segment boundaries in µs: segment s is [bounds[s], bounds[s + 1]). */
  private readonly bounds: Float64Array;
  /** Integral of λ before each boundary, in hour-units; cum[last] = total. */
  private readonly cum: Float64Array;
  readonly total: number;

  constructor(start: number, end: number, intensity: (hour: number) => number) {
    this.start = start;
    this.end = end;
    const firstHour = Math.floor(start / HOUR_US);
    const lastHour = Math.ceil(end / HOUR_US);
    const segments = lastHour - firstHour;
    this.bounds = new Float64Array(segments + 1);
    this.cum = new Float64Array(segments + 1);
    let acc = 0;
    for (let s = 0; s < segments; s++) {
      const hour = firstHour + s;
      const a = Math.max(start, hour * HOUR_US);
      const b = Math.min(end, (hour + 1) * HOUR_US);
      this.bounds[s] = a;
      this.cum[s] = acc;
      acc += (intensity(hour) * (b - a)) / HOUR_US;
    }
    this.bounds[segments] = end;
    this.cum[segments] = acc;
    this.total = acc;
  }

  /** ∫ λ over [start, t) in hour-units, for t in [start, end]. */
  integralTo(t: number): number {
    if (t <= this.start) return 0;
    if (t >= this.end) return this.total;
    const s = this.segmentOfInstant(t);
    const a = this.bounds[s];
    const b = this.bounds[s + 1];
    return this.cum[s] + ((this.cum[s + 1] - this.cum[s]) * (t - a)) / (b - a);
  }

  /** Λ(t): the normalised cumulative intensity in [0, 1]. */
  fraction(t: number): number {
    return this.integralTo(t) / this.total;
  }

  /** The instant at which the integral reaches `units` (hour-units), floored to the µs. */
  instantAtIntegral(units: number): number {
    if (units <= 0) return this.start;
    if (units >= this.total) return this.end - 1;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.cum[mid] <= units) lo = mid;
      else hi = mid;
    }
    return this.instantInSegment(lo, units);
  }

  /**
   * quantile(q) of every fraction, in place; the fractions must ascend. One forward walk finds the
   * same segment as instantAtIntegral's search (the last s with cum[s] <= units) for each value.
   */
  quantilesInPlace(fractions: Float64Array): void {
    const cum = this.cum;
    let s = 0;
    for (let i = 0; i < fractions.length; i++) {
      const units = fractions[i] * this.total;
      if (units <= 0) fractions[i] = this.start;
      else if (units >= this.total) fractions[i] = this.end - 1;
      else {
        while (cum[s + 1] <= units) s++;
        fractions[i] = this.instantInSegment(s, units);
      }
    }
  }

  /** The instant of segment s at which the integral reaches `units`, floored to the µs. */
  private instantInSegment(s: number, units: number): number {
    const a = this.bounds[s];
    const b = this.bounds[s + 1];
    const t = Math.floor(a + ((units - this.cum[s]) / (this.cum[s + 1] - this.cum[s])) * (b - a));
    return Math.min(Math.max(t, a), b - 1);
  }

  /** Λ⁻¹(q) for q in [0, 1), floored to the µs (SPEC 3.2). */
  quantile(q: number): number {
    return this.instantAtIntegral(q * this.total);
  }

  /** An instant drawn from λ over [a, b) (a visit span, say): one U(0,1). */
  drawBetween(rng: Rng, a: number, b: number): number {
    const ia = this.integralTo(a);
    const ib = this.integralTo(b);
    const t = this.instantAtIntegral(ia + rng.uniform() * (ib - ia));
    return Math.min(Math.max(t, a), b - 1);
  }

  /** The integral of λ over [a, b) ∩ window, in hour-units. */
  integralBetween(a: number, b: number): number {
    return this.integralTo(Math.min(b, this.end)) - this.integralTo(Math.max(a, this.start));
  }

  private segmentOfInstant(t: number): number {
    let lo = 0;
    let hi = this.bounds.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.bounds[mid] <= t) lo = mid;
      else hi = mid;
    }
    return lo;
  }
}

/** Gaming day (day number) of an instant: the UTC date of t − 6 h (SPEC 1). */
export function gamingDay(t: number): number {
  return Math.floor((t - 6 * HOUR_US) / DAY_US);
}

/** 06:00 UTC of gaming day d, in µs. */
export function gamingDayStart(day: number): number {
  return day * DAY_US + 6 * HOUR_US;
}

export const SHIFTS = ['Day', 'Swing', 'Grave'] as const;

/** Shift index of an instant from its UTC hour: 06–13 Day, 14–21 Swing, 22–05 Grave. */
export function shiftOf(t: number): number {
  const hour = Math.floor((t - Math.floor(t / DAY_US) * DAY_US) / HOUR_US);
  if (hour >= 6 && hour < 14) return 0;
  if (hour >= 14 && hour < 22) return 1;
  return 2;
}
