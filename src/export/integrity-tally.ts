/**
 * The integrity checks' tally of one work unit (consecutive rows of one table), computed where the rows are
 * generated: what can be decided on the unit alone is counted, and what joins across units or tables leaves as
 * compact values (id hashes, player-day keys, the gaming days at the unit's edges) for IntegrityCollector to
 * merge in file order. Plain data with typed arrays, so it crosses threads cheaply.
 */
import { readString, type ColumnBatch } from '../generators/columns';
import { toCents } from '../generators/rng';
import { CASH_IN_TYPES, CASH_OUT_TYPES, COUNTED_PAYMENT_METHOD } from '../generators/rules/ctr';
import { findJurisdiction } from '../generators/scenario/jurisdictions';
import type { Scenario } from '../generators/scenario/types';
import { SCHEMAS } from '../generators/schema';
import type { TableKey } from '../generators/tables';
import { gamingDay } from '../generators/time/intensity';
import { DEFAULT_POPULATION } from '../generators/world';
import { columnsOf, hashBytes, nullableHash, playerNumber, type Columns, type StringColumn } from './batch-columns';
import { ByteVocabulary } from './byte-vocabulary';
import { HashSet53 } from './hash-set';
import { checkFiling, type FilingRow, type IntegrityPart } from './integrity-part';

export type { IntegrityPart } from './integrity-part';

const EVENT_ID_TABLES: readonly TableKey[] = ['slots', 'tables', 'security'];
const PLAYER_ID_TABLES: readonly TableKey[] = ['slots', 'tables', 'financial', 'security', 'compliance'];
const COUNTED_IN = new Set<string>(CASH_IN_TYPES);
const SEMICOLON = 59;
const COUNTED_OUT = new Set<string>(CASH_OUT_TYPES);
/** Cage transaction types and the counted payment method, read by comparing bytes (no string per cell). */
const TXN_TYPES = new ByteVocabulary([...CASH_IN_TYPES, ...CASH_OUT_TYPES], true);
const METHODS = new ByteVocabulary([COUNTED_PAYMENT_METHOD], false);

/** The thresholds the checks compare with, in cents (from the scenario's jurisdiction). */
export function thresholdsOf(scenario: Scenario): { slotCents: number; ctrCents: number } {
  const j = findJurisdiction(scenario.jurisdiction);
  return { slotCents: toCents(j?.w2g.Slots.threshold ?? 1_200), ctrCents: toCents(j?.ctr_threshold ?? 10_000) };
}

/** The tally of a unit's batches (in file order) of table `key`. */
export function tallyIntegrity(scenario: Scenario, key: TableKey, batches: readonly ColumnBatch[]): IntegrityPart {
  const tally = new UnitTally(scenario, key);
  for (const batch of batches) tally.add(batch);
  return tally.part();
}

class UnitTally {
  private rows = 0;
  private times: IntegrityPart['times'] = null;
  private readonly ids: number[] = [];
  private carded = 0;
  private unknownPlayers = 0;
  /** Player × 100,000 + day: non-negative below 2^53, kept unboxed (a Set of such numbers boxes each one). */
  private readonly activity = new HashSet53();
  private readonly players = { numbers: [] as number[], facts: [] as number[] };
  private readonly slots = { playsOverThreshold: 0, handPayCount: 0, handPays: new Map<string, number>() };
  private readonly financial = {
    payouts: [] as number[], flagged: [] as number[], tokens: new Map<number, [number, number]>(), tokenMismatches: 0,
    ctrRowsFlagged: 0, ctrRefsMissing: 0, ctrRefs: new Map<string, Set<number>>(), cash: new Map<string, [number, number, number]>(),
  };
  private readonly filings = { rows: [] as FilingRow[], deadlinesMissed: 0, referenceRulesBroken: 0 };
  private readonly thresholds: { slotCents: number; ctrCents: number };

  constructor(private readonly scenario: Scenario, private readonly key: TableKey) {
    this.thresholds = thresholdsOf(scenario);
  }

  add(batch: ColumnBatch): void {
    const { key } = this;
    const schema = SCHEMAS[key];
    const cols = columnsOf(key, batch);
    this.rows += batch.length;
    if (schema.timestampColumn && batch.length > 0) this.checkTimes(cols.time(schema.timestampColumn).values, batch.length);
    const idColumn = idColumnOf(key);
    if (idColumn) {
      const c = cols.str(idColumn);
      for (let r = 0; r < batch.length; r++) this.ids.push(hashBytes(c.bytes, c.offsets[r], c.offsets[r + 1]));
    }
    if (key === 'players') this.addPlayers(batch.length, cols);
    if (PLAYER_ID_TABLES.includes(key)) this.addCarded(batch.length, cols);
    if (key === 'slots') this.addSlots(batch.length, cols);
    if (key === 'financial') this.addFinancial(batch.length, cols);
    if (key === 'compliance') this.addCompliance(batch.length, cols);
  }

