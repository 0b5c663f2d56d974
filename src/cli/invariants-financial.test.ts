/**
 * SPEC 12 invariants of bronze_financial_txn (SPEC 7), as SQL over the CLI's Parquet files of the
 * runs that generate all six tables (COMPLIANCE_RUNS: the `small` preset over five seeds, `small`
 * under US-2026, the `legacy` preset over five seeds):
 * I1/I2 (rows, columns), I3 (transaction_id, wire_reference unique), I4 (cage ids), I5, I6, I7,
 * I8/I9 (the player exists, is Active, not self-excluded, enrolled and not past the last visit), I10
 * (activity gaming days of slots, tables and financial ≤ total_visits), I23 (cage markers), and the
 * column rules of 7.1–7.4 (business_date, shift, cage_location, supervisor, ID, check, wire, marker
 * and notes columns; payment_method and amounts by type). The CTR limit of 7.3 is I31 and the flags
 * of 10.2 are I32, both in invariants-compliance.test.ts. Runs: src/testing/invariant-runs.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../generators/schema';
import { DUCKDB_TYPES } from '../export/test-helpers';
import { openInvariantDb, window, type InvariantDb } from '../testing/invariant-db';
import { expectMetadata, expectTimestampsInOrder } from '../testing/event-file-checks';
import { COMPLIANCE_RUNS, RUNS, generateRuns, type ComplianceRun } from '../testing/invariant-runs';


/** SPEC 7.2: every transaction type (JACKPOT_PAYOUT only as a W-2G payout, 7.4). */
const TYPES = [
  'CASH_IN', 'CASH_OUT', 'CHIP_PURCHASE', 'CHIP_REDEMPTION', 'WIRE_TRANSFER_IN', 'WIRE_TRANSFER_OUT', 'CHECK_CASHING',
  'MARKER_ISSUE', 'MARKER_PAYMENT', 'FRONT_MONEY_DEPOSIT', 'FRONT_MONEY_WITHDRAWAL', 'SAFEKEEPING_DEPOSIT',
  'SAFEKEEPING_WITHDRAWAL', 'JACKPOT_PAYOUT',
];

/** SPEC 7.2 payment_method by type (the 7.3 CTR-limit switches stay within these: Check, Chip). */
const METHODS: Readonly<Record<string, readonly string[]>> = {
  WIRE_TRANSFER_IN: ['Wire'], WIRE_TRANSFER_OUT: ['Wire'], MARKER_ISSUE: ['Marker'],
  MARKER_PAYMENT: ['Cash', 'Check', 'Wire'], FRONT_MONEY_DEPOSIT: ['Cash', 'Check', 'Wire'],
  FRONT_MONEY_WITHDRAWAL: ['Cash', 'Check'], CHECK_CASHING: ['Cash'], CHIP_REDEMPTION: ['Cash', 'Check'],
  CASH_IN: ['Cash'], CASH_OUT: ['Cash'], CHIP_PURCHASE: ['Cash'], SAFEKEEPING_DEPOSIT: ['Cash', 'Chip'],
  SAFEKEEPING_WITHDRAWAL: ['Cash', 'Chip'], JACKPOT_PAYOUT: ['Cash', 'Check'],
};

const CASH_LIST = '(100, 200, 300, 500, 1000, 2000, 5000, 10000, 25000)';
const MARKER_AMOUNTS = '(5000, 10000, 25000, 50000, 100000)';
const CAGES = `('Main Cage', 'High Limit', 'VIP', 'Poker Cage', 'Satellite 1', 'Satellite 2')`;
const ID_TYPES = `('Drivers License', 'Passport', 'State ID', 'Military ID')`;
const GOLD_PLUS = `('Gold', 'Platinum', 'Diamond')`;
const list = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;

let db: InvariantDb;
beforeAll(async () => {
  db = await openInvariantDb(await generateRuns(COMPLIANCE_RUNS));
});
afterAll(() => db?.close());

/** Cage rows with `ctr_day_cash`: the row is counted cash (10.2) of a (player, gaming day) over 10,000 on a side. */
const cageRows = (run: ComplianceRun) => `
  SELECT f.*, counted_side(f.transaction_type, f.payment_method) IS NOT NULL AND d.player_id IS NOT NULL AS ctr_day_cash
  FROM ${run}_financial f
  LEFT JOIN (SELECT player_id, gd FROM ${run}_cash_days WHERE cin > 10000 OR cout > 10000) d
    ON d.player_id = f.player_id AND d.gd = f.business_date`;

