/**
 * The data behind the app's charts (issue 6), aggregated from the batches a run writes, as they stream by: no second
 * generation pass, and a small JSON-serialisable result (aggregates only) whatever the row count. Pure: no DOM, no
 * Node APIs, so the browser's run worker and Node tests use the same code.
 *
 * @example
 * const charts = new ChartAccumulator(scenario);
 * for (const batch of slotBatches) charts.add('slots', batch);
 * charts.result().holdByMachineType; // [{ machineType: 'Video Slots', actualHold: 0.081, ... }, ...]
 */
import type { ColumnBatch } from '../generators/columns';
import { TIERS } from '../generators/data/population';
import { findJurisdiction } from '../generators/scenario/jurisdictions';
import type { Scenario } from '../generators/scenario/types';
import { SCHEMAS } from '../generators/schema';
import { DAY_US } from '../generators/time/units';
import type { TableKey } from '../generators/tables';
import { ByteVocabulary } from './byte-vocabulary';
import { CashInChart, type CashInDistribution, type CashInPart } from './chart-cash-in';
import { SlotCharts, type DenominationCoinIn, type MachineTypeHold, type SlotChartsPart, type SlotIntensity } from './chart-slots';
import { columnsOf, type StringColumn } from './batch-columns';
import { isoWeekOf } from './iso-week';

export type { CashInBin, CashInDistribution } from './chart-cash-in';
export type { DenominationCoinIn, MachineTypeHold, SlotIntensity } from './chart-slots';

export interface TierCount {
  readonly tier: string;
  readonly players: number;
  /** players / all players, a fraction. */
  readonly share: number;
}

/** Filings per ISO week of filing_timestamp (the instant the filing record was created, SPEC 9.2). */
export interface WeekFilings {
  /** ISO 8601 week, e.g. `2026-W41`. */
  readonly week: string;
  /** `YYYY-MM-DD` of the week's Monday. */
  readonly monday: string;
  readonly CTR: number;
  readonly SAR: number;
  readonly W2G: number;
}

export const FILING_TYPES = ['CTR', 'SAR', 'W2G'] as const;

export type ChartKey = 'slotIntensity' | 'holdByMachineType' | 'coinInByDenomination' | 'loyaltyTiers' | 'cashIn' | 'filingsByWeek';

/** Each chart's data, or null when its table was not generated or has no rows (`omitted` says which). */
export interface ChartData {
  readonly slotIntensity: SlotIntensity | null;
  readonly holdByMachineType: MachineTypeHold[] | null;
  readonly coinInByDenomination: DenominationCoinIn[] | null;
  readonly loyaltyTiers: TierCount[] | null;
  readonly cashIn: CashInDistribution | null;
  readonly filingsByWeek: WeekFilings[] | null;
  /** Why a chart is not drawn, e.g. `bronze_player_profile was not generated`. */
  readonly omitted: { readonly chart: ChartKey; readonly reason: string }[];
}

/** The table each chart reads. */
export const CHART_TABLES: Readonly<Record<ChartKey, TableKey>> = {
  slotIntensity: 'slots', holdByMachineType: 'slots', coinInByDenomination: 'slots',
  loyaltyTiers: 'players', cashIn: 'financial', filingsByWeek: 'compliance',
};

/** A unit's chart sums of one table (ChartAccumulator.part), merged in file order by the run's accumulator. */
export interface ChartPart {
  readonly key: TableKey;
  readonly rows: number;
  readonly slots: SlotChartsPart | null;
  readonly cashIn: CashInPart | null;
  /** [loyalty tier, players]. */
  readonly tiers: [string, number][] | null;
  /** [ISO week's Monday day number, [CTR, SAR, W2G]]. */
  readonly weeks: [number, number[]][] | null;
}

/** The chart sums of a unit's batches (in file order) of table `key`, computed where the rows are generated. */
export function tallyCharts(scenario: Scenario, key: TableKey, batches: readonly ColumnBatch[]): ChartPart {
  const unit = new ChartAccumulator(scenario);
  for (const batch of batches) unit.add(key, batch);
  return unit.part(key);
}

export class ChartAccumulator {
  private readonly rows = new Map<TableKey, number>();
  private readonly slots: SlotCharts;
  private readonly cashIn: CashInChart;
  private readonly tiers = new ByteVocabulary(TIERS, true);
  private readonly tierCounts: number[] = [];
  private readonly filingTypes = new ByteVocabulary(FILING_TYPES, false);
  /** Filings per (ISO week's Monday day number, filing type). */
  private readonly weeks = new Map<number, number[]>();

