/**
 * SPEC 12 invariants of bronze_compliance (SPEC 9, 10) and the compliance links I28–I38, as SQL
 * across each run's slots, tables, players, financial and compliance files (COMPLIANCE_RUNS: the
 * `small` preset over five seeds, `small` under US-2026, the `legacy` preset over five seeds):
 * I1/I2 (rows, columns) and the 3.10 filing mix, I3 (filing_id, fincen_reference, irs_reference
 * unique), I4 (id formats and ranks), I5, I6, I7, I8/I9, I28 (W-2G ↔ jackpot), I29 (W-2G ↔ payout),
 * I30 (reportability 10.1, withholding 10.3), I31 (CTR ↔ cash, the SPEC query), I32 (financial CTR
 * flags), I33 (structuring), I34 (SAR sources), I35 (no dangling source_ids), I36 (deadlines and
 * status), I37 (null rules, report_* = filing_*), I38 (identity joins); plus the filing_timestamp
 * rules of 9.2, the cited transactions and narratives of 9.3, review_notes (10.4) and the manifest's
 * `filings` counts (13.4). Runs: src/testing/invariant-runs.ts; views and macros:
 * src/testing/invariant-db.ts (`<run>_cash_days` is the I31 query, `<run>_sources` one row per
 * source id).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../generators/schema';
import { DUCKDB_TYPES } from '../export/test-helpers';
import { openInvariantDb, window, type InvariantDb } from '../testing/invariant-db';
import { expectMetadata, expectTimestampsInOrder } from '../testing/event-file-checks';
import { COMPLIANCE_RUNS, RUNS, generateRuns, type ComplianceRun, type JurisdictionId, type RunName } from '../testing/invariant-runs';

const HOUR_US = 3_600_000_000;

/** SPEC 2.4 W-2G thresholds: Slots / Video Poker / Bingo (gross) and Keno (net of the wager). */
const THRESHOLDS: Readonly<Record<JurisdictionId, { slots: number; keno: number }>> = {
  'US-2025': { slots: 1_200, keno: 1_500 },
  'US-2026': { slots: 2_000, keno: 2_000 },
};

/** SPEC 3.10 and 9.3 mixes, in the SPEC's order (the order ties go to), weights in hundredths. */
const FILING_MIX: [string, number][] = [['CTR', 40], ['SAR', 15], ['W2G', 45]];
const W2G_GAMES: [string, number][] = [['Slots', 70], ['Video Poker', 12], ['Keno', 5], ['Bingo', 4], ['Poker Tournament', 4], ['Table Games', 5]];
const SAR_CATEGORIES: [string, number][] = [
  ['Structuring', 25], ['Unusual Transaction Pattern', 15], ['Chip Walking', 10], ['Third Party Activity', 8],
  ['Identity Concerns', 8], ['Credit Abuse', 8], ['Wire Transfer Anomaly', 8], ['Other Suspicious Activity', 8],
  ['Counterfeit Currency', 6], ['Employee Involvement', 4],
];

/** SPEC 9.3 types of the cited transactions per SAR category (Structuring: I33). */
const SAR_TYPES: Readonly<Record<string, readonly string[]>> = {
  Structuring: ['CASH_IN'],
  'Unusual Transaction Pattern': ['CHIP_PURCHASE', 'CHIP_REDEMPTION'],
  'Chip Walking': ['CHIP_PURCHASE'],
  'Third Party Activity': ['FRONT_MONEY_DEPOSIT'],
  'Identity Concerns': ['CASH_IN', 'CHECK_CASHING'],
  'Credit Abuse': ['MARKER_ISSUE'],
  'Wire Transfer Anomaly': ['WIRE_TRANSFER_IN', 'WIRE_TRANSFER_OUT'],
  'Other Suspicious Activity': ['CASH_IN', 'CHIP_PURCHASE', 'CHECK_CASHING'],
  'Counterfeit Currency': ['CASH_IN', 'CHIP_PURCHASE'],
  'Employee Involvement': ['CASH_IN', 'CASH_OUT', 'CHIP_PURCHASE', 'CHIP_REDEMPTION', 'CHECK_CASHING', 'FRONT_MONEY_DEPOSIT',
    'FRONT_MONEY_WITHDRAWAL', 'SAFEKEEPING_DEPOSIT', 'SAFEKEEPING_WITHDRAWAL'],
};

const W2G_ONLY = ['game_type', 'jackpot_amount', 'withholding_amount', 'withholding_rate', 'wager_amount'];
const SAR_ONLY = ['sar_category', 'sar_narrative', 'suspicious_activity_date'];
const MONEY = ['transaction_amount', 'amount', 'cash_in_amount', 'cash_out_amount', 'jackpot_amount', 'withholding_amount', 'wager_amount'];

let db: InvariantDb;
let dirs: Record<RunName, string>;
beforeAll(async () => {
  dirs = await generateRuns(COMPLIANCE_RUNS);
  db = await openInvariantDb(dirs);
});
afterAll(() => db?.close());

/**
 * SPEC 1 apportion: split `total` by integer weights with the largest-remainder method, ties to the category listed
 * first. Exact integer arithmetic (remainders are compared as numerators over the weight sum).
 */
function apportion(total: number, weights: readonly [string, number][]): Record<string, number> {
  const sum = weights.reduce((s, [, w]) => s + w, 0);
  const counts = weights.map(([, w]) => Math.floor((total * w) / sum));
  const order = weights.map((_, i) => i).sort((a, b) => ((total * weights[b][1]) % sum) - ((total * weights[a][1]) % sum) || a - b);
  let left = total - counts.reduce((s, c) => s + c, 0);
  for (const i of order) if (left-- > 0) counts[i]++;
  return Object.fromEntries(weights.map(([name], i) => [name, counts[i]]));
}

/** Rows per value of column `k` of a query, as a record (values with no row are absent: compare with nonZero(expected)). */
async function countsBy(sql: string): Promise<Record<string, number>> {
  const rows = await db.all(`SELECT k, count(*) AS n FROM (${sql}) GROUP BY k ORDER BY k`);
  return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));
}
const nonZero = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).filter(([, n]) => n > 0));