/** Each JACKPOT_PAYOUT with the W-2G whose source_ids names it (none, or several, when I29 is broken). */
const payouts = (run: ComplianceRun) => `
  SELECT f.file_row_number, f.transaction_id, f.payment_method, f.notes, c.filing_id, c.game_type, c.withholding_amount
  FROM ${run}_financial f
  LEFT JOIN ${run}_sources s ON s.source_id = f.transaction_id AND s.filing_type = 'W2G'
  LEFT JOIN ${run}_compliance c ON c.filing_id = s.filing_id
  WHERE f.transaction_type = 'JACKPOT_PAYOUT'`;

/** Each cage marker's issue joined to its payment (if any). */
const markers = (run: ComplianceRun) => `
  SELECT i.marker_number, i.file_row_number AS issue_row, p.file_row_number AS paid_row, i.transaction_timestamp AS issued,
    p.transaction_timestamp AS paid, i.business_date AS issue_day, p.business_date AS paid_day, i.player_id AS issue_player,
    p.player_id AS paid_player, i.amount AS issue_amount, p.amount AS paid_amount
  FROM ${run}_financial i
  LEFT JOIN ${run}_financial p ON p.marker_number = i.marker_number AND p.transaction_type = 'MARKER_PAYMENT'
  WHERE i.transaction_type = 'MARKER_ISSUE'`;

describe('75-day run', () => {
  it('I23 ≥ 80 % of cage markers issued ≥ 30 days before end that no SAR cites are paid (precondition: ≥ 50 such markers)', async () => {
    const [r] = await db.all(`SELECT count(*) AS issued, count(paid_row) AS paid FROM (${markers('long')}) m
      WHERE issued <= ${window('long').end} - INTERVAL 30 DAY
        AND NOT EXISTS (SELECT 1 FROM long_sources s JOIN long_financial f ON f.transaction_id = s.source_id
          WHERE s.filing_type = 'SAR' AND f.file_row_number = m.issue_row)`);
    expect(Number(r.issued)).toBeGreaterThanOrEqual(50);
    expect(Number(r.paid) / Number(r.issued)).toBeGreaterThanOrEqual(0.8);
  });
});

