/**
 * SPEC 12 table-game invariants (I19–I23) and the table parts of I4, as SQL over the CLI's Parquet
 * files; the multi-chunk run also carries a rating and a pit marker whose two rows lie in
 * different 65,536-row chunks, and the 75-day run the marker payment rate. Runs:
 * src/testing/invariant-runs.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEAK_HOURS, TROUGH_HOURS, hourProfile, weekendRatio } from '../testing/diurnal';
import { openInvariantDb, window, type InvariantDb } from '../testing/invariant-db';
import { ROW_RUNS, generateRuns, type RunName } from '../testing/invariant-runs';

const CHUNK = 65_536;

let db: InvariantDb;
beforeAll(async () => {
  db = await openInvariantDb(await generateRuns(ROW_RUNS));
});
afterAll(() => db?.close());

/** Each rating's START joined to its END (if any), with the table's house edge. */
const ratings = (run: RunName) => `
  SELECT s.player_rating_id, s.file_row_number AS start_row, e.file_row_number AS end_row,
    s.event_timestamp AS started, e.event_timestamp AS ended, s.player_id AS start_player, e.player_id AS end_player,
    s.table_id AS start_table, e.table_id AS end_table, e.hours_played, e.hands_played, e.average_bet,
    e.theoretical_win, e.actual_win_loss, h.house_edge
  FROM ${run}_tables s
  LEFT JOIN ${run}_tables e ON e.player_rating_id = s.player_rating_id AND e.event_type = 'RATING_END'
  LEFT JOIN spec_house_edge h ON h.game_type = s.game_type
  WHERE s.event_type = 'RATING_START'`;

/** 5.2 rating rules broken by an END: later, same player and table, hours and theo consistent, before the cut-off. */
const brokenRatings = (run: RunName) => `SELECT * FROM (${ratings(run)}) WHERE end_row IS NOT NULL AND (
  ended <= started OR end_player IS DISTINCT FROM start_player OR end_table <> start_table
  OR abs(hours_played - epoch(ended - started) / 3600) > 0.05 + 1e-9
  OR abs(theoretical_win - round(average_bet * hands_played * house_edge, 2)) > 0.01 + 1e-9
  OR ended - started > INTERVAL 6 HOUR OR gd(ended) <> gd(started))`;

/** Each pit marker's issue joined to its payment (if any). */
const markers = (run: RunName) => `
  SELECT i.marker_number, i.file_row_number AS issue_row, p.file_row_number AS paid_row, i.event_timestamp AS issued,
    p.event_timestamp AS paid, i.player_id AS issue_player, p.player_id AS paid_player, i.amount AS issue_amount,
    p.amount AS paid_amount, i.table_id AS issue_table, p.table_id AS paid_table
  FROM ${run}_tables i LEFT JOIN ${run}_tables p ON p.marker_number = i.marker_number AND p.event_type = 'MARKER_PAID'
  WHERE i.event_type = 'MARKER_ISSUED'`;

/** 5.2 / I23 marker rules broken by a payment: later, same player, amount and table, within 30 days of the issue day. */
const brokenMarkers = (run: RunName) => `SELECT * FROM (${markers(run)}) WHERE paid_row IS NOT NULL AND (
  paid <= issued OR paid_player IS DISTINCT FROM issue_player OR paid_amount <> issue_amount OR paid_table <> issue_table
  OR gd(paid) > gd(issued) + 30)`;

describe.each(['multi', 'long'] as const)('run %s (≥ 14 days)', (run) => {
  it('I19 tables: busiest hour ≥ 2.5 × quietest, busiest in 20–01, quietest in 04–08; Fri/Sat ≥ 1.2 × Mon–Thu (precondition: ≥ 10,000 rows, ≥ 14 days)', async () => {
    const p = await hourProfile(db, run, 'tables');
    expect(p.rows).toBeGreaterThanOrEqual(10_000);
    expect(p.days).toBeGreaterThanOrEqual(14);
    expect(p.ratio).toBeGreaterThanOrEqual(2.5);
    expect(PEAK_HOURS, 'busiest hour').toContain(p.busiestHour);
    expect(TROUGH_HOURS, 'quietest hour').toContain(p.quietestHour);
    expect(await weekendRatio(db, run, 'tables')).toBeGreaterThanOrEqual(1.2);
  });

  it('I22 |Σactual_win_loss − Σtheoretical_win| ≤ 2 % of Σtheoretical_win (precondition: ≥ 1,000 RATING_END rows)', async () => {
    const [r] = await db.all(`SELECT count(*) AS n, sum(actual_win_loss) AS actual, sum(theoretical_win) AS theo
      FROM ${run}_tables WHERE event_type = 'RATING_END'`);
    expect(Number(r.n)).toBeGreaterThanOrEqual(1_000);
    expect(Number(r.theo)).toBeGreaterThan(0);
    expect(Math.abs(Number(r.actual) - Number(r.theo))).toBeLessThanOrEqual(0.02 * Number(r.theo));
  });
});