  part(): IntegrityPart {
    const { key, financial: f } = this;
    return {
      key, rows: this.rows, times: this.times,
      ids: idColumnOf(key) ? Float64Array.from(this.ids) : null,
      carded: this.carded, unknownPlayers: this.unknownPlayers, activity: this.activity.values(),
      players: key === 'players' ? { numbers: Float64Array.from(this.players.numbers), facts: Float64Array.from(this.players.facts) } : null,
      slots: key === 'slots' ? { ...this.slots, handPays: [...this.slots.handPays] } : null,
      financial: key === 'financial' ? {
        payouts: Float64Array.from(f.payouts), flagged: Float64Array.from(f.flagged),
        tokens: [...f.tokens].map(([p, [first, last]]) => [p, first, last]), tokenMismatches: f.tokenMismatches,
        ctrRowsFlagged: f.ctrRowsFlagged, ctrRefsMissing: f.ctrRefsMissing,
        ctrRefs: [...f.ctrRefs].flatMap(([day, refs]) => [...refs].map((ref): [string, number] => [day, ref])),
        cash: this.cashDays(),
      } : null,
      compliance: key === 'compliance' ? this.filings : null,
    };
  }

  private checkTimes(values: Float64Array, n: number): void {
    const { start, end } = this.scenario;
    let last = this.times?.last ?? values[0];
    let outside = 0;
    let unsorted = 0;
    for (let r = 0; r < n; r++) {
      const t = values[r];
      if (t < start || t >= end) outside++;
      if (t < last) unsorted++;
      last = t;
    }
    const before = this.times;
    this.times = { first: before?.first ?? values[0], last, outside: (before?.outside ?? 0) + outside, unsorted: (before?.unsorted ?? 0) + unsorted };
  }

  private addPlayers(n: number, cols: Columns): void {
    const id = cols.str('player_id');
    const status = cols.str('account_status');
    const excluded = cols.bool('self_excluded');
    const enrolled = cols.date('enrollment_date');
    const last = cols.date('last_visit_date');
    const ssn = cols.str('ssn_hash');
    const dob = cols.date('date_of_birth');
    for (let r = 0; r < n; r++) {
      this.players.numbers.push(playerNumber(id, r));
      const eligible = readString(status, r) === 'Active' && !excluded.values[r] ? 1 : 0;
      this.players.facts.push(eligible, enrolled.values[r], last.values[r], nullableHash(ssn, r), dob.values[r]);
    }
  }

  private addCarded(n: number, cols: Columns): void {
    const { key } = this;
    const c = cols.str('player_id');
    const dayOf = activityDays(key, cols);
    const known = this.scenario.counts.players ?? DEFAULT_POPULATION;
    for (let r = 0; r < n; r++) {
      const p = playerNumber(c, r);
      if (p < 0 && c.valid && c.valid[r] === 0) continue;
      this.carded++;
      // The players file holds exactly P000001…P<N> (checked on merge), so a join is a range check.
      if (p < 1 || p > known) this.unknownPlayers++;
      if (dayOf && p >= 0) this.activity.add(p * 100_000 + dayOf(r));
    }
  }

  private addSlots(n: number, cols: Columns): void {
    const type = cols.str('event_type');
    const jackpot = cols.f64('jackpot_amount');
    const coinOut = cols.f64('coin_out');
    const player = cols.str('player_id');
    const machine = cols.str('machine_id');
    const time = cols.time('event_timestamp');
    const threshold = this.thresholds.slotCents;
    for (let r = 0; r < n; r++) {
      const first = type.bytes[type.offsets[r]];
      // JACKPOT and GAME_PLAY are the only types starting with J and G.
      if (first === 71 && toCents(coinOut.values[r]) >= threshold) this.slots.playsOverThreshold++;
      if (first !== 74 || toCents(jackpot.values[r]) < threshold) continue;
      this.slots.handPayCount++;
      const key = `${readString(player, r)}|${readString(machine, r)}|${toCents(jackpot.values[r])}|${gamingDay(time.values[r])}`;
      this.slots.handPays.set(key, (this.slots.handPays.get(key) ?? 0) + 1);
    }
  }

  private addFinancial(n: number, cols: Columns): void {
    const type = cols.str('transaction_type');
    const method = cols.str('payment_method');
    const amount = cols.f64('amount');
    const player = cols.str('player_id');
    const day = cols.date('business_date');
    const id = cols.str('transaction_id');
    const flag = cols.bool('suspicious_activity_flag');
    const required = cols.bool('ctr_required');
    const reference = cols.str('ctr_reference');
    const idHash = cols.str('id_number_hash');
    const f = this.financial;
    for (let r = 0; r < n; r++) {
      const h = hashBytes(id.bytes, id.offsets[r], id.offsets[r + 1]);
      const t = TXN_TYPES.valueOf(type, r) ?? '';
      const p = playerNumber(player, r);
      const token = nullableHash(idHash, r);
      if (token !== -1) {
        const seen = f.tokens.get(p);
        if (seen && seen[1] !== token) f.tokenMismatches++;
        f.tokens.set(p, [seen?.[0] ?? token, token]);
      }
      if (required.values[r]) {
        f.ctrRowsFlagged++;
        const ref = nullableHash(reference, r);
        if (ref === -1) f.ctrRefsMissing++;
        const key = `${p}|${day.values[r]}`;
        f.ctrRefs.set(key, (f.ctrRefs.get(key) ?? new Set<number>()).add(ref));
      }
      if (t === 'JACKPOT_PAYOUT') f.payouts.push(h);
      if (flag.values[r]) f.flagged.push(h);
      if (METHODS.indexOf(method, r) !== 0 || (!COUNTED_IN.has(t) && !COUNTED_OUT.has(t))) continue;
      const key = `${p}|${day.values[r]}`;
      const sums = f.cash.get(key) ?? [0, 0, day.values[r]];
      sums[COUNTED_IN.has(t) ? 0 : 1] += toCents(amount.values[r]);
      f.cash.set(key, sums);
    }
  }

