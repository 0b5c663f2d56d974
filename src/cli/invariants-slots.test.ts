/**
 * SPEC 12 slot invariants (I13–I19) and the slot parts of I3/I4, as SQL over the CLI's Parquet
 * files; the multi-chunk run also carries the distribution checks (I15, I19) and door/power pairs
 * that cross a 65,536-row chunk boundary. Runs: src/testing/invariant-runs.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEAK_HOURS, TROUGH_HOURS, hourProfile, weekendRatio } from '../testing/diurnal';
import { openInvariantDb, window, type InvariantDb } from '../testing/invariant-db';
import { ROW_RUNS, RUNS, generateRuns, type RunName } from '../testing/invariant-runs';
import { SLOT_W2G_THRESHOLD } from '../testing/spec-data';

const CHUNK = 65_536;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';

let db: InvariantDb;
beforeAll(async () => {
  db = await openInvariantDb(await generateRuns(ROW_RUNS));
});
afterAll(() => db?.close());

/** Consecutive rows of one pair kind per machine (time order, then file order), with the next row. */
const pairRows = (run: string, first: string, second: string) => `
  SELECT machine_id, event_type, event_timestamp, file_row_number,
    lag(event_type) OVER w AS previous_type, lead(event_type) OVER w AS next_type,
    lead(event_timestamp) OVER w AS next_timestamp, lead(file_row_number) OVER w AS next_row
  FROM ${run}_slots WHERE event_type IN ('${first}', '${second}')
  WINDOW w AS (PARTITION BY machine_id ORDER BY event_timestamp, file_row_number)`;

/** Pairs (first row, its next row of the machine) that break 4.2: second type, 1–30 min later; a lone first row only in the last 30 min. */
const brokenPairs = (run: RunName, first: string, second: string) => `
  SELECT * FROM (${pairRows(run, first, second)}) WHERE event_type = '${first}' AND (
    (next_type IS NULL AND event_timestamp < ${window(run).end} - INTERVAL 30 MINUTE)
    OR next_type <> '${second}'
    OR NOT (next_timestamp - event_timestamp BETWEEN INTERVAL 1 MINUTE AND INTERVAL 30 MINUTE))`;