describe('multi-chunk run', () => {
  it('3.2/5.2 a rating and a pit marker cross a chunk boundary, and those units keep their pairing rules', async () => {
    const crossingRatings = `SELECT * FROM (${ratings('multi')}) WHERE end_row // ${CHUNK} <> start_row // ${CHUNK}`;
    expect(await db.num(`SELECT count(*) FROM (${crossingRatings})`)).toBeGreaterThanOrEqual(1);
    expect(await db.violations(`SELECT * FROM (${brokenRatings('multi')}) WHERE end_row // ${CHUNK} <> start_row // ${CHUNK}`)).toEqual([]);
    const crossingMarkers = `SELECT * FROM (${markers('multi')}) WHERE paid_row // ${CHUNK} <> issue_row // ${CHUNK}`;
    expect(await db.num(`SELECT count(*) FROM (${crossingMarkers})`)).toBeGreaterThanOrEqual(1);
    expect(await db.violations(`SELECT * FROM (${brokenMarkers('multi')}) WHERE paid_row // ${CHUNK} <> issue_row // ${CHUNK}`)).toEqual([]);
  });
});

describe('75-day run', () => {
  it('I23 ≥ 80 % of pit markers issued ≥ 30 days before end are paid (precondition: ≥ 50 such markers; no SAR exists)', async () => {
    const { end } = window('long');
    const [r] = await db.all(`SELECT count(*) AS issued, count(paid_row) AS paid FROM (${markers('long')})
      WHERE issued <= ${end} - INTERVAL 30 DAY`);
    expect(Number(r.issued)).toBeGreaterThanOrEqual(50);
    expect(Number(r.paid) / Number(r.issued)).toBeGreaterThanOrEqual(0.8);
  });
});

