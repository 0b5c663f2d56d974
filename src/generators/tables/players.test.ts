/** bronze_player_profile (SPEC 6, 11, 12): assertions are queries over the produced rows. */
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkGroups } from '../chunks';
import { readString, type ColumnBatch, type ColumnData } from '../columns';
import { CITIES } from '../data/geography';
import { TIERS, TIER_WEIGHTS } from '../data/population';
import { createWorld } from '../engine';
import { round } from '../rng';
import { SCHEMAS } from '../schema';
import type { Scenario } from '../scenario/types';
import { CHUNK_ROWS } from '../tables';
import { addYears } from '../time/civil';
import { DAY_US } from '../time/units';
import { identity } from '../world/population';
import type { World } from '../world';
import { generatePlayerGroup } from './players';
import { columnBytes } from '../../testing/column-bytes';

type Value = string | number | boolean | null;
type Row = Record<string, Value>;

const P = 12_000;
const START = Date.UTC(2025, 0, 1) * 1000;
const DAYS = 30;
const SCHEMA = SCHEMAS.players;
const NAMES = SCHEMA.columns.map((c) => c.name);
const PRESENTED = ['first_name', 'last_name', 'email', 'phone', 'address'];
const STATES_AND_DC = new Set(
  ('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
    'RI SC SD TN TX UT VT VA WA WV WI WY DC').split(' '),
);

function scenario(pii: Scenario['pii'], players = P): Scenario {
  return {
    spec_version: 1, seed: 11, start: START, end: START + DAYS * DAY_US, as_of: START + DAYS * DAY_US,
    counts: { slots: null, tables: null, players, financial: null, security: null, compliance: null },
    pii, pii_key: 'seed', format: 'parquet', compression: 'snappy', jurisdiction: 'US-2025', bundle: 'files',
  };
}

function generateAll(world: World): ColumnBatch[] {
  return chunkGroups(world.scenario.counts.players ?? 0).flatMap(([first, count]) => generatePlayerGroup(world, first, count));
}

function value(c: ColumnData, i: number): Value {
  if (c.type === 'string') return readString(c, i);
  if (c.valid && c.valid[i] === 0) return null;
  return c.type === 'bool' ? c.values[i] === 1 : c.values[i];
}

function toRows(batches: ColumnBatch[]): Row[] {
  const rows: Row[] = [];
  for (const b of batches) {
    for (let i = 0; i < b.length; i++) {
      const row: Row = {};
      b.columns.forEach((c, j) => (row[NAMES[j]] = value(c, i)));
      rows.push(row);
    }
  }
  return rows;
}

/** Names of the columns whose bytes differ between two runs of the same chunks. */
function differingColumns(a: ColumnBatch[], b: ColumnBatch[], skip: readonly string[] = []): string[] {
  const names = new Set<string>();
  a.forEach((batch, k) =>
    batch.columns.forEach((c, j) => {
      const [x, y] = [columnBytes(c), columnBytes(b[k].columns[j])];
      if (!skip.includes(NAMES[j]) && x.some((part, q) => !part.equals(y[q]))) names.add(NAMES[j]);
    }),
  );
  return [...names];
}

const count = (rows: Row[], pred: (r: Row) => boolean): number => rows.reduce((n, r) => n + (pred(r) ? 1 : 0), 0);

/** player_ids of the first rows (at most 5) that break a rule: one assertion per rule, not per row. */
function failing(rows: Row[], rule: (r: Row, i: number) => boolean): Value[] {
  const bad: Value[] = [];
  for (let i = 0; i < rows.length && bad.length < 5; i++) if (!rule(rows[i], i)) bad.push(rows[i].player_id);
  return bad;
}

let world: World;
let batches: ColumnBatch[];
let rows: Row[];

beforeAll(() => {
  world = createWorld(scenario('masked'));
  batches = generateAll(world);
  rows = toRows(batches);
});