/** µs since the epoch of a TIMESTAMPTZ SQL expression. */
const us = (t: string) => `epoch_us(${t})`;

/**
 * 9.2: `filing` lies `lo`..`hi` after `trigger`, unless the draw would have reached `end` (possible only when
 * end − trigger ≤ hi) and it was replaced by the midpoint of trigger and end (±1 µs for the floor).
 */
const afterTrigger = (run: RunName, filing: string, trigger: string, lo: string, hi: string) => `(
  (${filing} - ${trigger} BETWEEN ${lo} AND ${hi})
  OR (${window(run).end} - ${trigger} <= ${hi}
      AND abs(${us(filing)} - (${us(trigger)} + (${us(window(run).end)} - ${us(trigger)}) // 2)) <= 1))`;

/** The cited cage rows of every SAR (LEFT JOIN: a dangling id gives NULL columns): a few filing columns, renamed, then the row's. */
const sarRows = (run: ComplianceRun) => `
  SELECT c.filing_id, c.sar_category AS category, c.player_id AS sar_player, c.transaction_date AS sar_date,
    c.suspicious_activity_date, c.transaction_amount AS sar_amount, c.sar_narrative, s.pos, s.source_id, f.*
  FROM ${run}_compliance c JOIN ${run}_sources s ON s.filing_id = c.filing_id
  LEFT JOIN ${run}_financial f ON f.transaction_id = s.source_id
  WHERE c.filing_type = 'SAR'`;

/** Slot JACKPOT rows at or above the run's slot W-2G threshold (the hand-pay jackpots of 4.3). */
const handPays = (run: ComplianceRun) =>
  `SELECT * FROM ${run}_slots WHERE event_type = 'JACKPOT' AND jackpot_amount >= ${THRESHOLDS[RUNS[run].jurisdiction].slots}`;

/** The W-2Gs of Slots and Video Poker with their jackpot row (by the first source id) and payout (by the second). */
const slotW2gs = (run: ComplianceRun) => `
  SELECT c.filing_id, c.game_type, c.player_id, c.machine_id, c.transaction_date, c.jackpot_amount, c.wager_amount,
    c.filing_timestamp, j.event_id, j.event_timestamp AS won, j.coin_in, j.machine_type, p.transaction_timestamp AS paid
  FROM ${run}_compliance c
  LEFT JOIN ${run}_slots j ON j.event_id = split_part(c.source_ids, ';', 1) AND j.event_type = 'JACKPOT'
  LEFT JOIN ${run}_financial p ON p.transaction_id = split_part(c.source_ids, ';', 2) AND p.transaction_type = 'JACKPOT_PAYOUT'
  WHERE c.filing_type = 'W2G' AND c.game_type IN ('Slots', 'Video Poker')`;

/** Each W-2G's JACKPOT_PAYOUT rows among its source ids. */
const w2gPayouts = (run: ComplianceRun) => `
  SELECT c.filing_id, c.game_type, c.player_id AS w2g_player, c.jackpot_amount, c.transaction_date, c.filing_timestamp,
    f.transaction_id, f.player_id, f.amount, f.transaction_timestamp AS paid
  FROM ${run}_compliance c JOIN ${run}_sources s ON s.filing_id = c.filing_id
  JOIN ${run}_financial f ON f.transaction_id = s.source_id AND f.transaction_type = 'JACKPOT_PAYOUT'
  WHERE c.filing_type = 'W2G'`;

/** The CTR filings, and the counted cash rows (10.2) of each CTR's (player, gaming day). */
const ctrRows = (run: ComplianceRun) => `
  SELECT c.filing_id, c.status, f.*
  FROM ${run}_compliance c JOIN ${run}_financial f
    ON f.player_id = c.player_id AND f.business_date = c.transaction_date AND counted_side(f.transaction_type, f.payment_method) IS NOT NULL
  WHERE c.filing_type = 'CTR'`;