describe.each(ROW_RUNS)('run %s', (run) => {
  it('I4 table ids: TBL-<zone code>-nnn, table_number 1–100, dealers EMP-00001–00150, RAT- + 8 hex, MKR-P/FIL-/CRD- + 1-based row', async () => {
    const bad = `SELECT file_row_number, event_type, table_id, zone, table_number, dealer_id, player_rating_id, marker_number, fill_slip_number
      FROM ${run}_tables t WHERE
        table_id <> 'TBL-' || (SELECT code FROM spec_pit_zones z WHERE z.zone = t.zone) || '-' || right(table_id, 3)
        OR NOT regexp_full_match(table_id, 'TBL-[A-Z]{2}-[0-9]{3}') OR table_number NOT BETWEEN 1 AND 100
        OR dealer_id NOT IN (SELECT employee_id FROM spec_roster WHERE role = 'Dealer')
        OR NOT regexp_full_match(player_rating_id, 'RAT-[0-9A-F]{8}')
        OR (event_type = 'MARKER_ISSUED' AND marker_number <> 'MKR-P' || seqno(file_row_number + 1, 6))
        OR NOT regexp_full_match(marker_number, 'MKR-P[0-9]{6,}')
        OR (event_type = 'FILL' AND fill_slip_number IS DISTINCT FROM 'FIL-' || seqno(file_row_number + 1, 6))
        OR (event_type = 'CREDIT' AND fill_slip_number IS DISTINCT FROM 'CRD-' || seqno(file_row_number + 1, 6))
        OR (player_id IS NOT NULL AND NOT regexp_full_match(player_id, 'P[0-9]{6,}'))`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I20 table attributes constant per table_id; Poker ⇒ Poker Room, Baccarat ⇒ Asian Gaming/High Limit/VIP Salon, Pai Gow ⇒ Asian Gaming/Main Pit, Craps ⇒ Main Pit/High Limit', async () => {
    const attributes = ['game_type', 'table_number', 'zone', 'min_bet', 'max_bet'];
    const varying = `SELECT table_id FROM ${run}_tables GROUP BY 1 HAVING ${attributes.map((a) => `count(DISTINCT ${a}) > 1`).join(' OR ')}`;
    expect(await db.violations(varying)).toEqual([]);
    expect(await db.violations(`SELECT table_number FROM ${run}_tables GROUP BY 1 HAVING count(DISTINCT table_id) > 1`)).toEqual([]);
    const misplaced = `SELECT DISTINCT table_id, game_type, zone FROM ${run}_tables WHERE
      (game_type = 'Poker' AND zone <> 'Poker Room')
      OR (game_type = 'Baccarat' AND zone NOT IN ('Asian Gaming', 'High Limit', 'VIP Salon'))
      OR (game_type = 'Pai Gow' AND zone NOT IN ('Asian Gaming', 'Main Pit'))
      OR (game_type = 'Craps' AND zone NOT IN ('Main Pit', 'High Limit'))`;
    expect(await db.violations(misplaced)).toEqual([]);
  });

  it('3.7 one dealer per (table, gaming day, shift); shift follows the UTC hour', async () => {
    expect(await db.violations(`SELECT file_row_number, event_timestamp, shift FROM ${run}_tables WHERE shift <> shift_of(event_timestamp)`)).toEqual([]);
    const dealers = `SELECT table_id, gd(event_timestamp) AS gd, shift, list(DISTINCT dealer_id) AS dealers FROM ${run}_tables
      GROUP BY ALL HAVING count(DISTINCT dealer_id) > 1`;
    expect(await db.violations(dealers)).toEqual([]);
  });

  it('I21 one RATING_START and at most one RATING_END per player_rating_id; END later, same player and table, hours and theo consistent', async () => {
    expect(await db.num(`SELECT count(*) FROM ${run}_tables WHERE event_type = 'RATING_END'`)).toBeGreaterThan(0);
    const counts = `SELECT player_rating_id, count(*) FILTER (WHERE event_type = 'RATING_START') AS starts,
        count(*) FILTER (WHERE event_type = 'RATING_END') AS ends
      FROM ${run}_tables WHERE player_rating_id IS NOT NULL GROUP BY 1 HAVING starts <> 1 OR ends > 1`;
    expect(await db.violations(counts)).toEqual([]);
    expect(await db.violations(brokenRatings(run))).toEqual([]);
  });

  it('I23 one issue and at most one later payment per pit marker, same player, amount and table; marker players Gold or above', async () => {
    expect(await db.num(`SELECT count(*) FROM ${run}_tables WHERE event_type = 'MARKER_PAID'`)).toBeGreaterThan(0);
    const counts = `SELECT marker_number, count(*) FILTER (WHERE event_type = 'MARKER_ISSUED') AS issues,
        count(*) FILTER (WHERE event_type = 'MARKER_PAID') AS payments
      FROM ${run}_tables WHERE marker_number IS NOT NULL GROUP BY 1 HAVING issues <> 1 OR payments > 1`;
    expect(await db.violations(counts)).toEqual([]);
    expect(await db.violations(brokenMarkers(run))).toEqual([]);
    const tiers = `SELECT t.file_row_number, t.marker_number, t.player_id, p.loyalty_tier FROM ${run}_tables t
      LEFT JOIN ${run}_players p USING (player_id)
      WHERE t.event_type IN ('MARKER_ISSUED', 'MARKER_PAID') AND p.loyalty_tier IS DISTINCT FROM 'Gold'
        AND p.loyalty_tier IS DISTINCT FROM 'Platinum' AND p.loyalty_tier IS DISTINCT FROM 'Diamond'`;
    expect(await db.violations(tiers)).toEqual([]);
  });

  it('5.1–5.2 payload columns follow the event type', async () => {
    const ratingEnd = ['average_bet', 'hands_played', 'hours_played', 'theoretical_win', 'actual_win_loss'];
    const bad = `SELECT file_row_number, event_type, player_id, amount, chip_denomination, drop_amount, min_bet, max_bet FROM ${run}_tables WHERE
        (player_rating_id IS NOT NULL) <> (event_type IN ('RATING_START', 'RATING_END'))
        OR (marker_number IS NOT NULL) <> (event_type IN ('MARKER_ISSUED', 'MARKER_PAID'))
        OR (fill_slip_number IS NOT NULL) <> (event_type IN ('FILL', 'CREDIT'))
        OR (drop_amount IS NOT NULL) <> (event_type = 'SHIFT_END')
        OR ${ratingEnd.map((c) => `(${c} IS NOT NULL) <> (event_type = 'RATING_END')`).join(' OR ')}
        OR (player_id IS NULL AND event_type IN ('RATING_START', 'RATING_END', 'MARKER_ISSUED', 'MARKER_PAID'))
        OR (player_id IS NOT NULL AND event_type IN ('FILL', 'CREDIT', 'SHIFT_START', 'SHIFT_END'))
        OR (event_type = 'RATING_START' AND (amount IS NOT NULL OR chip_denomination IS NOT NULL))
        OR (chip_denomination IS NOT NULL AND event_type NOT IN ('BUY_IN', 'CASH_OUT', 'FILL', 'CREDIT'))
        OR (event_type IN ('BUY_IN', 'CASH_OUT') AND (chip_denomination NOT IN (1, 5, 25, 100, 500, 1000)
            OR amount % (CASE WHEN min_bet >= 100 THEN 100 ELSE 5 END) <> 0))
        OR (event_type IN ('FILL', 'CREDIT') AND (chip_denomination NOT IN (25, 100, 500, 1000)
            OR amount NOT IN (1000, 2500, 5000, 10000, 25000, 50000, 100000) OR amount > greatest(5000, 5 * max_bet)))
        OR (event_type IN ('MARKER_ISSUED', 'MARKER_PAID') AND (amount NOT IN (1000, 2500, 5000, 10000, 25000, 50000, 100000)
            OR amount > greatest(1000, 2 * max_bet)))
        OR (event_type = 'SHIFT_END' AND drop_amount % (CASE WHEN zone IN ('High Limit', 'VIP Salon') THEN 3 ELSE 1 END) <> 0)
        OR (event_type = 'RATING_END' AND (average_bet <> round(average_bet) OR hours_played <> round(hours_played, 1)))
        OR round(amount, 2) <> amount OR round(theoretical_win, 2) <> theoretical_win OR round(actual_win_loss, 2) <> actual_win_loss`;
    expect(await db.violations(bad)).toEqual([]);
  });
});