  constructor(private readonly scenario: Scenario) {
    this.slots = new SlotCharts(scenario.start, scenario.end);
    this.cashIn = new CashInChart(findJurisdiction(scenario.jurisdiction)?.ctr_threshold ?? 10_000);
  }

  /** Adds a batch of a table's rows; batches of one table must come in file order. */
  add(key: TableKey, batch: ColumnBatch): void {
    this.rows.set(key, (this.rows.get(key) ?? 0) + batch.length);
    if (key !== 'slots' && key !== 'players' && key !== 'financial' && key !== 'compliance') return;
    const cols = columnsOf(key, batch);
    if (key === 'slots') this.slots.add(cols, batch.length);
    else if (key === 'financial') this.cashIn.add(cols, batch.length);
    else if (key === 'players') {
      const tier = cols.str('loyalty_tier');
      for (let r = 0; r < batch.length; r++) {
        const t = this.tiers.indexOf(tier, r);
        while (this.tierCounts.length <= t) this.tierCounts.push(0);
        if (t >= 0) this.tierCounts[t]++;
      }
    } else this.addFilings(cols.str('filing_type'), cols.time('filing_timestamp').values, batch.length);
  }

  /** The sums of table `key` so far. */
  part(key: TableKey): ChartPart {
    return {
      key, rows: this.rows.get(key) ?? 0,
      slots: key === 'slots' ? this.slots.part() : null,
      cashIn: key === 'financial' ? this.cashIn.part() : null,
      tiers: key === 'players' ? this.tierCounts.map((n, t) => [this.tiers.values[t], n]) : null,
      weeks: key === 'compliance' ? [...this.weeks] : null,
    };
  }

  /** Adds a unit's sums; the units of a table in file order. */
  merge(part: ChartPart): void {
    this.rows.set(part.key, (this.rows.get(part.key) ?? 0) + part.rows);
    if (part.slots) this.slots.merge(part.slots);
    if (part.cashIn) this.cashIn.merge(part.cashIn);
    for (const [tier, n] of part.tiers ?? []) {
      const t = this.tiers.indexOfValue(tier);
      while (this.tierCounts.length <= t) this.tierCounts.push(0);
      this.tierCounts[t] += n;
    }
    for (const [monday, counts] of part.weeks ?? []) {
      const sums = this.weeks.get(monday) ?? [0, 0, 0];
      counts.forEach((n, f) => (sums[f] += n));
      this.weeks.set(monday, sums);
    }
  }

  result(): ChartData {
    const omitted: ChartData['omitted'] = [];
    const drawn = <T>(chart: ChartKey, data: () => T): T | null => {
      const key = CHART_TABLES[chart];
      const rows = this.rows.get(key) ?? 0;
      if (rows > 0) return data();
      const stem = SCHEMAS[key].stem;
      omitted.push({ chart, reason: this.scenario.counts[key] === null ? `${stem} was not generated` : `${stem} has no rows` });
      return null;
    };
    const players = this.rows.get('players') ?? 0;
    return {
      slotIntensity: drawn('slotIntensity', () => this.slots.intensity()),
      holdByMachineType: drawn('holdByMachineType', () => this.slots.hold()),
      coinInByDenomination: drawn('coinInByDenomination', () => this.slots.coinIn()),
      loyaltyTiers: drawn('loyaltyTiers', () => this.tierCounts.map((n, t) => ({ tier: this.tiers.values[t], players: n, share: n / players }))),
      cashIn: drawn('cashIn', () => this.cashIn.result()),
      filingsByWeek: drawn('filingsByWeek', () => this.filingWeeks()),
      omitted,
    };
  }

  private addFilings(type: StringColumn, times: Float64Array, rows: number): void {
    for (let r = 0; r < rows; r++) {
      const f = this.filingTypes.indexOf(type, r);
      if (f < 0) continue;
      const monday = isoWeekOf(Math.floor(times[r] / DAY_US)).monday;
      const counts = this.weeks.get(monday) ?? [0, 0, 0];
      counts[f]++;
      this.weeks.set(monday, counts);
    }
  }

  /** Every ISO week from the first filing's to the last one's, empty weeks included (a continuous time axis). */
  private filingWeeks(): WeekFilings[] {
    const mondays = [...this.weeks.keys()];
    if (mondays.length === 0) return [];
    const out: WeekFilings[] = [];
    for (let monday = Math.min(...mondays); monday <= Math.max(...mondays); monday += 7) {
      const [CTR, SAR, W2G] = this.weeks.get(monday) ?? [0, 0, 0];
      const week = isoWeekOf(monday);
      out.push({ week: week.label, monday: week.mondayText, CTR, SAR, W2G });
    }
    return out;
  }
}
