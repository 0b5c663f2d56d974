/**
 * The chart aggregates on real generated rows, each checked against DuckDB reading the same tables written as Parquet
 * by the production encoder (an independent reader and independent arithmetic), and against other batch splits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { sliceBatch, type ColumnBatch } from '../generators/columns';
import { MACHINE_TYPES } from '../generators/data/slot-floor';
import { TIERS } from '../generators/data/population';
import { HOUR_WEIGHTS } from '../generators/time/intensity';
import { toDayNumber } from '../generators/scenario/instant';
import { resolveScenario } from '../generators/scenario/validate';
import { SCHEMAS } from '../generators/schema';
import type { TableKey } from '../generators/tables';
import { ChartAccumulator, type ChartData } from './chart-data';
import { hoursByWeekday } from './chart-slots';
import { isoWeekOf } from './iso-week';
import { createRun } from './run';
import { makeTempDir, type Row } from './test-helpers';

// Two whole weeks from a Thursday: every (weekday, hour) of the window occurs exactly twice.
const resolved = resolveScenario({ preset: 'small', start: '2026-10-01', end: '2026-10-15', seed: 9, today: 0 });
if (!resolved.ok) throw new Error(resolved.errors.map((e) => e.message).join('\n'));
const scenario = resolved.scenario;
const CHART_KEYS = ['slots', 'players', 'financial', 'compliance'] as const;

const tables = new Map<TableKey, ColumnBatch[]>();
let charts: ChartData;
let db: DuckDBConnection;
const temp = makeTempDir();

beforeAll(async () => {
  const run = createRun(scenario);
  const instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  await db.run(`SET TimeZone = 'UTC'`);
  const accumulator = new ChartAccumulator(scenario);
  for (const plan of run.plans) {
    const chunks: ColumnBatch[] = [];
    for await (const c of run.table(plan.key).chunks()) chunks.push(c);
    tables.set(plan.key, chunks);
    for (const c of chunks) accumulator.add(plan.key, c);
    if (!(CHART_KEYS as readonly string[]).includes(plan.key)) continue;
    const parts: Uint8Array[] = [];
    for await (const part of run.table(plan.key).encode('parquet')) parts.push(part);
    const path = temp.write(`${plan.key}.parquet`, new Uint8Array(Buffer.concat(parts)));
    await db.run(`CREATE VIEW ${plan.key} AS SELECT * FROM read_parquet('${path}')`);
  }
  charts = accumulator.result();
});

afterAll(() => {
  db?.closeSync();
  temp.cleanup();
});

const sql = async (text: string): Promise<Row[]> => (await db.runAndReadAll(text)).getRowObjectsJson() as Row[];
const CASH_IN = `('CASH_IN', 'CHIP_PURCHASE', 'FRONT_MONEY_DEPOSIT', 'SAFEKEEPING_DEPOSIT', 'MARKER_PAYMENT')`;

describe('ChartAccumulator on a generated small scenario (DuckDB recomputes every aggregate)', () => {
  it('SPEC 3.1 slot events by UTC weekday and hour equal a GROUP BY isodow, hour; per-hour rates divide by the window hours', async () => {
    const rows = await sql(`SELECT isodow(event_timestamp) - 1 AS w, hour(event_timestamp) AS h, count(*) AS n FROM slots GROUP BY ALL`);
    const expected = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    for (const r of rows) expected[Number(r.w)][Number(r.h)] = Number(r.n);
    const intensity = charts.slotIntensity!;
    expect(intensity.events).toEqual(expected);
    expect(intensity.total).toBe(scenario.counts.slots);
    expect(intensity.windowHours.flat()).toEqual(new Array(168).fill(2));
    expect(intensity.eventsPerHour.flat()).toEqual(expected.flat().map((n) => n / 2));
    // The curve the analyst should see: the 20:00–01:00 peak well above the 04:00–08:00 trough (H ratio ~4).
    const byHour = (h: number) => expected.reduce((sum, day) => sum + day[h], 0);
    const peak = [20, 21, 22, 23, 0].reduce((s, h) => s + byHour(h), 0);
    const trough = [4, 5, 6, 7, 8].reduce((s, h) => s + byHour(h), 0);
    const weight = (hours: number[]) => hours.reduce((s, h) => s + HOUR_WEIGHTS[h], 0);
    expect(peak / trough).toBeGreaterThan(weight([20, 21, 22, 23, 0]) / weight([4, 5, 6, 7, 8]) / 1.5);
  });

  it('SPEC 4.3 hold by machine type: 1 − Σcoin_out/Σcoin_in of GAME_PLAY rows, and their coin-in-weighted theoretical hold', async () => {
    const rows = await sql(`SELECT machine_type, count(*) AS plays, sum(CAST(coin_in AS DECIMAL(18, 2))) AS cin,
      sum(CAST(coin_out AS DECIMAL(18, 2))) AS cout, sum(theoretical_hold * coin_in) / sum(coin_in) AS theo
      FROM slots WHERE event_type = 'GAME_PLAY' GROUP BY 1`);
    const hold = charts.holdByMachineType!;
    expect(hold.map((h) => h.machineType)).toEqual([...MACHINE_TYPES]);
    for (const h of hold) {
      const row = rows.find((r) => r.machine_type === h.machineType)!;
      expect(h.plays).toBe(Number(row.plays));
      expect(h.coinIn).toBe(Number(row.cin));
      expect(h.coinOut).toBe(Number(row.cout));
      expect(h.actualHold).toBeCloseTo(1 - Number(row.cout) / Number(row.cin), 12);
      expect(h.theoreticalHold).toBeCloseTo(Number(row.theo), 12);
      expect(h.theoreticalHold).toBeGreaterThanOrEqual(0.04);
      expect(h.theoreticalHold).toBeLessThanOrEqual(0.12);
    }
  });

  it('SPEC 3.6 coin-in by denomination: the bets of GAME_PLAY and JACKPOT rows, smallest denomination first', async () => {
    const rows = await sql(`SELECT denomination, count(*) AS plays, sum(CAST(coin_in AS DECIMAL(18, 2))) AS cin
      FROM slots WHERE event_type IN ('GAME_PLAY', 'JACKPOT') GROUP BY 1 ORDER BY 1`);
    expect(charts.coinInByDenomination).toEqual(rows.map((r) => ({ denomination: Number(r.denomination), plays: Number(r.plays), coinIn: Number(r.cin) })));
    expect(charts.coinInByDenomination!.map((d) => d.denomination)).toEqual([0.01, 0.05, 0.25, 1, 5, 25, 100]);
  });

  it('SPEC 3.8 loyalty tier mix: players per tier in tier order, shares summing to 1', async () => {
    const rows = await sql(`SELECT loyalty_tier, count(*) AS n FROM players GROUP BY 1`);
    const tiers = charts.loyaltyTiers!;
    expect(tiers.map((t) => t.tier)).toEqual([...TIERS]);
    for (const t of tiers) {
      expect(t.players).toBe(Number(rows.find((r) => r.loyalty_tier === t.tier)!.n));
      expect(t.share).toBe(t.players / scenario.counts.players!);
    }
    // Apportioned exactly (SPEC 1): .40 .30 .18 .09 .03 of 1,000.
    expect(tiers.map((t) => t.players)).toEqual([400, 300, 180, 90, 30]);
  });

  it('SPEC 10.2 cash-in distribution: counted cash-in rows and patron gaming-day totals in (low, high] bins; days over $10,000 are the CTR cash-in days', async () => {
    const amounts = (await sql(`SELECT CAST(amount AS DECIMAL(18, 2)) AS a FROM financial
      WHERE payment_method = 'Cash' AND transaction_type IN ${CASH_IN}`)).map((r) => Number(r.a));
    const days = (await sql(`SELECT sum(CAST(amount AS DECIMAL(18, 2))) AS a FROM financial
      WHERE payment_method = 'Cash' AND transaction_type IN ${CASH_IN} GROUP BY player_id, business_date`)).map((r) => Number(r.a));
    const ctrCashInDays = Number((await sql(`SELECT count(*) AS n FROM compliance WHERE filing_type = 'CTR' AND cash_in_amount > 10000`))[0].n);
    const cash = charts.cashIn!;
    expect(cash.threshold).toBe(10_000);
    const binOf = (a: number) => cash.bins.findIndex((b) => b.high === null || a <= b.high);
    const count = (values: number[], b: number) => values.filter((a) => binOf(a) === b).length;
    expect(cash.bins.map((b) => b.transactions)).toEqual(cash.bins.map((_, b) => count(amounts, b)));
    expect(cash.bins.map((b) => b.patronDays)).toEqual(cash.bins.map((_, b) => count(days, b)));
    expect(cash.transactions).toBe(amounts.length);
    expect(cash.patronDays).toBe(days.length);
    expect(cash.patronDaysOverThreshold).toBe(days.filter((a) => a > 10_000).length);
    expect(cash.patronDaysOverThreshold).toBe(ctrCashInDays);
    expect(ctrCashInDays).toBeGreaterThan(0);
    expect(cash.bins.slice(0, 8).map((b) => [b.low, b.high])).toEqual([
      [0, 100], [100, 200], [200, 500], [500, 1_000], [1_000, 2_000], [2_000, 5_000], [5_000, 10_000], [10_000, 20_000],
    ]);
  });

  it('filings by type and ISO week of filing_timestamp equal DuckDB isoyear / week, empty weeks included', async () => {
    const rows = await sql(`SELECT isoyear(filing_timestamp) AS y, week(filing_timestamp) AS wk, filing_type AS t, count(*) AS n
      FROM compliance GROUP BY ALL`);
    const weeks = charts.filingsByWeek!;
    const label = (r: Row) => `${r.y}-W${String(r.wk).padStart(2, '0')}`;
    expect(weeks.map((w) => w.week)).toEqual([...new Set(rows.map(label))].sort());
    for (const w of weeks) {
      for (const t of ['CTR', 'SAR', 'W2G'] as const) {
        expect(w[t]).toBe(Number(rows.find((r) => label(r) === w.week && r.t === t)?.n ?? 0));
      }
    }
    expect(weeks.reduce((s, w) => s + w.CTR + w.SAR + w.W2G, 0)).toBe(scenario.counts.compliance);
    expect(weeks[0].monday).toBe('2026-09-28');
  });

  it('gives the same result whatever the batch sizes (rows split into 997- and 4,096-row batches)', () => {
    for (const size of [997, 4_096]) {
      const split = new ChartAccumulator(scenario);
      for (const [key, chunks] of tables) {
        for (const c of chunks) for (let from = 0; from < c.length; from += size) split.add(key, sliceBatch(c, from, Math.min(c.length, from + size)));
      }
      expect(split.result()).toEqual(charts);
    }
  });

  it('refuses cage rows out of time order (SPEC 3.2) rather than splitting a patron\'s gaming day', () => {
    const financial = tables.get('financial')![0];
    const late = new ChartAccumulator(scenario);
    late.add('financial', sliceBatch(financial, 1_000, financial.length));
    expect(() => late.add('financial', sliceBatch(financial, 0, 1_000))).toThrow('The cage transactions are not in time order (SPEC 3.2)');
  });

  it('is small and JSON-serialisable: aggregates only', () => {
    const text = JSON.stringify(charts);
    expect(JSON.parse(text)).toEqual(charts);
    expect(text.length).toBeLessThan(20_000);
  });

  it('omits the charts of tables not generated or empty, saying why', () => {
    const only = resolveScenario({ counts: { slots: 0, players: 100 }, start: '2026-10-01', days: 7, seed: 1, today: 0 });
    if (!only.ok) throw new Error('scenario');
    const result = new ChartAccumulator(only.scenario).result();
    expect(result.slotIntensity).toBeNull();
    expect(result.cashIn).toBeNull();
    expect(result.omitted).toEqual([
      { chart: 'slotIntensity', reason: 'bronze_slot_telemetry has no rows' },
      { chart: 'holdByMachineType', reason: 'bronze_slot_telemetry has no rows' },
      { chart: 'coinInByDenomination', reason: 'bronze_slot_telemetry has no rows' },
      { chart: 'loyaltyTiers', reason: `${SCHEMAS.players.stem} has no rows` },
      { chart: 'cashIn', reason: 'bronze_financial_txn was not generated' },
      { chart: 'filingsByWeek', reason: 'bronze_compliance was not generated' },
    ]);
  });
});

describe('calendar helpers', () => {
  it('counts partial hours of the window as fractions', () => {
    const monday = toDayNumber(2026, 10, 5) * 86_400_000_000;
    const hours = hoursByWeekday(monday + 10.5 * 3_600_000_000, monday + 12 * 3_600_000_000);
    expect(hours[0][10]).toBe(0.5);
    expect(hours[0][11]).toBe(1);
    expect(hours.flat().reduce((a, b) => a + b, 0)).toBe(1.5);
  });

  it('ISO weeks across New Year (2026-01-01 is a Thursday of 2026-W01; 2027-01-01 a Friday of 2026-W53)', () => {
    expect(isoWeekOf(toDayNumber(2026, 1, 1)).label).toBe('2026-W01');
    expect(isoWeekOf(toDayNumber(2025, 12, 29)).label).toBe('2026-W01');
    expect(isoWeekOf(toDayNumber(2027, 1, 1)).label).toBe('2026-W53');
    expect(isoWeekOf(toDayNumber(2027, 1, 4)).mondayText).toBe('2027-01-04');
  });
});
