/**
 * The slot telemetry charts (SPEC 3.1, 3.6, 4.3), aggregated as rows stream by: events per (weekday, hour), realised
 * against theoretical hold per machine type, and coin-in per denomination. Sums run in row order, so any batch
 * split gives the same numbers.
 */
import { toCents } from '../generators/rng';
import { DENOMINATION_CENTS, MACHINE_TYPES } from '../generators/data/slot-floor';
import { weekdayOf } from '../generators/time/intensity';
import { DAY_US, HOUR_US } from '../generators/time/units';
import { ByteVocabulary } from './byte-vocabulary';
import type { Columns } from './batch-columns';

/** Weekday labels, Monday first (SPEC 3.1 lists W as Mon..Sun). */
export const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Slot events by UTC weekday and hour (SPEC 1: property time is UTC): the intensity curve λ of SPEC 3.1. */
export interface SlotIntensity {
  /** Row labels: `Mon` … `Sun`. */
  readonly weekdays: string[];
  /** events[weekday][hour], weekday 0 = Monday. */
  readonly events: number[][];
  /** Hours of the window that fall on each (weekday, hour), partial hours as fractions. */
  readonly windowHours: number[][];
  /** events / windowHours: the average events in one such hour (0 where the window has none). */
  readonly eventsPerHour: number[][];
  readonly total: number;
}

/** Realised hold of GAME_PLAY rows (SPEC 4.3 hold control) against their coin-in-weighted theoretical hold. */
export interface MachineTypeHold {
  readonly machineType: string;
  readonly plays: number;
  /** Dollars. */
  readonly coinIn: number;
  readonly coinOut: number;
  /** 1 − Σcoin_out / Σcoin_in, a fraction. */
  readonly actualHold: number;
  /** Σ(theoretical_hold × coin_in) / Σcoin_in, a fraction. */
  readonly theoreticalHold: number;
}

/** Coin-in wagered (GAME_PLAY and JACKPOT rows: the bets) per machine denomination. */
export interface DenominationCoinIn {
  /** Dollars, e.g. 0.25. */
  readonly denomination: number;
  readonly plays: number;
  readonly coinIn: number;
}

// GAME_PLAY and JACKPOT are the only event types starting with G and J (SPEC 4.2).
const G = 71;
const J = 74;
const HOLD_BASIS = 10_000;

/** A unit's slot chart sums (see SlotCharts.part), keyed by machine type and denomination. */
export interface SlotChartsPart {
  readonly counts: Float64Array;
  readonly total: number;
  /** [machine type, plays, coin-in cents, coin-out cents, Σ hold basis points × coin-in cents]. */
  readonly hold: [string, number, number, number, number][];
  /** [denomination cents, bets, coin-in cents]. */
  readonly bets: [number, number, number][];
}

export class SlotCharts {
  private readonly counts = new Float64Array(7 * 24);
  private total = 0;
  private readonly types = new ByteVocabulary(MACHINE_TYPES, true);
  private readonly holdPlays: number[] = [];
  private readonly holdInCents: number[] = [];
  private readonly holdOutCents: number[] = [];
  private readonly theoWeighted: number[] = [];
  private readonly denominationCents: number[] = [...DENOMINATION_CENTS];
  private readonly betCents: number[] = DENOMINATION_CENTS.map(() => 0);
  private readonly bets: number[] = DENOMINATION_CENTS.map(() => 0);

  /** The window [start, end) in µs, for the hours each (weekday, hour) cell had. */
  constructor(private readonly start: number, private readonly end: number) {}

  add(cols: Columns, rows: number): void {
    const times = cols.time('event_timestamp').values;
    const eventType = cols.str('event_type');
    const machineType = cols.str('machine_type');
    const denomination = cols.f64('denomination').values;
    const theoretical = cols.f64('theoretical_hold').values;
    const coinIn = cols.f64('coin_in').values;
    const coinOut = cols.f64('coin_out').values;
    for (let r = 0; r < rows; r++) {
      const t = times[r];
      const day = Math.floor(t / DAY_US);
      const hour = Math.floor((t - day * DAY_US) / HOUR_US);
      this.counts[weekdayOf(day) * 24 + hour]++;
      const first = eventType.bytes[eventType.offsets[r]];
      if (first !== G && first !== J) continue;
      const inCents = toCents(coinIn[r]);
      const d = this.denominationIndex(toCents(denomination[r]));
      this.betCents[d] += inCents;
      this.bets[d]++;
      if (first !== G) continue;
      const m = this.types.indexOf(machineType, r);
      if (m < 0) continue;
      this.growHold(m);
      this.holdPlays[m]++;
      this.holdInCents[m] += inCents;
      this.holdOutCents[m] += toCents(coinOut[r]);
      // Holds have 4 decimals (SPEC 4.3): weighted in basis points the sum is an exact integer, whatever the split.
      this.theoWeighted[m] += Math.round(theoretical[r] * HOLD_BASIS) * inCents;
    }
    this.total += rows;
  }