  /** Counted cash per patron-day: the unit's first and last gaming days in full (they may continue in the next or previous unit), the days between only when over the threshold. */
  private cashDays(): NonNullable<IntegrityPart['financial']>['cash'] {
    let first = Infinity;
    let last = -Infinity;
    for (const [, , day] of this.financial.cash.values()) {
      first = Math.min(first, day);
      last = Math.max(last, day);
    }
    const edges: [string, number, number, number][] = [];
    const over: [string, number, number][] = [];
    const limit = this.thresholds.ctrCents;
    for (const [key, [inCents, outCents, day]] of this.financial.cash) {
      if (day === first || day === last) edges.push([key, inCents, outCents, day]);
      else if (inCents > limit || outCents > limit) over.push([key, inCents, outCents]);
    }
    return { edges, over };
  }

  private addCompliance(n: number, cols: Columns): void {
    const type = cols.str('filing_type');
    const player = cols.str('player_id');
    const day = cols.date('transaction_date');
    const sources = cols.str('source_ids');
    const filingId = cols.str('filing_id');
    const time = cols.time('filing_timestamp');
    const status = cols.str('status');
    const game = cols.str('game_type');
    const machine = cols.str('machine_id');
    const [cashIn, cashOut, jackpot] = ['cash_in_amount', 'cash_out_amount', 'jackpot_amount'].map((c) => cols.f64(c).values);
    const [filingDate, dueDate, dob] = ['filing_date', 'due_date', 'date_of_birth'].map((c) => cols.date(c).values);
    const [fincen, irs, amended, ssn, idHash] = ['fincen_reference', 'irs_reference', 'amended_from', 'ssn_hash', 'id_number_hash'].map((c) => cols.str(c));
    const asOfDay = Math.floor((this.scenario.as_of - 1) / 86_400_000_000);
    for (let r = 0; r < n; r++) {
      const kind = readString(type, r) ?? '';
      const p = playerNumber(player, r);
      if (p >= 0) this.activity.add(p * 100_000 + day.values[r]);
      const deadlines = checkFiling(kind, readString(status, r)!, day.values[r], filingDate[r], dueDate[r],
        Math.floor(time.values[r] / 86_400_000_000), asOfDay, [nullableHash(fincen, r), nullableHash(irs, r), nullableHash(amended, r)]);
      if (!deadlines.inTime) this.filings.deadlinesMissed++;
      if (!deadlines.references) this.filings.referenceRulesBroken++;
      const g = readString(game, r);
      const slotW2g = kind === 'W2G' && (g === 'Slots' || g === 'Video Poker');
      this.filings.rows.push({
        kind, player: p, day: day.values[r], sources: sourceHashes(sources, r),
        ssn: nullableHash(ssn, r), dob: dob[r], token: nullableHash(idHash, r),
        filingId: hashBytes(filingId.bytes, filingId.offsets[r], filingId.offsets[r + 1]),
        inCents: toCents(cashIn[r]), outCents: toCents(cashOut[r]),
        w2gKey: slotW2g ? `${readString(player, r)}|${readString(machine, r)}|${toCents(jackpot[r])}|${day.values[r]}` : null,
      });
    }
  }
}

/** hashText of each `;`-separated id of a source_ids cell, hashed from the cell's bytes (no strings). */
function sourceHashes(column: StringColumn, r: number): number[] {
  const { bytes } = column;
  const hashes: number[] = [];
  const end = column.offsets[r + 1];
  for (let from = column.offsets[r], at = from; at <= end; at++) {
    if (at < end && bytes[at] !== SEMICOLON) continue;
    hashes.push(hashBytes(bytes, from, at));
    from = at + 1;
  }
  return hashes;
}

/** The column that identifies a row (I3), or null for the players (their ids are checked as a roster). */
function idColumnOf(key: TableKey): string | null {
  return EVENT_ID_TABLES.includes(key) ? 'event_id' : key === 'financial' ? 'transaction_id' : key === 'compliance' ? 'filing_id' : null;
}

/** The gaming day of each carded row of slots, tables or financial (I9); null for the other tables. */
function activityDays(key: TableKey, cols: Columns): ((r: number) => number) | null {
  if (key === 'financial') {
    const days = cols.date('business_date').values;
    return (r) => days[r];
  }
  if (key !== 'slots' && key !== 'tables') return null;
  const times = cols.time('event_timestamp').values;
  return (r) => gamingDay(times[r]);
}