describe.each(COMPLIANCE_RUNS)('run %s', (run) => {
  const n = RUNS[run].counts.compliance!;
  const { slots: slotThreshold, keno: kenoThreshold } = THRESHOLDS[RUNS[run].jurisdiction];

  it('I1 exactly the requested rows; I2 the canonical columns of 9.1 in order with their types', async () => {
    expect(await db.num(`SELECT count(*) FROM ${run}_compliance`)).toBe(n);
    const described = await db.all(`DESCRIBE SELECT * EXCLUDE (file_row_number) FROM ${run}_compliance`);
    expect(described.map((r) => `${r.column_name} ${r.column_type}`)).toEqual(
      SCHEMAS.compliance.columns.map((c) => `${c.name} ${DUCKDB_TYPES[c.type]}`),
    );
  });

  it('3.10 filing mix: CTR/SAR/W2G apportioned .40/.15/.45, W-2G game types and SAR categories apportioned by their weights', async () => {
    const types = apportion(n, FILING_MIX);
    expect(types.SAR).toBeGreaterThan(0);
    expect(await countsBy(`SELECT filing_type AS k FROM ${run}_compliance`)).toEqual(nonZero(types));
    expect(await countsBy(`SELECT game_type AS k FROM ${run}_compliance WHERE filing_type = 'W2G'`)).toEqual(nonZero(apportion(types.W2G, W2G_GAMES)));
    const categories = apportion(types.SAR, SAR_CATEGORIES);
    expect(await countsBy(`SELECT sar_category AS k FROM ${run}_compliance WHERE filing_type = 'SAR'`)).toEqual(nonZero(categories));
    expect(categories.Structuring, 'n_struct ≤ n_CTR').toBeLessThanOrEqual(types.CTR);
  });

  it('I3 filing_id, fincen_reference and irs_reference are unique', async () => {
    for (const column of ['filing_id', 'fincen_reference', 'irs_reference']) {
      const dup = `SELECT ${column}, count(*) AS n FROM ${run}_compliance WHERE ${column} IS NOT NULL GROUP BY 1 HAVING n > 1`;
      expect(await db.violations(dup), column).toEqual([]);
    }
  });

  it('I4 filing_id = <type>-<YYYYMMDD filing_date>-<rank within the type by (filing_timestamp, player_id), ≥ 6 digits>', async () => {
    const bad = `SELECT * FROM (SELECT file_row_number, filing_id, filing_type, filing_date, filing_timestamp, player_id,
        row_number() OVER (PARTITION BY filing_type ORDER BY filing_timestamp, player_id, file_row_number) AS rank
      FROM ${run}_compliance)
      WHERE filing_type NOT IN ('CTR', 'SAR', 'W2G') OR filing_id <> filing_type || '-' || strftime(filing_date, '%Y%m%d') || '-' || seqno(rank, 6)`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I4 fincen_reference FINCEN-<type>- + 100000000..599999999; amended_from the same form in 600000000..999999999; irs_reference W2G-<year>-<rank in the year>', async () => {
    const fincen = (column: string, lo: number, hi: number) => `(${column} IS NOT NULL AND (
        NOT regexp_full_match(${column}, 'FINCEN-(CTR|SAR)-[0-9]{9}') OR split_part(${column}, '-', 2) <> filing_type
        OR CAST(right(${column}, 9) AS INTEGER) NOT BETWEEN ${lo} AND ${hi}))`;
    const bad = `SELECT file_row_number, filing_type, fincen_reference, amended_from FROM ${run}_compliance
      WHERE ${fincen('fincen_reference', 100_000_000, 599_999_999)} OR ${fincen('amended_from', 600_000_000, 999_999_999)}`;
    expect(await db.violations(bad)).toEqual([]);
    // The year is that of filing_date (= transaction_date, the gaming day of the win, for a W-2G).
    const irs = `SELECT * FROM (SELECT file_row_number, filing_id, filing_date, filing_timestamp, player_id, irs_reference,
        row_number() OVER (PARTITION BY year(filing_date) ORDER BY filing_timestamp, player_id, file_row_number) AS rank
      FROM ${run}_compliance WHERE filing_type = 'W2G')
      WHERE irs_reference IS DISTINCT FROM 'W2G-' || strftime(filing_date, '%Y') || '-' || seqno(rank, 6)`;
    expect(await db.violations(irs)).toEqual([]);
  });

  it('I4 compliance officers EMP-00401–00410, PROP-01, player, machine and table ids, 64-hex tokens, source ids UUIDs or TXN- ids', async () => {
    const bad = `SELECT file_row_number, compliance_officer_id, property_code, player_id, machine_id, table_id, ssn_masked FROM ${run}_compliance WHERE
        compliance_officer_id NOT IN (SELECT employee_id FROM spec_roster WHERE role = 'Compliance officer')
        OR property_code <> 'PROP-01' OR NOT regexp_full_match(player_id, 'P[0-9]{6,}')
        OR NOT regexp_full_match(machine_id, 'SLOT-[0-9]{4}') OR NOT regexp_full_match(table_id, 'TBL-[A-Z]{2}-[0-9]{3}')
        OR NOT regexp_full_match(player_name_hash, '[0-9a-f]{64}') OR NOT regexp_full_match(address_hash, '[0-9a-f]{64}')
        OR NOT regexp_full_match(id_number_hash, '[0-9a-f]{64}') OR NOT regexp_full_match(ssn_hash, '[0-9a-f]{64}')
        OR NOT regexp_full_match(ssn_masked, 'XXX-XX-[0-9]{4}')
        OR id_type NOT IN ('Drivers License', 'Passport', 'State ID', 'Military ID')`;
    expect(await db.violations(bad)).toEqual([]);
    const sources = `SELECT filing_id, pos, source_id FROM ${run}_sources WHERE NOT regexp_full_match(source_id,
      'TXN-[0-9A-F]{12}|[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}')`;
    expect(await db.violations(sources)).toEqual([]);
  });

  it('I5 every filing_timestamp lies in [start, end); I6 the file is sorted by filing_timestamp', async () => {
    await expectTimestampsInOrder(db, run, 'compliance', 'filing_timestamp');
  });

  it('I7 _ingested_at = as_of, _source ComplianceGenerator, _batch_id constant per chunk and distinct from every other chunk of the run', async () => {
    await expectMetadata(db, run, 'compliance');
  });

  it('I8/I9 every player exists, is Active, not self-excluded, and enrollment_date ≤ transaction_date ≤ last_visit_date', async () => {
    const bad = `SELECT c.file_row_number, c.filing_id, c.player_id, c.transaction_date, p.player_id AS found, p.account_status,
        p.self_excluded, p.enrollment_date, p.last_visit_date
      FROM ${run}_compliance c LEFT JOIN ${run}_players p ON p.player_id = c.player_id
      WHERE p.player_id IS NULL OR p.account_status <> 'Active' OR p.self_excluded
        OR c.transaction_date < p.enrollment_date OR c.transaction_date > p.last_visit_date`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I28 slot jackpots ≥ the threshold ↔ Slots/Video Poker W-2Gs one-to-one on (player, machine, amount, gaming day); carded; VP ⇔ VP machine; wager = coin_in; event_id cited', async () => {
    expect(await db.num(`SELECT count(*) FROM (${handPays(run)})`), 'precondition: hand-pay jackpots').toBeGreaterThan(0);
    const keyed = `
      WITH j AS (SELECT player_id, machine_id, money(jackpot_amount) AS amount, gd(event_timestamp) AS day, count(*) AS jackpots
          FROM (${handPays(run)}) GROUP BY ALL),
        w AS (SELECT player_id, machine_id, money(jackpot_amount) AS amount, transaction_date AS day, count(*) AS w2gs
          FROM ${run}_compliance WHERE filing_type = 'W2G' AND game_type IN ('Slots', 'Video Poker') GROUP BY ALL)
      SELECT j.player_id, j.machine_id, j.amount, j.day, j.jackpots, w.player_id AS w2g_player, w.machine_id AS w2g_machine,
        w.amount AS w2g_amount, w.day AS w2g_day, w.w2gs
      FROM j FULL OUTER JOIN w
        ON w.player_id = j.player_id AND w.machine_id = j.machine_id AND w.amount = j.amount AND w.day = j.day
      WHERE j.jackpots IS DISTINCT FROM 1 OR w.w2gs IS DISTINCT FROM 1`;
    expect(await db.violations(keyed)).toEqual([]);
    const paired = `SELECT * FROM (${slotW2gs(run)}) WHERE event_id IS NULL
      OR (game_type = 'Video Poker') <> (machine_type = 'Video Poker') OR wager_amount IS DISTINCT FROM coin_in`;
    expect(await db.violations(paired)).toEqual([]);
    // I17: at most 5 % of slot rows are W-2G jackpots.
    expect(await db.num(`SELECT count(*) FROM (${handPays(run)})`)).toBeLessThanOrEqual(0.05 * (await db.num(`SELECT count(*) FROM ${run}_slots`)));
  });

  it('I29 each W-2G names exactly one JACKPOT_PAYOUT and each payout is named by one W-2G; same player and amount; 9.2 source_ids shape; Slots/VP paid 0–30 min after the jackpot', async () => {
    const perW2g = `SELECT c.filing_id, count(p.transaction_id) AS payouts FROM ${run}_compliance c
      LEFT JOIN (${w2gPayouts(run)}) p ON p.filing_id = c.filing_id WHERE c.filing_type = 'W2G' GROUP BY 1 HAVING payouts <> 1`;
    expect(await db.violations(perW2g)).toEqual([]);
    const perPayout = `SELECT f.transaction_id, count(p.filing_id) AS w2gs FROM ${run}_financial f
      LEFT JOIN (${w2gPayouts(run)}) p ON p.transaction_id = f.transaction_id WHERE f.transaction_type = 'JACKPOT_PAYOUT' GROUP BY 1 HAVING w2gs <> 1`;
    expect(await db.violations(perPayout)).toEqual([]);
    const mismatched = `SELECT * FROM (${w2gPayouts(run)}) WHERE player_id <> w2g_player OR money(amount) <> money(jackpot_amount)`;
    expect(await db.violations(mismatched)).toEqual([]);
    // 9.2: `<slot event_id>;<payout transaction_id>` for Slots / Video Poker, `<payout transaction_id>` otherwise.
    const shape = `SELECT c.filing_id, c.game_type, c.source_ids FROM ${run}_compliance c WHERE c.filing_type = 'W2G' AND NOT (CASE
        WHEN c.game_type IN ('Slots', 'Video Poker') THEN len(string_split(c.source_ids, ';')) = 2
          AND split_part(c.source_ids, ';', 1) IN (SELECT event_id FROM ${run}_slots WHERE event_type = 'JACKPOT')
          AND split_part(c.source_ids, ';', 2) IN (SELECT transaction_id FROM ${run}_financial WHERE transaction_type = 'JACKPOT_PAYOUT')
        ELSE c.source_ids IN (SELECT transaction_id FROM ${run}_financial WHERE transaction_type = 'JACKPOT_PAYOUT') END)`;
    expect(await db.violations(shape)).toEqual([]);
    const late = `SELECT filing_id, won, paid FROM (${slotW2gs(run)}) WHERE paid IS NULL OR NOT (paid - won BETWEEN INTERVAL 0 MINUTE AND INTERVAL 30 MINUTE)`;
    expect(await db.violations(late)).toEqual([]);
  });

  it(`I30 every W-2G is reportable under 10.1 (${RUNS[run].jurisdiction}); withholding per 10.3 (±0.01); 10.1 generated wins`, async () => {
    const w2g = `SELECT filing_id, game_type, ssn_hash IS NULL AS no_tin, withholding_amount, withholding_rate,
        money(jackpot_amount) AS jackpot, money(wager_amount) AS wager, money(jackpot_amount) - money(wager_amount) AS net,
        game_type IN ('Poker Tournament', 'Table Games') AND money(jackpot_amount) - money(wager_amount) > 5000 AS regular
      FROM ${run}_compliance WHERE filing_type = 'W2G'`;
    const unreportable = `SELECT * FROM (${w2g}) WHERE NOT coalesce(CASE game_type
        WHEN 'Slots' THEN jackpot >= ${slotThreshold} WHEN 'Video Poker' THEN jackpot >= ${slotThreshold} WHEN 'Bingo' THEN jackpot >= ${slotThreshold}
        WHEN 'Keno' THEN net >= ${kenoThreshold}
        WHEN 'Poker Tournament' THEN net > 5000
        WHEN 'Table Games' THEN jackpot >= 600 AND jackpot >= 300 * wager END, false)`;
    expect(await db.violations(unreportable)).toEqual([]);
    // 10.3: regular 24 % of the net (Poker Tournament, Table Games with net > 5,000); else backup 24 % of the
    // reportable amount (gross for Slots/VP/Bingo, net for Keno/Table Games/Poker Tournament) without a TIN; else 0.
    const expected = `SELECT *, CASE WHEN regular OR no_tin THEN 0.24 ELSE 0 END AS rate,
        CASE WHEN regular THEN net WHEN no_tin AND game_type IN ('Keno', 'Table Games', 'Poker Tournament') THEN net
          WHEN no_tin THEN jackpot ELSE 0 END AS base FROM (${w2g})`;
    const withheld = `SELECT filing_id, game_type, no_tin, regular, jackpot, wager, withholding_rate, withholding_amount, rate, base
      FROM (${expected}) WHERE withholding_rate IS NULL OR abs(withholding_rate - rate) > 1e-9
        OR withholding_amount IS NULL OR abs(money(withholding_amount) - round(base * rate, 2)) > 0.01`;
    expect(await db.violations(withheld)).toEqual([]);
    const generated = `SELECT * FROM (${w2g}) WHERE NOT coalesce(CASE game_type
        WHEN 'Keno' THEN wager IN (1, 2, 5, 10, 20) AND net = round(net) AND net BETWEEN ${kenoThreshold} AND ${20 * kenoThreshold}
        WHEN 'Bingo' THEN wager IN (5, 10, 20, 50) AND jackpot = round(jackpot) AND jackpot BETWEEN ${slotThreshold} AND ${10 * slotThreshold}
        WHEN 'Poker Tournament' THEN wager IN (100, 250, 500, 1000, 2500, 5000, 10000) AND net = round(net) AND net BETWEEN 5001 AND 200000
        WHEN 'Table Games' THEN wager IN (1, 5, 10, 25) AND jackpot / wager IN (300, 500, 1000, 2000, 5000, 10000)
        ELSE wager > 0 END, false)`;
    expect(await db.violations(generated)).toEqual([]);
  });

  it('9.1 W-2G machine_id only on Slots/VP; table_id only on Table Games, a Blackjack or Pai Gow table of the tables file', async () => {
    const bad = `SELECT filing_id, filing_type, game_type, machine_id, table_id FROM ${run}_compliance WHERE
        (machine_id IS NOT NULL) <> coalesce(game_type IN ('Slots', 'Video Poker'), false)
        OR (table_id IS NOT NULL) <> coalesce(game_type = 'Table Games', false)
        OR table_id NOT IN (SELECT table_id FROM ${run}_tables WHERE game_type IN ('Blackjack', 'Pai Gow'))`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I31 {(player, gd): counted cin or cout > 10,000} = the CTRs\' (player, transaction_date), one CTR each, cash_in/out_amount = round(cin/cout, 2) exactly', async () => {
    expect(await db.num(`SELECT count(*) FROM ${run}_compliance WHERE filing_type = 'CTR'`), 'precondition: CTRs').toBeGreaterThan(0);
    const bad = `
      WITH cash AS (SELECT *, true AS over FROM ${run}_cash_days WHERE cin > 10000 OR cout > 10000),
        ctr AS (SELECT player_id, transaction_date AS gd, count(*) AS ctrs, any_value(money(cash_in_amount)) AS cash_in,
          any_value(money(cash_out_amount)) AS cash_out FROM ${run}_compliance WHERE filing_type = 'CTR' GROUP BY 1, 2)
      SELECT cash.player_id, cash.gd, cash.cin, cash.cout, ctr.player_id AS ctr_player, ctr.gd AS ctr_day, ctr.ctrs, ctr.cash_in, ctr.cash_out
      FROM cash FULL OUTER JOIN ctr ON ctr.player_id = cash.player_id AND ctr.gd = cash.gd
      WHERE cash.over IS NULL OR ctr.ctrs IS DISTINCT FROM 1
        OR ctr.cash_in IS DISTINCT FROM round(cash.cin, 2) OR ctr.cash_out IS DISTINCT FROM round(cash.cout, 2)`;
    expect(await db.violations(bad)).toEqual([]);
    // 9.2: transaction_amount = cash_in_amount + cash_out_amount.
    const total = `SELECT filing_id, transaction_amount, cash_in_amount, cash_out_amount FROM ${run}_compliance
      WHERE filing_type = 'CTR' AND money(transaction_amount) <> money(cash_in_amount) + money(cash_out_amount)`;
    expect(await db.violations(total)).toEqual([]);
  });

  it('I32 ctr_required ⇔ counted cash of a CTR (player, day); ctr_reference = its filing_id; ctr_filed ⇔ Filed/Amended; CTR source_ids = exactly those rows in time order', async () => {
    const flags = `SELECT f.file_row_number, f.transaction_id, f.transaction_type, f.payment_method, f.ctr_required, f.ctr_filed,
        f.ctr_reference, r.filing_id, r.status
      FROM ${run}_financial f LEFT JOIN (${ctrRows(run)}) r ON r.transaction_id = f.transaction_id
      WHERE f.ctr_required <> (r.filing_id IS NOT NULL) OR f.ctr_reference IS DISTINCT FROM r.filing_id
        OR f.ctr_filed <> coalesce(r.status IN ('Filed', 'Amended'), false)`;
    expect(await db.violations(flags)).toEqual([]);
    const sources = `SELECT c.filing_id, c.source_ids, r.ids FROM ${run}_compliance c
      LEFT JOIN (SELECT filing_id, string_agg(transaction_id, ';' ORDER BY file_row_number) AS ids FROM (${ctrRows(run)}) GROUP BY 1) r
        ON r.filing_id = c.filing_id
      WHERE c.filing_type = 'CTR' AND c.source_ids IS DISTINCT FROM r.ids`;
    expect(await db.violations(sources)).toEqual([]);
  });

  it('9.2 CTR filing_timestamp = the instant the running counted total of a side first exceeds 10,000 + 1 min..2 h (or the midpoint to end)', async () => {
    const triggers = `SELECT player_id, business_date, min(transaction_timestamp) AS trigger FROM (
        SELECT player_id, business_date, transaction_timestamp,
          sum(CASE WHEN counted_side(transaction_type, payment_method) = 'in' THEN money(amount) ELSE 0 END) OVER w AS run_in,
          sum(CASE WHEN counted_side(transaction_type, payment_method) = 'out' THEN money(amount) ELSE 0 END) OVER w AS run_out
        FROM ${run}_financial WHERE counted_side(transaction_type, payment_method) IS NOT NULL
        WINDOW w AS (PARTITION BY player_id, business_date ORDER BY file_row_number ROWS UNBOUNDED PRECEDING))
      WHERE run_in > 10000 OR run_out > 10000 GROUP BY 1, 2`;
    const bad = `SELECT c.filing_id, c.filing_timestamp, t.trigger FROM ${run}_compliance c
      LEFT JOIN (${triggers}) t ON t.player_id = c.player_id AND t.business_date = c.transaction_date
      WHERE c.filing_type = 'CTR' AND (t.trigger IS NULL
        OR NOT ${afterTrigger(run, 'c.filing_timestamp', 't.trigger', 'INTERVAL 1 MINUTE', 'INTERVAL 2 HOUR')})`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I33 Structuring SARs cite ≥ 2 Cash CASH_IN rows of the player, each 8,000 ≤ amount < 10,000, on one day = suspicious_activity_date = transaction_date, totalling > 10,000; 7.4 run of 2–4, 20 min–4 h apart, a CTR day', async () => {
    expect(await db.num(`SELECT count(*) FROM ${run}_compliance WHERE sar_category = 'Structuring'`), 'precondition: Structuring SARs').toBeGreaterThan(0);
    const bad = `SELECT filing_id, count(*) AS cited, count(transaction_id) AS found, list(transaction_type) AS types,
        list(payment_method) AS methods, list(amount) AS amounts, list(DISTINCT business_date) AS days,
        any_value(suspicious_activity_date) AS activity_date, any_value(sar_date) AS sar_date
      FROM (${sarRows(run)}) WHERE category = 'Structuring' GROUP BY filing_id
      HAVING count(*) < 2 OR count(*) > 4 OR count(transaction_id) < count(*)
        OR bool_or(transaction_type <> 'CASH_IN' OR payment_method <> 'Cash' OR player_id <> sar_player)
        OR bool_or(NOT (amount >= 8000 AND amount < 10000))
        OR bool_or(business_date <> suspicious_activity_date OR business_date <> sar_date)
        OR sum(money(amount)) <= 10000`;
    expect(await db.violations(bad)).toEqual([]);
    const gaps = `SELECT * FROM (SELECT filing_id, transaction_timestamp,
          transaction_timestamp - lag(transaction_timestamp) OVER (PARTITION BY filing_id ORDER BY transaction_timestamp, file_row_number) AS gap
        FROM (${sarRows(run)}) WHERE category = 'Structuring')
      WHERE gap IS NOT NULL AND NOT (gap BETWEEN INTERVAL 20 MINUTE AND INTERVAL 4 HOUR)`;
    expect(await db.violations(gaps)).toEqual([]);
    const notCtrDay = `SELECT c.filing_id, c.player_id, c.transaction_date FROM ${run}_compliance c WHERE c.sar_category = 'Structuring'
      AND NOT EXISTS (SELECT 1 FROM ${run}_compliance t WHERE t.filing_type = 'CTR' AND t.player_id = c.player_id AND t.transaction_date = c.transaction_date)`;
    expect(await db.violations(notCtrDay)).toEqual([]);
  });

  it('I34 every SAR: source_ids exist in financial, belong to its player, are flagged suspicious; transaction_amount = their sum (DECIMAL) ≥ 5,000; narrative ≥ 100 chars with the player_id', async () => {
    const bad = `SELECT filing_id, any_value(sar_player) AS player, count(*) AS cited, count(transaction_id) AS found,
        list(player_id) AS players, list(suspicious_activity_flag) AS flags, any_value(sar_amount) AS amount, sum(money(amount)) AS total,
        length(any_value(sar_narrative)) AS narrative_length
      FROM (${sarRows(run)}) GROUP BY filing_id
      HAVING count(transaction_id) < count(*) OR bool_or(player_id <> sar_player) OR bool_or(NOT suspicious_activity_flag)
        OR money(any_value(sar_amount)) IS DISTINCT FROM sum(money(amount)) OR any_value(sar_amount) < 5000
        OR NOT (length(any_value(sar_narrative)) >= 100) OR NOT contains(any_value(sar_narrative), any_value(sar_player))`;
    expect(await db.violations(bad)).toEqual([]);
    // 9.1: transaction_date = suspicious_activity_date = the gaming day of the first cited transaction.
    const dates = `SELECT filing_id, any_value(sar_date) AS sar_date, any_value(suspicious_activity_date) AS activity_date,
        arg_min(business_date, (transaction_timestamp, file_row_number)) AS first_day
      FROM (${sarRows(run)}) GROUP BY filing_id
      HAVING any_value(sar_date) <> any_value(suspicious_activity_date) OR any_value(sar_date) <> arg_min(business_date, (transaction_timestamp, file_row_number))`;
    expect(await db.violations(dates)).toEqual([]);
  });

  it('9.3/7.4 cited transactions by category: 2–4 rows within 7 gaming days, the category\'s types, 7.4 amounts, and its pattern', async () => {
    const allowed = Object.entries(SAR_TYPES).flatMap(([category, types]) => types.map((t) => `('${category}', '${t}')`)).join(', ');
    const rows = `SELECT r.*, EXISTS (SELECT 1 FROM (VALUES ${allowed}) AS a(category, transaction_type)
        WHERE a.category = r.category AND a.transaction_type = r.transaction_type) AS type_ok,
        CASE WHEN r.transaction_type IN ('WIRE_TRANSFER_IN', 'WIRE_TRANSFER_OUT') THEN r.amount BETWEEN 5000 AND 500000
          WHEN r.transaction_type = 'MARKER_ISSUE' THEN r.amount IN (5000, 10000, 25000, 50000, 100000)
          WHEN r.category = 'Structuring' OR (r.category = 'Unusual Transaction Pattern' AND r.transaction_type = 'CHIP_REDEMPTION') THEN true
          ELSE r.amount BETWEEN 3000 AND 9500 END AS amount_ok
      FROM (${sarRows(run)}) r`;
    const bad = `SELECT filing_id, category, count(*) AS cited, list(transaction_type ORDER BY transaction_timestamp, file_row_number) AS types,
        list(payment_method) AS methods, list(amount) AS amounts, list(DISTINCT business_date) AS days
      FROM (${rows}) GROUP BY filing_id, category
      HAVING count(*) NOT BETWEEN 2 AND 4 OR NOT bool_and(type_ok) OR NOT bool_and(amount_ok)
        OR max(business_date) - min(business_date) > 6
        OR NOT (CASE category
          WHEN 'Unusual Transaction Pattern' THEN count(*) = 2 AND count(DISTINCT transaction_type) = 2 AND count(DISTINCT business_date) = 1
            AND abs(sum(money(amount)) FILTER (WHERE transaction_type = 'CHIP_REDEMPTION') - sum(money(amount)) FILTER (WHERE transaction_type = 'CHIP_PURCHASE'))
              <= 0.1 * sum(money(amount)) FILTER (WHERE transaction_type = 'CHIP_PURCHASE') + 0.01
          WHEN 'Wire Transfer Anomaly' THEN count(*) = 2
            AND arg_min(transaction_type, (transaction_timestamp, file_row_number)) = 'WIRE_TRANSFER_IN'
            AND arg_max(transaction_type, (transaction_timestamp, file_row_number)) = 'WIRE_TRANSFER_OUT'
          WHEN 'Third Party Activity' THEN bool_and(payment_method IN ('Cash', 'Check'))
          WHEN 'Identity Concerns' THEN bool_and(id_type IS NOT NULL)
          WHEN 'Counterfeit Currency' THEN bool_and(payment_method = 'Cash')
          WHEN 'Employee Involvement' THEN bool_and(payment_method = 'Cash') AND count(DISTINCT cashier_id) = 1
          ELSE true END)`;
    expect(await db.violations(bad)).toEqual([]);
    // Unusual Transaction Pattern: no rating of the player that day; Chip Walking: no CHIP_REDEMPTION by the player on
    // the cited days; Credit Abuse: the cited MARKER_ISSUEs have no payment.
    const rated = `SELECT r.filing_id, r.player_id, r.business_date, t.player_rating_id FROM (${sarRows(run)}) r
      JOIN ${run}_tables t ON t.player_id = r.player_id AND gd(t.event_timestamp) = r.business_date AND t.player_rating_id IS NOT NULL
      WHERE r.category = 'Unusual Transaction Pattern'`;
    expect(await db.violations(rated)).toEqual([]);
    const redeemed = `SELECT r.filing_id, r.player_id, r.business_date, f.transaction_id FROM (${sarRows(run)}) r
      JOIN ${run}_financial f ON f.player_id = r.player_id AND f.business_date = r.business_date AND f.transaction_type = 'CHIP_REDEMPTION'
      WHERE r.category = 'Chip Walking'`;
    expect(await db.violations(redeemed)).toEqual([]);
    const repaid = `SELECT r.filing_id, r.marker_number, p.transaction_id FROM (${sarRows(run)}) r
      JOIN ${run}_financial p ON p.marker_number = r.marker_number AND p.transaction_type = 'MARKER_PAYMENT'
      WHERE r.category = 'Credit Abuse'`;
    expect(await db.violations(repaid)).toEqual([]);
  });

  it('9.2 SAR filing_timestamp = last cited transaction + 1 h..72 h (or the midpoint to end)', async () => {
    const bad = `SELECT filing_id, any_value(filing_timestamp) AS filed, max(transaction_timestamp) AS last FROM (
        SELECT r.*, c.filing_timestamp FROM (${sarRows(run)}) r JOIN ${run}_compliance c ON c.filing_id = r.filing_id)
      GROUP BY filing_id
      HAVING NOT ${afterTrigger(run, 'any_value(filing_timestamp)', 'max(transaction_timestamp)', 'INTERVAL 1 HOUR', 'INTERVAL 72 HOUR')}`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('9.3 sar_narrative names the player, the first and last dates, the count and the total ($12,345.67)', async () => {
    const bad = `SELECT filing_id, any_value(sar_narrative) AS narrative, count(*) AS cited, usd(sum(money(amount))) AS total,
        strftime(min(transaction_timestamp), '%Y-%m-%d') AS first_date, strftime(max(transaction_timestamp), '%Y-%m-%d') AS last_date
      FROM (${sarRows(run)}) GROUP BY filing_id
      HAVING NOT contains(any_value(sar_narrative), any_value(sar_player))
        OR NOT contains(any_value(sar_narrative), usd(sum(money(amount))))
        OR NOT contains(any_value(sar_narrative), strftime(min(transaction_timestamp), '%Y-%m-%d'))
        OR NOT contains(any_value(sar_narrative), strftime(max(transaction_timestamp), '%Y-%m-%d'))
        OR NOT regexp_matches(any_value(sar_narrative), '\\b' || count(*) || '\\b')`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('9.2 W-2G filing_timestamp and payout within d = min(30 min, half the time to end or the 06:00 cut-off) after the win, in its gaming day', async () => {
    const endUs = us(window(run).end);
    const slot = `SELECT *, least(${HOUR_US / 2}, (least(${endUs}, ${us('CAST(transaction_date AS TIMESTAMP)')} + ${30 * HOUR_US}) - ${us('won')}) // 2) AS d
      FROM (${slotW2gs(run)})`;
    const late = `SELECT filing_id, won, filing_timestamp, paid, d FROM (${slot}) WHERE NOT (
        ${us('filing_timestamp')} - ${us('won')} BETWEEN 0 AND d + 1 AND ${us('paid')} - ${us('won')} BETWEEN 0 AND d + 1)`;
    expect(await db.violations(late)).toEqual([]);
    // Other games have no win row: filing and payout both lie in [win, win + d], in the win's gaming day.
    const other = `SELECT filing_id, game_type, transaction_date, filing_timestamp, paid FROM (${w2gPayouts(run)})
      WHERE gd(filing_timestamp) <> transaction_date OR gd(paid) <> transaction_date
        OR abs(${us('filing_timestamp')} - ${us('paid')}) > ${HOUR_US / 2}`;
    expect(await db.violations(other)).toEqual([]);
  });

  it('I35 every source_ids element exists in slots.event_id or financial.transaction_id', async () => {
    const dangling = `SELECT s.filing_id, s.pos, s.source_id FROM ${run}_sources s
      WHERE NOT EXISTS (SELECT 1 FROM ${run}_financial f WHERE f.transaction_id = s.source_id)
        AND NOT EXISTS (SELECT 1 FROM ${run}_slots e WHERE e.event_id = s.source_id)`;
    expect(await db.violations(dangling)).toEqual([]);
  });

  it('I36 deadlines (CTR +1..+15 = due; SAR detection ≤ filing ≤ due = detection + 30; W2G filing = transaction date, due Jan 31, Filed); Draft/Pending Review ⇔ filing_date > D_asof', async () => {
    const { dEnd: dAsOf } = window(run); // as_of = end in every run
    const bad = `SELECT file_row_number, filing_id, filing_type, transaction_date, filing_timestamp, filing_date, due_date, status
      FROM ${run}_compliance WHERE NOT coalesce(CASE filing_type
        WHEN 'CTR' THEN filing_date BETWEEN transaction_date + 1 AND transaction_date + 15 AND due_date = transaction_date + 15
          AND list_contains(CASE WHEN filing_date <= ${dAsOf} THEN ['Filed', 'Amended', 'Rejected'] ELSE ['Draft', 'Pending Review'] END, status)
        WHEN 'SAR' THEN filing_date BETWEEN CAST(filing_timestamp AS DATE) AND CAST(filing_timestamp AS DATE) + 29
          AND due_date = CAST(filing_timestamp AS DATE) + 30
          AND list_contains(CASE WHEN filing_date <= ${dAsOf} THEN ['Filed', 'Amended'] ELSE ['Draft', 'Pending Review'] END, status)
        WHEN 'W2G' THEN filing_date = transaction_date AND due_date = make_date(year(transaction_date) + 1, 1, 31) AND status = 'Filed' END, false)`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I37 fincen_reference ⇔ CTR/SAR Filed or Amended; amended_from ⇔ Amended; review_notes ⇔ Pending Review/Rejected/Amended; irs_reference ⇔ W2G; report_* = filing_*; 9.1 per-type columns', async () => {
    const typed = (columns: string[], condition: string) => columns.map((c) => `(${c} IS NOT NULL) <> (${condition})`).join(' OR ');
    const bad = `SELECT * EXCLUDE (sar_narrative, source_ids) FROM ${run}_compliance WHERE
        (fincen_reference IS NOT NULL) <> (filing_type IN ('CTR', 'SAR') AND status IN ('Filed', 'Amended'))
        OR (amended_from IS NOT NULL) <> (status = 'Amended')
        OR (review_notes IS NOT NULL) <> (status IN ('Pending Review', 'Rejected', 'Amended'))
        OR (irs_reference IS NOT NULL) <> (filing_type = 'W2G')
        OR report_id <> filing_id OR report_type <> filing_type OR report_timestamp <> filing_timestamp OR amount <> transaction_amount
        OR ${typed(['cash_in_amount', 'cash_out_amount'], `filing_type = 'CTR'`)}
        OR ${typed(W2G_ONLY, `filing_type = 'W2G'`)}
        OR ${typed(SAR_ONLY, `filing_type = 'SAR'`)}
        OR (filing_type = 'W2G' AND money(transaction_amount) <> money(jackpot_amount))
        OR ${MONEY.map((c) => `round(${c}, 2) <> ${c}`).join(' OR ')} OR round(withholding_rate, 4) <> withholding_rate`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('10.4 review_notes: Awaiting review by <officer> since <filing date>; Rejected by FinCEN: …; Amended to correct …', async () => {
    const bad = `SELECT filing_id, status, filing_timestamp, review_notes FROM ${run}_compliance WHERE
        (status = 'Pending Review' AND NOT regexp_full_match(review_notes,
          'Awaiting review by EMP-004(0[1-9]|10) since ' || strftime(filing_timestamp, '%Y-%m-%d')))
        OR (status = 'Rejected' AND (filing_type <> 'CTR' OR review_notes NOT IN
          ('Rejected by FinCEN: missing ID number', 'Rejected by FinCEN: invalid TIN', 'Rejected by FinCEN: incomplete address')))
        OR (status = 'Amended' AND review_notes NOT IN
          ('Amended to correct cash-out amount', 'Amended to correct subject address', 'Amended to correct ID number'))`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I38 ssn_hash, ssn_masked, date_of_birth equal the player\'s; (masked) address_hash = players.address; financial id_number_hash = compliance id_number_hash', async () => {
    expect(RUNS[run].pii).toBe('masked');
    const identity = `SELECT c.filing_id, c.player_id FROM ${run}_compliance c JOIN ${run}_players p ON p.player_id = c.player_id
      WHERE c.ssn_hash IS DISTINCT FROM p.ssn_hash OR c.ssn_masked IS DISTINCT FROM p.ssn_masked
        OR c.date_of_birth <> p.date_of_birth OR c.address_hash <> p.address`;
    expect(await db.violations(identity)).toEqual([]);
    const documents = `SELECT DISTINCT f.player_id, f.id_type, f.id_number_hash, c.id_type AS filing_id_type, c.id_number_hash AS filing_hash
      FROM ${run}_financial f JOIN ${run}_compliance c ON c.player_id = f.player_id
      WHERE f.id_number_hash IS NOT NULL AND (f.id_number_hash <> c.id_number_hash OR f.id_type <> c.id_type)`;
    expect(await db.violations(documents)).toEqual([]);
    const constant = `SELECT player_id FROM ${run}_compliance GROUP BY 1 HAVING count(DISTINCT player_name_hash) > 1
      OR count(DISTINCT address_hash) > 1 OR count(DISTINCT id_type) > 1 OR count(DISTINCT id_number_hash) > 1`;
    expect(await db.violations(constant)).toEqual([]);
  });

  it('13.4 manifest `filings` and scenario jurisdiction agree with the files', async () => {
    const manifest = JSON.parse(readFileSync(join(dirs[run], 'manifest.json'), 'utf8'));
    expect(manifest.scenario.jurisdiction).toBe(RUNS[run].jurisdiction);
    const [r] = await db.all(`SELECT
        (SELECT count(*) FROM ${run}_compliance WHERE filing_type = 'CTR') AS ctr,
        (SELECT count(*) FROM ${run}_compliance WHERE filing_type = 'SAR') AS sar,
        (SELECT count(*) FROM ${run}_compliance WHERE filing_type = 'W2G') AS w2g,
        (SELECT count(*) FROM ${run}_sources WHERE filing_type = 'CTR') AS ctr_source_rows,
        (SELECT count(*) FROM ${run}_sources WHERE filing_type = 'SAR') AS sar_source_rows,
        (SELECT count(*) FROM ${run}_sources s WHERE filing_type = 'W2G' AND EXISTS (SELECT 1 FROM ${run}_slots e WHERE e.event_id = s.source_id)) AS w2g_jackpots,
        (SELECT count(*) FROM ${run}_financial WHERE transaction_type = 'JACKPOT_PAYOUT') AS w2g_payouts`);
    expect(manifest.filings).toEqual(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])));
  });
});