  /** The sums so far, to be merged into another SlotCharts (a unit's rows tallied where they are generated). */
  part(): SlotChartsPart {
    return {
      counts: this.counts.slice(), total: this.total,
      hold: this.holdPlays.map((plays, m) => [this.types.values[m], plays, this.holdInCents[m], this.holdOutCents[m], this.theoWeighted[m]]),
      bets: this.denominationCents.map((cents, d) => [cents, this.bets[d], this.betCents[d]]),
    };
  }

  /** Adds another SlotCharts' sums (integers, so the order of merging does not matter). */
  merge(part: SlotChartsPart): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += part.counts[i];
    this.total += part.total;
    for (const [type, plays, inCents, outCents, theo] of part.hold) {
      const m = this.typeIndex(type);
      this.holdPlays[m] += plays;
      this.holdInCents[m] += inCents;
      this.holdOutCents[m] += outCents;
      this.theoWeighted[m] += theo;
    }
    for (const [cents, bets, betCents] of part.bets) {
      const d = this.denominationIndex(cents);
      this.bets[d] += bets;
      this.betCents[d] += betCents;
    }
  }

  intensity(): SlotIntensity {
    const windowHours = hoursByWeekday(this.start, this.end);
    const events = grid((w, h) => this.counts[w * 24 + h]);
    return {
      weekdays: [...WEEKDAY_LABELS], events, windowHours, total: this.total,
      eventsPerHour: grid((w, h) => (windowHours[w][h] > 0 ? events[w][h] / windowHours[w][h] : 0)),
    };
  }

  /** Machine types with at least one GAME_PLAY row, in the SPEC's order. */
  hold(): MachineTypeHold[] {
    return this.holdPlays.flatMap((plays, m) => plays === 0 ? [] : [{
      machineType: this.types.values[m], plays,
      coinIn: this.holdInCents[m] / 100, coinOut: this.holdOutCents[m] / 100,
      actualHold: 1 - this.holdOutCents[m] / this.holdInCents[m],
      theoreticalHold: this.theoWeighted[m] / HOLD_BASIS / this.holdInCents[m],
    }]);
  }

  /** Denominations with at least one bet, smallest first. */
  coinIn(): DenominationCoinIn[] {
    return this.denominationCents
      .map((cents, d) => ({ denomination: cents / 100, plays: this.bets[d], coinIn: this.betCents[d] / 100 }))
      .filter((d) => d.plays > 0)
      .sort((a, b) => a.denomination - b.denomination);
  }

  /** The index of a machine type seen in another unit (learned like a new cell value). */
  private typeIndex(type: string): number {
    const m = this.types.indexOfValue(type);
    this.growHold(m);
    return m;
  }

  private growHold(m: number): void {
    while (this.holdPlays.length <= m) {
      this.holdPlays.push(0); this.holdInCents.push(0); this.holdOutCents.push(0); this.theoWeighted.push(0);
    }
  }

  private denominationIndex(cents: number): number {
    const known = this.denominationCents.indexOf(cents);
    if (known >= 0) return known;
    this.denominationCents.push(cents);
    this.betCents.push(0);
    this.bets.push(0);
    return this.denominationCents.length - 1;
  }
}

function grid(cell: (weekday: number, hour: number) => number): number[][] {
  return Array.from({ length: 7 }, (_, w) => Array.from({ length: 24 }, (_, h) => cell(w, h)));
}

/** How many hours of [start, end) fall on each (weekday, hour of day), counting partial hours as fractions. */
export function hoursByWeekday(start: number, end: number): number[][] {
  const hours = grid(() => 0);
  for (let h = Math.floor(start / HOUR_US); h * HOUR_US < end; h++) {
    const covered = Math.min(end, (h + 1) * HOUR_US) - Math.max(start, h * HOUR_US);
    const day = Math.floor(h / 24);
    hours[weekdayOf(day)][h - day * 24] += covered / HOUR_US;
  }
  return hours;
}