describe('bronze_player_profile structure', () => {
  it('I1 has exactly the requested rows', () => {
    expect(rows.length).toBe(P);
    expect(batches.map((b) => b.length)).toEqual([P]);
  });

  it('I2 columns are the canonical list with the stated types and nullability', () => {
    for (const b of batches) {
      expect(b.columns.length).toBe(SCHEMA.columns.length);
      b.columns.forEach((c, j) => {
        expect(c.type, SCHEMA.columns[j].name).toBe(SCHEMA.columns[j].type);
        if (!SCHEMA.columns[j].nullable) expect(c.valid === null || c.valid.every((v) => v === 1), SCHEMA.columns[j].name).toBe(true);
      });
    }
  });

  it('I3 I4 I6 player_id and loyalty_number are unique, formatted, in sequence order', () => {
    rows.forEach((r, i) => expect(r.player_id).toBe(`P${String(i + 1).padStart(6, '0')}`));
    expect(new Set(rows.map((r) => r.player_id)).size).toBe(P);
    expect(rows.every((r) => /^LC[1-9][0-9]{8}$/.test(r.loyalty_number as string))).toBe(true);
    expect(new Set(rows.map((r) => r.loyalty_number)).size).toBe(P);
  });

  it('I7 metadata columns: as_of, PlayerGenerator, one 8-hex batch id per chunk', () => {
    expect(rows.every((r) => r._ingested_at === world.scenario.as_of && r._source === 'PlayerGenerator')).toBe(true);
    expect(new Set(rows.map((r) => r._batch_id)).size).toBe(1);
    expect(rows[0]._batch_id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('chunk k holds players k·65,536 + 1 … and grouping does not change the bytes', () => {
    const big = createWorld(scenario('masked', CHUNK_ROWS + 4_464));
    const together = generatePlayerGroup(big, 0, 2);
    const apart = [...generatePlayerGroup(big, 0, 1), ...generatePlayerGroup(big, 1, 1)];
    expect(together.map((b) => b.length)).toEqual([CHUNK_ROWS, 4_464]);
    const second = toRows([together[1]]);
    expect(second[0].player_id).toBe('P065537');
    expect(second[second.length - 1].player_id).toBe('P070000');
    expect(toRows([together[0]])[0]._batch_id).not.toBe(second[0]._batch_id);
    expect(differingColumns(together, apart)).toEqual([]);
  });
});

describe('bronze_player_profile population (SPEC 3.8, 6, 12)', () => {
  it('I10 enrollment_date ≤ last_visit_date ≤ D_end and 1 ≤ total_visits ≤ the days between', () => {
    expect(failing(rows, (r) => {
      const [enrolled, last, visits] = [r.enrollment_date as number, r.last_visit_date as number, r.total_visits as number];
      return enrolled <= last && last <= world.dEnd && visits >= 1 && visits <= last - enrolled + 1;
    })).toEqual([]);
  });

  it('6.2 last_visit_date and total_visits follow the visit calendar', () => {
    const { visitCount, lastVisitDay } = world.calendar;
    expect(failing(rows, (r, i) => {
      const [enrolled, last] = [r.enrollment_date as number, r.last_visit_date as number];
      const v = visitCount[i];
      const lastOk = v > 0 ? last === lastVisitDay[i] : last <= Math.max(enrolled, world.dStart - 1);
      const before = round(world.population.visitProbability[i] * Math.max(0, world.dStart - enrolled));
      return lastOk && r.total_visits === Math.min(Math.max(1, v + before), last - enrolled + 1) && (r.total_visits as number) >= v;
    })).toEqual([]);
  });

  it('I11 (city, state, zip3) is a tuple of 3.9 and the state is one of the 50 states or DC', () => {
    const tuples = new Set(CITIES.map(([city, state, zip3]) => `${city}|${state}|${zip3}`));
    expect(failing(rows, (r) =>
      tuples.has(`${r.city}|${r.state}|${(r.zip_code as string).slice(0, 3)}`) && STATES_AND_DC.has(r.state as string) &&
      /^[0-9]{5}$/.test(r.zip_code as string) && r.country === 'USA',
    )).toEqual([]);
  });

  it('I12 tier mix, vip_flag, host_assigned, marketing and self-exclusion rules', () => {
    TIERS.forEach((t, j) => expect(Math.abs(count(rows, (r) => r.loyalty_tier === t) / P - TIER_WEIGHTS[j])).toBeLessThanOrEqual(0.02));
    const hosts = new Set(Array.from({ length: 50 }, (_, j) => `EMP-${String(351 + j).padStart(5, '0')}`));
    expect(failing(rows, (r) => {
      const tier = r.loyalty_tier as string;
      const hosted = tier === 'Gold' || tier === 'Platinum' || tier === 'Diamond';
      return r.vip_flag === (tier === 'Platinum' || tier === 'Diamond') &&
        (hosted ? hosts.has(r.host_assigned as string) : r.host_assigned === null) &&
        (r.marketing_opt_in === false) === (r.marketing_channel === 'None') &&
        (!r.self_excluded || r.account_status === 'Suspended');
    })).toEqual([]);
    expect(count(rows, (r) => r.self_excluded === true)).toBe(Math.max(1, Math.round(0.01 * P)));
  });

  it('6.1 vocabularies and the opt-in rate', () => {
    const games = ['Video Slots', 'Blackjack', 'Craps', 'Roulette', 'Poker', 'Baccarat', 'Video Poker'];
    expect(new Set(rows.map((r) => r.preferred_game))).toEqual(new Set(games));
    expect(new Set(rows.map((r) => r.communication_preference))).toEqual(new Set(['Email', 'SMS', 'Mail', 'Phone', 'None']));
    expect(new Set(rows.map((r) => r.marketing_channel))).toEqual(new Set(['Email', 'Direct Mail', 'SMS', 'App Push', 'None']));
    expect(new Set(rows.map((r) => r.account_status))).toEqual(new Set(['Active', 'Inactive', 'Suspended', 'Closed']));
    expect(Math.abs(count(rows, (r) => r.marketing_opt_in === true) / P - 0.7)).toBeLessThan(0.02);
  });

  it('6.1 points, tier credits and money columns (exact cents, average_daily_theo)', () => {
    const points = [1_000, 5_000, 25_000, 100_000, 500_000];
    const theo = [500, 2_500, 15_000, 75_000, 500_000];
    expect(failing(rows, (r) => {
      const t = TIERS.indexOf(r.loyalty_tier as (typeof TIERS)[number]);
      const [balance, lifetime] = [r.points_balance as number, r.lifetime_points as number];
      const [total, win, avg] = [r.total_theo as number, r.total_actual_win_loss as number, r.average_daily_theo as number];
      return Number.isInteger(balance) && balance >= Math.floor(0.1 * points[t]) && balance < 2 * points[t] &&
        Number.isInteger(lifetime) && lifetime >= Math.floor(balance * 3) && lifetime <= balance * 20 &&
        r.tier_credits === Math.floor(lifetime * 0.1) &&
        [total, win, avg].every((m) => round(m, 2) === m) &&
        total >= 0.5 * theo[t] && total <= 2 * theo[t] &&
        win >= round(-0.25 * total, 2) && win <= round(2.25 * total, 2) &&
        avg === round(total / (r.total_visits as number), 2);
    })).toEqual([]);
    const sum = (name: string): number => rows.reduce((s, r) => s + (r[name] as number), 0);
    expect(Math.abs(sum('total_actual_win_loss') / sum('total_theo') - 1)).toBeLessThan(0.15);
  });

  it('6.1 date_of_birth gives an age of 21 to 85 on D_start', () => {
    const [lo, hi] = [addYears(world.dStart, -85) + 1, addYears(world.dStart, -21)];
    expect(failing(rows, (r) => (r.date_of_birth as number) >= lo && (r.date_of_birth as number) <= hi)).toEqual([]);
  });

  it('6.2 exactly 2 % have no TIN: ssn_hash and ssn_masked null together, formatted otherwise', () => {
    expect(count(rows, (r) => r.ssn_hash === null)).toBe(Math.round(0.02 * P));
    expect(failing(rows, (r) => r.ssn_hash === null
      ? r.ssn_masked === null
      : /^[0-9a-f]{64}$/.test(r.ssn_hash as string) && /^XXX-XX-[0-9]{4}$/.test(r.ssn_masked as string),
    )).toEqual([]);
  });

  it('11.3 SSNs are in area 900–999, group 01–49, serial 0001–9999, and ssn_hash tokenises them', () => {
    const pop = world.population;
    expect(failing(rows, (r, i) => {
      const m = /^(\d{3})-(\d{2})-(\d{4})$/.exec(identity.ssnText(pop, i));
      if (!m) return false;
      const [area, group, serial] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const fictional = area >= 900 && area <= 999 && group >= 1 && group <= 49 && serial >= 1;
      return fictional && (r.ssn_hash === null || (r.ssn_hash === world.token('ssn', m[0]) && r.ssn_masked === `XXX-XX-${m[3]}`));
    })).toEqual([]);
  });

  it('is deterministic: the same scenario gives the same bytes', () => {
    const again = generateAll(createWorld(scenario('masked')));
    expect(again.map((b) => b.length)).toEqual(batches.map((b) => b.length));
    expect(differingColumns(batches, again)).toEqual([]);
  });
});

describe('PII presentation (SPEC 11, I39, I40)', () => {
  let rawBatches: ColumnBatch[];
  let rawRows: Row[];

  beforeAll(() => {
    rawBatches = generateAll(createWorld(scenario('raw')));
    rawRows = toRows(rawBatches);
  });

  it('I39 masked values match their patterns', () => {
    expect(failing(rows, (r) =>
      /^[A-Z]\*\*\*$/.test(r.first_name as string) && /^[A-Z]\*\*\*$/.test(r.last_name as string) &&
      /^[0-9a-f]{16}@masked\.com$/.test(r.email as string) && /^\*\*\*-\*\*\*-01[0-9]{2}$/.test(r.phone as string) &&
      /^[0-9a-f]{64}$/.test(r.address as string),
    )).toEqual([]);
  });

  it('I39 no masked value equals a raw email, SSN, name, phone or street line, or contains a raw full name or email', () => {
    const pop = world.population;
    const forbidden = new Set<string>();
    const fullNames = new Set<string>();
    for (let i = 0; i < pop.size; i++) {
      for (const f of [identity.email, identity.ssnText, identity.firstName, identity.lastName, identity.phone, identity.streetLine]) {
        forbidden.add(f(pop, i));
      }
      fullNames.add(identity.fullName(pop, i));
    }
    // Every capitalised word pair, with each prefix of the second word: a contained `First Last` is one of them.
    const pair = /(?=([A-Z][a-z]+) ([A-Z][a-z]+))/g;
    const containsName = (v: string): boolean => {
      for (const m of v.matchAll(pair)) {
        for (let len = 2; len <= m[2].length; len++) if (fullNames.has(`${m[1]} ${m[2].slice(0, len)}`)) return true;
      }
      return false;
    };
    const leaks: string[] = [];
    for (const r of rows) {
      for (const v of Object.values(r)) {
        if (typeof v === 'string' && (forbidden.has(v) || v.includes('@example.') || containsName(v))) leaks.push(v);
      }
    }
    expect(leaks.slice(0, 5)).toEqual([]);
  });

  it('11.1 masked values present the raw ones: initials, email and address tokens, last 4 phone digits', () => {
    expect(failing(rows, (m, i) => {
      const r = rawRows[i];
      return m.first_name === `${(r.first_name as string)[0]}***` && m.last_name === `${(r.last_name as string)[0]}***` &&
        m.email === `${world.token('email', r.email as string).slice(0, 16)}@masked.com` &&
        m.phone === `***-***-${(r.phone as string).slice(-4)}` &&
        m.address === world.token('address', `${r.address}, ${r.city}, ${r.state} ${r.zip_code}`);
    })).toEqual([]);
  });

  it('I40 raw emails use example domains, phones are NNN-555-01NN, names and streets come from the pools', () => {
    expect(failing(rawRows, (r) =>
      /^[a-z]+\.[a-z]+[0-9]{2}@example\.(com|net|org)$/.test(r.email as string) &&
      (r.email as string).startsWith(`${r.first_name}.${r.last_name}`.toLowerCase()) &&
      /^[0-9]{3}-555-01[0-9]{2}$/.test(r.phone as string) &&
      /^[A-Z][a-z]+$/.test(r.first_name as string) && /^[A-Z][a-z]+$/.test(r.last_name as string) &&
      /^[0-9]{3,4} [A-Z][a-z]+( [A-Z][a-z]+)*( Apt [0-9]{1,3})?$/.test(r.address as string),
    )).toEqual([]);
  });

  it('I40 raw and masked batches differ only in the five presented columns', () => {
    expect(rawBatches.map((b) => b.length)).toEqual(batches.map((b) => b.length));
    expect(differingColumns(batches, rawBatches, PRESENTED)).toEqual([]);
    expect(differingColumns(batches, rawBatches)).toEqual(PRESENTED);
  });
});