describe.each(COMPLIANCE_RUNS)('run %s', (run) => {
  it('I1 exactly the requested rows; I2 the canonical columns of 7.1 in order with their types', async () => {
    expect(await db.num(`SELECT count(*) FROM ${run}_financial`)).toBe(RUNS[run].counts.financial);
    const described = await db.all(`DESCRIBE SELECT * EXCLUDE (file_row_number) FROM ${run}_financial`);
    expect(described.map((r) => `${r.column_name} ${r.column_type}`)).toEqual(
      SCHEMAS.financial.columns.map((c) => `${c.name} ${DUCKDB_TYPES[c.type]}`),
    );
  });

  it('I3 transaction_id and wire_reference are unique', async () => {
    expect(await db.violations(`SELECT transaction_id, count(*) AS n FROM ${run}_financial GROUP BY 1 HAVING n > 1`)).toEqual([]);
    expect(await db.violations(`SELECT wire_reference, count(*) AS n FROM ${run}_financial WHERE wire_reference IS NOT NULL GROUP BY 1 HAVING n > 1`)).toEqual([]);
  });

  it('I4 TXN- + 12 hex, cashiers EMP-00151–00250, supervisors EMP-00251–00270, MKR-C + issue row, CHK + 4 digits fixed per patron, WIRE- + 10 digits', async () => {
    const bad = `SELECT file_row_number, transaction_id, transaction_type, cashier_id, supervisor_id, player_id, check_number, wire_reference, marker_number
      FROM ${run}_financial WHERE
        NOT regexp_full_match(transaction_id, 'TXN-[0-9A-F]{12}')
        OR cashier_id NOT IN (SELECT employee_id FROM spec_roster WHERE role = 'Cashier')
        OR supervisor_id NOT IN (SELECT employee_id FROM spec_roster WHERE role = 'Cage supervisor')
        OR NOT regexp_full_match(player_id, 'P[0-9]{6,}')
        OR NOT regexp_full_match(marker_number, 'MKR-C[0-9]{6,}')
        OR (transaction_type = 'MARKER_ISSUE' AND marker_number IS DISTINCT FROM 'MKR-C' || seqno(file_row_number + 1, 6))
        OR NOT regexp_full_match(check_number, 'CHK[1-9][0-9]{3}')
        OR NOT regexp_full_match(wire_reference, 'WIRE-[0-9]{10}')`;
    expect(await db.violations(bad)).toEqual([]);
    // 3.3: a patron's check number is fixed (U{1000..9999} per patron, drawn in the world).
    const checks = `SELECT player_id, list(DISTINCT check_number) AS checks FROM ${run}_financial WHERE check_number IS NOT NULL
      GROUP BY 1 HAVING count(DISTINCT check_number) > 1`;
    expect(await db.violations(checks)).toEqual([]);
  });

  it('I5 every transaction_timestamp lies in [start, end); I6 the file is non-decreasing in transaction_timestamp', async () => {
    await expectTimestampsInOrder(db, run, 'financial', 'transaction_timestamp');
  });

  it('I7 _ingested_at = as_of, _source FinancialGenerator, _batch_id constant per chunk and distinct from every other chunk of the run', async () => {
    await expectMetadata(db, run, 'financial');
  });

  it('I8/I9 every player exists, is Active, not self-excluded, and enrollment_date ≤ gd(transaction_timestamp) ≤ last_visit_date', async () => {
    const bad = `SELECT f.file_row_number, f.player_id, gd(f.transaction_timestamp) AS gd, p.player_id AS found, p.account_status,
        p.self_excluded, p.enrollment_date, p.last_visit_date
      FROM ${run}_financial f LEFT JOIN ${run}_players p ON p.player_id = f.player_id
      WHERE p.player_id IS NULL OR p.account_status <> 'Active' OR p.self_excluded
        OR gd(f.transaction_timestamp) < p.enrollment_date OR gd(f.transaction_timestamp) > p.last_visit_date`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I10 per player, the distinct activity gaming days of slots, tables and financial ≤ total_visits', async () => {
    const activity = `
      SELECT player_id, gd(event_timestamp) AS gd FROM ${run}_slots WHERE player_id IS NOT NULL
      UNION SELECT player_id, gd(event_timestamp) FROM ${run}_tables WHERE player_id IS NOT NULL
      UNION SELECT player_id, gd(transaction_timestamp) FROM ${run}_financial`;
    const busy = `SELECT a.player_id, count(*) AS days, any_value(p.total_visits) AS total_visits
      FROM (${activity}) a JOIN ${run}_players p USING (player_id) GROUP BY 1 HAVING count(*) > any_value(p.total_visits)`;
    expect(await db.violations(busy)).toEqual([]);
  });

  it('7.1 business_date = gd(transaction_timestamp), shift from the hour, currency USD, amount > 0 in exact cents', async () => {
    const bad = `SELECT file_row_number, transaction_timestamp, business_date, shift, currency, amount FROM ${run}_financial
      WHERE business_date <> gd(transaction_timestamp) OR shift <> shift_of(transaction_timestamp) OR currency <> 'USD'
        OR NOT (amount > 0) OR round(amount, 2) <> amount`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('7.1 cage_location: ≥ 10,000, MARKER_ISSUE or WIRE_TRANSFER_IN → High Limit/VIP; else JACKPOT_PAYOUT → Main Cage; else one of the six cages', async () => {
    const bad = `SELECT file_row_number, transaction_type, amount, cage_location FROM ${run}_financial WHERE NOT (CASE
        WHEN amount >= 10000 OR transaction_type IN ('MARKER_ISSUE', 'WIRE_TRANSFER_IN') THEN cage_location IN ('High Limit', 'VIP')
        WHEN transaction_type = 'JACKPOT_PAYOUT' THEN cage_location = 'Main Cage'
        ELSE cage_location IN ${CAGES} END)`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('7.1 supervisor_id non-null exactly when amount ≥ 5,000, MARKER_ISSUE or CHECK_CASHING', async () => {
    const bad = `SELECT file_row_number, transaction_type, amount, supervisor_id FROM ${run}_financial
      WHERE (supervisor_id IS NOT NULL) <> (amount >= 5000 OR transaction_type IN ('MARKER_ISSUE', 'CHECK_CASHING'))`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('7.1 id_type and id_number_hash exactly when amount ≥ 3,000, CHECK_CASHING, JACKPOT_PAYOUT or counted cash on a CTR day; one document per player', async () => {
    expect(await db.num(`SELECT count(*) FROM (${cageRows(run)}) WHERE ctr_day_cash AND amount < 3000`), 'precondition: small counted rows on CTR days').toBeGreaterThan(0);
    const bad = `SELECT file_row_number, transaction_type, payment_method, amount, ctr_day_cash, id_type, id_number_hash FROM (${cageRows(run)})
      WHERE (id_type IS NOT NULL) <> (amount >= 3000 OR transaction_type IN ('CHECK_CASHING', 'JACKPOT_PAYOUT') OR ctr_day_cash)
        OR (id_number_hash IS NULL) <> (id_type IS NULL)
        OR id_type NOT IN ${ID_TYPES} OR NOT regexp_full_match(id_number_hash, '[0-9a-f]{64}')`;
    expect(await db.violations(bad)).toEqual([]);
    const documents = `SELECT player_id, list(DISTINCT id_type) AS types, count(DISTINCT id_number_hash) AS hashes FROM ${run}_financial
      WHERE id_type IS NOT NULL GROUP BY 1 HAVING count(DISTINCT id_type) > 1 OR count(DISTINCT id_number_hash) > 1`;
    expect(await db.violations(documents)).toEqual([]);
  });

  it('7.1 check_number exactly on CHECK_CASHING, wire_reference on wires, marker_number on MARKER_*, notes on JACKPOT_PAYOUT and MARKER_PAYMENT', async () => {
    const bad = `SELECT file_row_number, transaction_type, check_number, wire_reference, marker_number, notes FROM ${run}_financial WHERE
        (check_number IS NOT NULL) <> (transaction_type = 'CHECK_CASHING')
        OR (wire_reference IS NOT NULL) <> (transaction_type IN ('WIRE_TRANSFER_IN', 'WIRE_TRANSFER_OUT'))
        OR (marker_number IS NOT NULL) <> (transaction_type IN ('MARKER_ISSUE', 'MARKER_PAYMENT'))
        OR (notes IS NOT NULL) <> (transaction_type IN ('JACKPOT_PAYOUT', 'MARKER_PAYMENT'))`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('7.1 JACKPOT_PAYOUT notes = `W-2G <filing_id>; withheld $<withholding_amount>` of the W-2G that cites it ($1,234.56 form)', async () => {
    expect(await db.num(`SELECT count(*) FROM ${run}_financial WHERE transaction_type = 'JACKPOT_PAYOUT'`)).toBeGreaterThan(0);
    const bad = `SELECT * FROM (${payouts(run)}) WHERE notes IS DISTINCT FROM 'W-2G ' || filing_id || '; withheld ' || usd(withholding_amount)`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('7.1 MARKER_PAYMENT notes = `Marker <marker_number> issued <YYYY-MM-DD business_date of the issue row>`', async () => {
    expect(await db.num(`SELECT count(*) FROM ${run}_financial WHERE transaction_type = 'MARKER_PAYMENT'`)).toBeGreaterThan(0);
    const bad = `SELECT p.file_row_number, p.marker_number, p.notes, i.business_date AS issue_day
      FROM ${run}_financial p LEFT JOIN ${run}_financial i ON i.marker_number = p.marker_number AND i.transaction_type = 'MARKER_ISSUE'
      WHERE p.transaction_type = 'MARKER_PAYMENT'
        AND p.notes IS DISTINCT FROM 'Marker ' || p.marker_number || ' issued ' || strftime(i.business_date, '%Y-%m-%d')`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('7.2 transaction_type is one of the 14 types; payment_method follows the type; JACKPOT_PAYOUT: Slots/VP Cash or Check, other games Check', async () => {
    expect(await db.violations(`SELECT file_row_number, transaction_type FROM ${run}_financial WHERE transaction_type NOT IN ${list(TYPES)}`)).toEqual([]);
    const allowed = Object.entries(METHODS).flatMap(([type, methods]) => methods.map((m) => `('${type}', '${m}')`)).join(', ');
    const bad = `SELECT file_row_number, transaction_type, payment_method FROM ${run}_financial f
      WHERE NOT EXISTS (SELECT 1 FROM (VALUES ${allowed}) AS m(transaction_type, payment_method)
        WHERE m.transaction_type = f.transaction_type AND m.payment_method = f.payment_method)`;
    expect(await db.violations(bad)).toEqual([]);
    const jackpots = `SELECT * FROM (${payouts(run)}) WHERE game_type IS NULL
      OR (game_type NOT IN ('Slots', 'Video Poker') AND payment_method <> 'Check')`;
    expect(await db.violations(jackpots)).toEqual([]);
  });

  it('7.2/7.4 amounts by type: cash list, wires 5,000–500,000, markers 5,000…100,000, front money 1,000–100,000, checks 100–10,000; CTR-day parts whole hundreds ≤ 50,000', async () => {
    // SAR-cited rows keep the amounts of 7.4/9.3 (checked with their SAR), MARKER_PAYMENT = its issue (I23),
    // JACKPOT_PAYOUT = the W-2G's jackpot_amount (I29). A WIRE_TRANSFER_IN may be a counted row that 7.3 rule 3
    // converted, keeping its amount (≥ 100): only its upper bound is checked below 5,000.
    const ctrPart = `(ctr_day_cash AND amount % 100 = 0 AND amount <= 50000)`;
    const bad = `SELECT file_row_number, transaction_type, payment_method, amount, ctr_day_cash FROM (${cageRows(run)})
      WHERE transaction_id NOT IN (SELECT source_id FROM ${run}_sources WHERE filing_type = 'SAR')
        AND transaction_type NOT IN ('MARKER_PAYMENT', 'JACKPOT_PAYOUT')
        AND NOT (CASE transaction_type
          WHEN 'WIRE_TRANSFER_OUT' THEN amount BETWEEN 5000 AND 500000
          WHEN 'WIRE_TRANSFER_IN' THEN amount BETWEEN 100 AND 500000
          WHEN 'MARKER_ISSUE' THEN amount IN ${MARKER_AMOUNTS}
          WHEN 'FRONT_MONEY_DEPOSIT' THEN amount BETWEEN 1000 AND 100000 OR ${ctrPart}
          WHEN 'FRONT_MONEY_WITHDRAWAL' THEN amount BETWEEN 1000 AND 100000 OR ${ctrPart}
          WHEN 'CHECK_CASHING' THEN amount BETWEEN 100 AND 10000
          ELSE amount IN ${CASH_LIST} OR ${ctrPart} END)`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I23 cage markers: one MARKER_ISSUE per marker_number; at most one payment, later, same player and amount, within 30 gaming days; Gold or above', async () => {
    expect(await db.num(`SELECT count(*) FROM (${markers(run)}) WHERE paid_row IS NOT NULL`), 'precondition: paid cage markers').toBeGreaterThan(0);
    const counts = `SELECT marker_number, count(*) FILTER (WHERE transaction_type = 'MARKER_ISSUE') AS issues,
        count(*) FILTER (WHERE transaction_type = 'MARKER_PAYMENT') AS payments
      FROM ${run}_financial WHERE marker_number IS NOT NULL GROUP BY 1 HAVING issues <> 1 OR payments > 1`;
    expect(await db.violations(counts)).toEqual([]);
    const broken = `SELECT * FROM (${markers(run)}) WHERE paid_row IS NOT NULL AND (paid <= issued
      OR paid_player IS DISTINCT FROM issue_player OR paid_amount <> issue_amount OR paid_day > issue_day + 30)`;
    expect(await db.violations(broken)).toEqual([]);
    const tiers = `SELECT f.file_row_number, f.transaction_type, f.marker_number, f.player_id, p.loyalty_tier
      FROM ${run}_financial f LEFT JOIN ${run}_players p ON p.player_id = f.player_id
      WHERE f.transaction_type IN ('MARKER_ISSUE', 'MARKER_PAYMENT') AND coalesce(p.loyalty_tier NOT IN ${GOLD_PLUS}, true)`;
    expect(await db.violations(tiers)).toEqual([]);
  });
});
