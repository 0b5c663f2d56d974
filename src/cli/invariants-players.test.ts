/**
 * SPEC 12 population and activity invariants (I8–I12) and the player-table parts of I3/I4, as SQL
 * over the CLI's Parquet files. Cross-table checks join slots, tables and security to players of
 * the same run. Runs: src/testing/invariant-runs.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvariantDb, window, type InvariantDb } from '../testing/invariant-db';
import { ROW_RUNS, generateRuns } from '../testing/invariant-runs';

let db: InvariantDb;
beforeAll(async () => {
  db = await openInvariantDb(await generateRuns(ROW_RUNS));
});
afterAll(() => db?.close());

/** Carded rows of the activity tables (I9, I10): table, row, player and gaming day. */
const activity = (run: string): string => `
  SELECT 'slots' AS tbl, file_row_number, player_id, gd(event_timestamp) AS gd FROM ${run}_slots WHERE player_id IS NOT NULL
  UNION ALL
  SELECT 'tables', file_row_number, player_id, gd(event_timestamp) FROM ${run}_tables WHERE player_id IS NOT NULL`;

describe('multi-chunk run', () => {
  it('I12 tier mix within ±2 pp of the weights (precondition: ≥ 10,000 players)', async () => {
    const players = await db.num(`SELECT count(*) FROM multi_players`);
    expect(players).toBeGreaterThanOrEqual(10_000);
    const off = `SELECT s.tier, s.weight, coalesce(p.n, 0) / ${players} AS share FROM spec_tiers s
      LEFT JOIN (SELECT loyalty_tier AS tier, count(*) AS n FROM multi_players GROUP BY 1) p USING (tier)
      WHERE abs(coalesce(p.n, 0) / ${players} - s.weight) > 0.02`;
    expect(await db.violations(off)).toEqual([]);
    expect(await db.violations(`SELECT loyalty_tier FROM multi_players WHERE loyalty_tier NOT IN (SELECT tier FROM spec_tiers)`)).toEqual([]);
  });
});

describe.each(ROW_RUNS)('run %s', (run) => {
  it('I3 player_id and loyalty_number are unique', async () => {
    for (const column of ['player_id', 'loyalty_number']) {
      expect(await db.violations(`SELECT ${column}, count(*) AS n FROM ${run}_players GROUP BY 1 HAVING n > 1`), column).toEqual([]);
    }
  });

  it('I4 player ids: P + 6-digit sequence, LC + 9 digits in 100000000..999999999, host_assigned a player host (EMP-00351–00400)', async () => {
    const bad = `SELECT player_id, loyalty_number, host_assigned FROM ${run}_players
      WHERE NOT regexp_full_match(player_id, 'P[0-9]{6,}') OR (length(player_id) > 7 AND player_id[2] = '0')
         OR NOT regexp_full_match(loyalty_number, 'LC[1-9][0-9]{8}')
         OR (host_assigned IS NOT NULL AND host_assigned NOT IN (SELECT employee_id FROM spec_roster WHERE role = 'Player host'))`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I8 every non-null player_id of slots, tables and security exists in players', async () => {
    for (const key of ['slots', 'tables', 'security']) {
      const orphans = `SELECT e.file_row_number, e.player_id FROM ${run}_${key} e
        WHERE e.player_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${run}_players p WHERE p.player_id = e.player_id)`;
      expect(await db.violations(orphans), key).toEqual([]);
    }
  });

  it('I9 carded slot and table rows: player Active, not self-excluded, enrollment_date ≤ gd ≤ last_visit_date', async () => {
    expect(await db.num(`SELECT count(*) FROM (${activity(run)}) WHERE tbl = 'tables'`)).toBeGreaterThan(0);
    const bad = `SELECT a.tbl, a.file_row_number, a.player_id, a.gd, p.account_status, p.self_excluded, p.enrollment_date, p.last_visit_date
      FROM (${activity(run)}) a JOIN ${run}_players p USING (player_id)
      WHERE p.account_status <> 'Active' OR p.self_excluded OR a.gd < p.enrollment_date OR a.gd > p.last_visit_date`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I10 enrollment ≤ last visit ≤ D_end; 1 ≤ total_visits ≤ days enrolled; activity gaming days ≤ total_visits', async () => {
    const { dEnd } = window(run);
    const dates = `SELECT player_id, enrollment_date, last_visit_date, total_visits FROM ${run}_players
      WHERE NOT (enrollment_date <= last_visit_date AND last_visit_date <= ${dEnd})
         OR total_visits < 1 OR total_visits > date_diff('day', enrollment_date, last_visit_date) + 1`;
    expect(await db.violations(dates)).toEqual([]);
    const busy = `SELECT a.player_id, count(DISTINCT a.gd) AS days, any_value(p.total_visits) AS total_visits
      FROM (${activity(run)}) a JOIN ${run}_players p USING (player_id) GROUP BY 1 HAVING days > any_value(p.total_visits)`;
    expect(await db.violations(busy)).toEqual([]);
  });

  it('I11 (city, state, ZIP3) is a tuple of SPEC 3.9, the state one of the 50 states or DC, zip = ZIP3 + 01..30', async () => {
    const bad = `SELECT player_id, city, state, zip_code, country FROM ${run}_players p
      WHERE NOT EXISTS (SELECT 1 FROM spec_geography g WHERE g.city = p.city AND g.state = p.state AND g.zip3 = left(p.zip_code, 3))
         OR state NOT IN (SELECT state FROM spec_states)
         OR NOT regexp_full_match(zip_code, '[0-9]{5}') OR CAST(right(zip_code, 2) AS INTEGER) NOT BETWEEN 1 AND 30
         OR country <> 'USA'`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I12 vip_flag ⇔ Platinum/Diamond; host ⇔ Gold and above; opt-out ⇔ channel None; self_excluded ⇒ Suspended', async () => {
    const bad = `SELECT player_id, loyalty_tier, vip_flag, host_assigned, marketing_opt_in, marketing_channel, self_excluded, account_status
      FROM ${run}_players
      WHERE vip_flag <> (loyalty_tier IN ('Platinum', 'Diamond'))
         OR (host_assigned IS NOT NULL) <> (loyalty_tier IN ('Gold', 'Platinum', 'Diamond'))
         OR (NOT marketing_opt_in) <> (marketing_channel = 'None')
         OR (self_excluded AND account_status <> 'Suspended')`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('3.8 exactly max(1, round(0.01 P)) players are self-excluded', async () => {
    const players = await db.num(`SELECT count(*) FROM ${run}_players`);
    const excluded = await db.num(`SELECT count(*) FROM ${run}_players WHERE self_excluded`);
    expect(excluded).toBe(Math.max(1, Math.round(0.01 * players)));
  });
});