describe('multi-chunk run', () => {
  it('I15 hold per machine type within 1 pp of the coin-in-weighted theoretical hold (precondition: ≥ 20,000 GAME_PLAY rows per type)', async () => {
    const holds = await db.all(`SELECT machine_type, count(*) AS plays,
        1 - sum(coin_out) / sum(coin_in) AS realised, sum(theoretical_hold * coin_in) / sum(coin_in) AS theoretical
      FROM multi_slots WHERE event_type = 'GAME_PLAY' GROUP BY 1 ORDER BY 1`);
    expect(holds.map((h) => h.machine_type)).toEqual(['Mechanical Reels', 'Progressive', 'Video Poker', 'Video Slots']);
    for (const h of holds) {
      expect(Number(h.plays), String(h.machine_type)).toBeGreaterThanOrEqual(20_000);
      expect(Math.abs(Number(h.realised) - Number(h.theoretical)), String(h.machine_type)).toBeLessThanOrEqual(0.01);
    }
  });

  it('4.3 hold control: each (chunk, machine_type) group with ≥ 2,000 plays is within ±0.5 pp', async () => {
    // A last chunk under 32,768 rows is controlled together with the chunk before it.
    const rows = RUNS.multi.counts.slots;
    const last = Math.ceil(rows / CHUNK) - 1;
    const merged = rows - last * CHUNK < CHUNK / 2 ? `least(file_row_number // ${CHUNK}, ${last - 1})` : `file_row_number // ${CHUNK}`;
    const groups = await db.all(`SELECT ${merged} AS grp, machine_type, count(*) AS plays,
        1 - sum(coin_out) / sum(coin_in) - sum(theoretical_hold * coin_in) / sum(coin_in) AS deviation
      FROM multi_slots WHERE event_type = 'GAME_PLAY' GROUP BY ALL HAVING plays >= 2000`);
    expect(groups.length).toBeGreaterThanOrEqual(4 * 3);
    expect(groups.filter((g) => Math.abs(Number(g.deviation)) > 0.005 + 1e-9)).toEqual([]);
  });

  it('3.5 slot banks: the machines of a zone, in machine_id order, stand 10 to a bank (precondition: all 500 machines present)', async () => {
    expect(await db.num(`SELECT count(DISTINCT machine_id) FROM multi_slots`)).toBe(500);
    const bad = `SELECT * FROM (SELECT machine_id, zone, location_id,
        (row_number() OVER (PARTITION BY zone ORDER BY machine_id) - 1) // 10 + 1 AS bank
        FROM (SELECT DISTINCT machine_id, zone, location_id FROM multi_slots))
      WHERE CAST(right(location_id, 3) AS INTEGER) <> bank`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('3.2/4.2 a door pair and a power pair cross a chunk boundary, and those pairs keep their pairing rules', async () => {
    for (const [first, second] of [['DOOR_OPEN', 'DOOR_CLOSE'], ['POWER_OFF', 'POWER_ON']]) {
      const crossing = `SELECT * FROM (${pairRows('multi', first, second)})
        WHERE event_type = '${first}' AND next_row // ${CHUNK} <> file_row_number // ${CHUNK}`;
      expect(await db.num(`SELECT count(*) FROM (${crossing})`), first).toBeGreaterThanOrEqual(1);
      const broken = `SELECT * FROM (${crossing}) WHERE next_type <> '${second}'
        OR NOT (next_timestamp - event_timestamp BETWEEN INTERVAL 1 MINUTE AND INTERVAL 30 MINUTE)`;
      expect(await db.violations(broken), first).toEqual([]);
    }
  });
});

describe.each(ROW_RUNS)('run %s', (run) => {
  it('I3/I4 slot ids: UUID v4 event_id, SLOT-0001…0500, AST- + 8 digits one-to-one with machines, LOC-<zone code><bank>', async () => {
    const bad = `SELECT file_row_number, event_id, machine_id, asset_number, location_id, zone FROM ${run}_slots s
      WHERE NOT regexp_full_match(event_id, '${UUID}')
         OR NOT regexp_full_match(machine_id, 'SLOT-[0-9]{4}') OR CAST(substr(machine_id, 6) AS INTEGER) NOT BETWEEN 1 AND 500
         OR NOT regexp_full_match(asset_number, 'AST-[1-9][0-9]{7}')
         OR location_id <> 'LOC-' || (SELECT code FROM spec_slot_zones z WHERE z.zone = s.zone) || right(location_id, 3)
         OR NOT regexp_full_match(location_id, 'LOC-[A-Z]{3}[0-9]{3}')
         OR (player_id IS NOT NULL AND NOT regexp_full_match(player_id, 'P[0-9]{6,}'))`;
    expect(await db.violations(bad)).toEqual([]);
    expect(await db.violations(`SELECT asset_number FROM ${run}_slots GROUP BY 1 HAVING count(DISTINCT machine_id) > 1`)).toEqual([]);
  });

  it('I13 machine attributes are constant per machine_id; each location_id has one zone', async () => {
    const attributes = ['asset_number', 'location_id', 'zone', 'denomination', 'machine_type', 'manufacturer', 'game_theme', 'theoretical_hold'];
    const varying = `SELECT machine_id, ${attributes.map((a) => `count(DISTINCT ${a}) AS ${a}`).join(', ')} FROM ${run}_slots
      GROUP BY 1 HAVING ${attributes.map((a) => `count(DISTINCT ${a}) > 1`).join(' OR ')}`;
    expect(await db.violations(varying)).toEqual([]);
    expect(await db.violations(`SELECT location_id, list(DISTINCT zone) FROM ${run}_slots GROUP BY 1 HAVING count(DISTINCT zone) > 1`)).toEqual([]);
  });

  it('I14 session_id ⇔ player_id; each session_id has one (player_id, machine_id, gaming day)', async () => {
    expect(await db.num(`SELECT count(*) FROM ${run}_slots WHERE player_id IS NOT NULL`)).toBeGreaterThan(0);
    const pairing = `SELECT file_row_number, player_id, session_id FROM ${run}_slots
      WHERE (session_id IS NULL) <> (player_id IS NULL) OR NOT regexp_full_match(session_id, 'SES-[0-9a-f]{16}')`;
    expect(await db.violations(pairing)).toEqual([]);
    const shared = `SELECT session_id, list(DISTINCT player_id) AS players, list(DISTINCT machine_id) AS machines,
        list(DISTINCT gd(event_timestamp)) AS days FROM ${run}_slots WHERE session_id IS NOT NULL GROUP BY 1
      HAVING count(DISTINCT player_id) > 1 OR count(DISTINCT machine_id) > 1 OR count(DISTINCT gd(event_timestamp)) > 1`;
    expect(await db.violations(shared)).toEqual([]);
  });

  it('I16 METER_UPDATE coin_in, coin_out and games_played never decrease per machine in time order', async () => {
    const decreasing = `SELECT * FROM (SELECT machine_id, file_row_number, coin_in, coin_out, games_played,
        lag(coin_in) OVER w AS previous_in, lag(coin_out) OVER w AS previous_out, lag(games_played) OVER w AS previous_games
      FROM ${run}_slots WHERE event_type = 'METER_UPDATE'
      WINDOW w AS (PARTITION BY machine_id ORDER BY event_timestamp, file_row_number))
      WHERE coin_in < previous_in OR coin_out < previous_out OR games_played < previous_games`;
    expect(await db.violations(decreasing)).toEqual([]);
  });

  it(`I17 GAME_PLAY coin_out < ${SLOT_W2G_THRESHOLD}; every JACKPOT ≥ 250 with coin_out = jackpot_amount; W-2G jackpots (≥ ${SLOT_W2G_THRESHOLD}) only with compliance, ≤ 5 % of rows`, async () => {
    expect(await db.num(`SELECT count(*) FROM ${run}_slots WHERE event_type = 'JACKPOT'`)).toBeGreaterThan(0);
    const plays = `SELECT file_row_number, coin_out FROM ${run}_slots WHERE event_type = 'GAME_PLAY' AND NOT (coin_out >= 0 AND coin_out < ${SLOT_W2G_THRESHOLD})`;
    expect(await db.violations(plays)).toEqual([]);
    const jackpots = `SELECT file_row_number, denomination, coin_in, coin_out, jackpot_amount, games_played FROM ${run}_slots
      WHERE event_type = 'JACKPOT' AND NOT (jackpot_amount >= 250 AND coin_out = jackpot_amount AND coin_in > 0 AND games_played = 1)`;
    expect(await db.violations(jackpots)).toEqual([]);
    // 3.10: without compliance nothing reaches a reporting threshold; with it, the W-2G jackpots are the planned ones (I28).
    const w2g = await db.num(`SELECT count(*) FROM ${run}_slots WHERE event_type = 'JACKPOT' AND jackpot_amount >= ${SLOT_W2G_THRESHOLD}`);
    if (!RUNS[run].counts.compliance) expect(w2g).toBe(0);
    expect(w2g).toBeLessThanOrEqual(0.05 * RUNS[run].counts.slots);
  });

  it('4.3 machine-paid jackpots (below the threshold) only on machines with 0.9 × S(denomination) < the threshold (denominations up to 0.25)', async () => {
    const bad = `SELECT file_row_number, machine_id, denomination, jackpot_amount FROM ${run}_slots
      WHERE event_type = 'JACKPOT' AND jackpot_amount < ${SLOT_W2G_THRESHOLD} AND denomination > 0.25`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I18 per machine DOOR_OPEN/DOOR_CLOSE and POWER_OFF/POWER_ON alternate, starting with the first kind, 1–30 min apart', async () => {
    for (const [first, second] of [['DOOR_OPEN', 'DOOR_CLOSE'], ['POWER_OFF', 'POWER_ON']]) {
      expect(await db.num(`SELECT count(*) FROM ${run}_slots WHERE event_type = '${first}'`), first).toBeGreaterThan(0);
      const alternation = `SELECT * FROM (${pairRows(run, first, second)})
        WHERE (previous_type IS NULL AND event_type <> '${first}') OR event_type = previous_type`;
      expect(await db.violations(alternation), first).toEqual([]);
      expect(await db.violations(brokenPairs(run, first, second)), first).toEqual([]);
    }
  });

  it('4.1–4.3 payload columns follow the event type', async () => {
    const bad = `SELECT file_row_number, event_type, coin_in, coin_out, jackpot_amount, games_played, actual_hold, player_id, error_code, error_message
      FROM ${run}_slots s WHERE
        (jackpot_amount IS NOT NULL) <> (event_type = 'JACKPOT')
        OR (actual_hold IS NOT NULL) <> (event_type = 'METER_UPDATE')
        OR (games_played IS NOT NULL) <> (event_type IN ('GAME_PLAY', 'JACKPOT', 'METER_UPDATE'))
        OR (event_type = 'GAME_PLAY' AND NOT (games_played = 1 AND coin_in > 0 AND abs(coin_in / denomination - round(coin_in / denomination)) < 1e-6))
        OR (event_type = 'METER_UPDATE' AND abs(actual_hold - round(1 - coin_out / coin_in, 4)) > 0.00005 + 1e-9)
        OR (event_type = 'BILL_IN' AND (coin_in NOT IN (1, 5, 10, 20, 50, 100) OR coin_out IS NOT NULL))
        OR (event_type = 'TICKET_OUT' AND (coin_out NOT BETWEEN 5 AND 1000 OR coin_in IS NOT NULL))
        OR (event_type IN ('DOOR_OPEN', 'DOOR_CLOSE', 'POWER_OFF', 'POWER_ON', 'TILT') AND (coin_in IS NOT NULL OR coin_out IS NOT NULL))
        OR (error_code IS NOT NULL) <> (event_type IN ('TILT', 'POWER_OFF'))
        OR (error_code IS NOT NULL AND (error_code, error_message) NOT IN (SELECT (error_code, error_message) FROM spec_error_codes))
        OR (player_id IS NOT NULL AND event_type IN ('METER_UPDATE', 'DOOR_OPEN', 'DOOR_CLOSE', 'POWER_OFF', 'POWER_ON', 'TILT'))
        OR round(coin_in, 2) <> coin_in OR round(coin_out, 2) <> coin_out OR round(jackpot_amount, 2) <> jackpot_amount`;
    expect(await db.violations(bad)).toEqual([]);
  });
});

describe.each(['multi', 'long'] as const)('run %s (≥ 14 days)', (run) => {
  it('I19 slots: busiest hour ≥ 2.5 × quietest, busiest in 20–01, quietest in 04–08; Fri/Sat ≥ 1.2 × Mon–Thu (precondition: ≥ 10,000 rows, ≥ 14 days)', async () => {
    const p = await hourProfile(db, run, 'slots');
    expect(p.rows).toBeGreaterThanOrEqual(10_000);
    expect(p.days).toBeGreaterThanOrEqual(14);
    expect(p.ratio).toBeGreaterThanOrEqual(2.5);
    expect(PEAK_HOURS, 'busiest hour').toContain(p.busiestHour);
    expect(TROUGH_HOURS, 'quietest hour').toContain(p.quietestHour);
    expect(await weekendRatio(db, run, 'slots')).toBeGreaterThanOrEqual(1.2);
  });
});

describe.each(['small1', 'small42', 'smallMax'] as const)('small run %s', (run) => {
  it('I19 slots: busiest hour ≥ 2.5 × quietest, busiest in 20–01, quietest in 04–08 (precondition: ≥ 10,000 rows over ≥ 7 days)', async () => {
    const p = await hourProfile(db, run, 'slots');
    expect(p.rows).toBeGreaterThanOrEqual(10_000);
    expect(p.days).toBeGreaterThanOrEqual(7);
    expect(p.ratio).toBeGreaterThanOrEqual(2.5);
    expect(PEAK_HOURS).toContain(p.busiestHour);
    expect(TROUGH_HOURS).toContain(p.quietestHour);
  });
});
