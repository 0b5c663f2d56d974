/**
 * The coherence checks of SPEC 12, computed on the rows a run writes, as they stream by (no second
 * generation pass): each check says pass or fail with the counts behind it, e.g. "W-2G: 412 filings,
 * 412 matching jackpots". Ids are kept as 52-bit hashes of their bytes, so memory stays small.
 */
import { readString, type ColumnBatch, type ColumnData } from '../generators/columns';
import { toCents } from '../generators/rng';
import { findJurisdiction } from '../generators/scenario/jurisdictions';
import type { Scenario } from '../generators/scenario/types';
import { SCHEMAS } from '../generators/schema';
import type { TableKey } from '../generators/tables';
import { HashSet53 } from './hash-set';
import { CASH_IN_TYPES, CASH_OUT_TYPES } from '../generators/rules/ctr';
import { DEFAULT_POPULATION } from '../generators/world';
import { gamingDay } from '../generators/time/intensity';

export interface IntegrityCheck {
  /** SPEC 12 invariant ids, e.g. `I31`. */
  readonly id: string;
  readonly title: string;
  readonly pass: boolean;
  readonly detail: string;
}

export type StringColumn = Extract<ColumnData, { type: 'string' }>;
type Typed<T extends ColumnData['type']> = Extract<ColumnData, { type: T }>;

/** A batch's columns by name, typed as the schema declares them. */
export interface Columns {
  str(name: string): StringColumn;
  f64(name: string): Typed<'float64'>;
  date(name: string): Typed<'date'>;
  bool(name: string): Typed<'bool'>;
  time(name: string): Typed<'timestamp'>;
}

export function columnsOf(key: TableKey, batch: ColumnBatch): Columns {
  const columns = SCHEMAS[key].columns;
  const get = (name: string, type: ColumnData['type']): ColumnData => {
    const column = batch.columns[columns.findIndex((c) => c.name === name)];
    if (column?.type !== type) throw new Error(`${key}.${name} is not a ${type} column`);
    return column;
  };
  return {
    str: (name) => get(name, 'string') as StringColumn,
    f64: (name) => get(name, 'float64') as Typed<'float64'>,
    date: (name) => get(name, 'date') as Typed<'date'>,
    bool: (name) => get(name, 'bool') as Typed<'bool'>,
    time: (name) => get(name, 'timestamp') as Typed<'timestamp'>,
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const EVENT_ID_TABLES: readonly TableKey[] = ['slots', 'tables', 'security'];
const PLAYER_ID_TABLES: readonly TableKey[] = ['slots', 'tables', 'financial', 'security', 'compliance'];
const COUNTED_IN = new Set<string>(CASH_IN_TYPES);
const COUNTED_OUT = new Set<string>(CASH_OUT_TYPES);

/** A 52-bit hash of bytes [from, to): two FNV-1a variants combined (ids are checked, not stored). */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = from; i < to; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}

const hashText = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return hashBytes(bytes, 0, bytes.length);
};

/** The number of `P000123` at row r, or −1 for null / another shape. */
export function playerNumber(column: StringColumn, r: number): number {
  if (column.valid && column.valid[r] === 0) return -1;
  const from = column.offsets[r];
  const to = column.offsets[r + 1];
  if (column.bytes[from] !== 80) return -1;
  let n = 0;
  for (let i = from + 1; i < to; i++) n = n * 10 + (column.bytes[i] - 48);
  return n;
}

class IdSet {
  readonly seen = new HashSet53();
  duplicates = 0;
  add(column: StringColumn, r: number): void {
    if (!this.seen.add(hashBytes(column.bytes, column.offsets[r], column.offsets[r + 1]))) this.duplicates++;
  }
}

export class IntegrityCollector {
  private readonly rows = new Map<TableKey, number>();
  private readonly ids = new Map<TableKey, IdSet>();
  private readonly outOfWindow = new Map<TableKey, number>();
  private readonly unsorted = new Map<TableKey, number>();
  private readonly lastTime = new Map<TableKey, number>();
  private readonly playerIds = new Set<number>();
  private unknownPlayers = 0;
  private carded = 0;
  private readonly slotThresholdCents: number;
  private readonly ctrThresholdCents: number;
  /** (player|machine|cents|day) of slot jackpots at or above the W-2G threshold, with multiplicity. */
  private readonly handPays = new Map<string, number>();
  private handPayCount = 0;
  private playsOverThreshold = 0;
  /** Counted cash per `player|day`: [in, out] cents. */
  private readonly cash = new Map<string, [number, number]>();
  private readonly payouts = new Set<number>();
  private readonly flagged = new Set<number>();
  private readonly ctrs: { key: string; inCents: number; outCents: number }[] = [];
  private readonly w2gKeys = new Map<string, number>();
  private w2g = 0;
  private w2gSlot = 0;
  private w2gPayoutsFound = 0;
  private readonly payoutsNamed = new Set<number>();
  private sar = 0;
  private sarSources = 0;
  private sarSourcesFlagged = 0;
  private sources = 0;
  private sourcesResolved = 0;
  /** Per player (from the players file): [eligible 0/1, enrollment day, last visit day, ssn hash, birth day]. */
  private readonly playerFacts = new Map<number, [number, number, number, number, number]>();
  /** Distinct (player, gaming day) of carded activity rows, and compliance (player, transaction_date). */
  private readonly activity = new Set<number>();
  /** Financial rows: counted cash of a CTR day should carry its CTR's filing id. */
  private readonly ctrRefs = new Map<string, Set<number>>();
  private ctrRefsMissing = 0;
  private ctrRowsFlagged = 0;
  /** ID-document tokens per player, seen in financial rows. */
  private readonly idTokens = new Map<number, number>();
  private readonly ctrFilingIds = new Map<string, number>();
  private compliance = 0;
  private deadlinesMissed = 0;
  private referenceRulesBroken = 0;
  private identityMismatches = 0;

  constructor(private readonly scenario: Scenario) {
    const j = findJurisdiction(scenario.jurisdiction);
    this.slotThresholdCents = toCents(j?.w2g.Slots.threshold ?? 1_200);
    this.ctrThresholdCents = toCents(j?.ctr_threshold ?? 10_000);
  }

  add(key: TableKey, batch: ColumnBatch): void {
    const schema = SCHEMAS[key];
    const cols = columnsOf(key, batch);
    this.rows.set(key, (this.rows.get(key) ?? 0) + batch.length);
    if (schema.timestampColumn) this.checkTimes(key, cols.time(schema.timestampColumn), batch.length);
    const idColumn = EVENT_ID_TABLES.includes(key) ? 'event_id' : key === 'financial' ? 'transaction_id' : key === 'compliance' ? 'filing_id' : null;
    if (idColumn) {
      const ids = this.ids.get(key) ?? new IdSet();
      this.ids.set(key, ids);
      const c = cols.str(idColumn);
      for (let r = 0; r < batch.length; r++) ids.add(c, r);
    }
    if (key === 'players') this.addPlayers(batch, cols);
    if (PLAYER_ID_TABLES.includes(key)) {
      const c = cols.str('player_id');
      const dayOf = activityDays(key, cols);
      const known = this.scenario.counts.players ?? DEFAULT_POPULATION;
      for (let r = 0; r < batch.length; r++) {
        const n = playerNumber(c, r);
        if (n < 0 && c.valid && c.valid[r] === 0) continue;
        this.carded++;
        // The players file holds exactly P000001…P<N> (checked below), so a join is a range check.
        if (n < 1 || n > known) this.unknownPlayers++;
        if (dayOf) this.activity.add(n * 100_000 + dayOf(r));
      }
    }
    if (key === 'slots') this.addSlots(batch, cols);
    if (key === 'financial') this.addFinancial(batch, cols);
    if (key === 'compliance') this.addCompliance(batch, cols);
  }

  private addPlayers(batch: ColumnBatch, cols: Columns): void {
    const id = cols.str('player_id');
    const status = cols.str('account_status');
    const excluded = cols.bool('self_excluded');
    const enrolled = cols.date('enrollment_date');
    const last = cols.date('last_visit_date');
    const ssn = cols.str('ssn_hash');
    const dob = cols.date('date_of_birth');
    for (let r = 0; r < batch.length; r++) {
      const n = playerNumber(id, r);
      this.playerIds.add(n);
      const eligible = readString(status, r) === 'Active' && !excluded.values[r] ? 1 : 0;
      this.playerFacts.set(n, [eligible, enrolled.values[r], last.values[r], nullableHash(ssn, r), dob.values[r]]);
    }
  }

  private checkTimes(key: TableKey, times: Typed<'timestamp'>, n: number): void {
    let last = this.lastTime.get(key) ?? -Infinity;
    let outside = 0;
    let unsorted = 0;
    for (let r = 0; r < n; r++) {
      const t = times.values[r];
      if (t < this.scenario.start || t >= this.scenario.end) outside++;
      if (t < last) unsorted++;
      last = t;
    }
    this.lastTime.set(key, last);
    this.outOfWindow.set(key, (this.outOfWindow.get(key) ?? 0) + outside);
    this.unsorted.set(key, (this.unsorted.get(key) ?? 0) + unsorted);
  }

  private addSlots(batch: ColumnBatch, cols: Columns): void {
    const type = cols.str('event_type');
    const jackpot = cols.f64('jackpot_amount');
    const coinOut = cols.f64('coin_out');
    const player = cols.str('player_id');
    const machine = cols.str('machine_id');
    const time = cols.time('event_timestamp');
    for (let r = 0; r < batch.length; r++) {
      const first = type.bytes[type.offsets[r]];
      // JACKPOT and GAME_PLAY are the only types starting with J and G.
      if (first === 71 && toCents(coinOut.values[r]) >= this.slotThresholdCents) this.playsOverThreshold++;
      if (first !== 74 || toCents(jackpot.values[r]) < this.slotThresholdCents) continue;
      this.handPayCount++;
      const key = `${readString(player, r)}|${readString(machine, r)}|${toCents(jackpot.values[r])}|${gamingDay(time.values[r])}`;
      this.handPays.set(key, (this.handPays.get(key) ?? 0) + 1);
    }
  }

  private addFinancial(batch: ColumnBatch, cols: Columns): void {
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
    for (let r = 0; r < batch.length; r++) {
      const h = hashBytes(id.bytes, id.offsets[r], id.offsets[r + 1]);
      const t = readString(type, r)!;
      const p = playerNumber(player, r);
      const token = nullableHash(idHash, r);
      if (token !== -1) {
        if ((this.idTokens.get(p) ?? token) !== token) this.identityMismatches++;
        this.idTokens.set(p, token);
      }
      if (required.values[r]) {
        this.ctrRowsFlagged++;
        const ref = nullableHash(reference, r);
        if (ref === -1) this.ctrRefsMissing++;
        const refs = this.ctrRefs.get(`${p}|${day.values[r]}`) ?? new Set<number>();
        refs.add(ref);
        this.ctrRefs.set(`${p}|${day.values[r]}`, refs);
      }
      if (t === 'JACKPOT_PAYOUT') this.payouts.add(h);
      if (flag.values[r]) this.flagged.add(h);
      if (readString(method, r) !== 'Cash') continue;
      if (!COUNTED_IN.has(t) && !COUNTED_OUT.has(t)) continue;
      const side = COUNTED_IN.has(t) ? 0 : 1;
      const key = `${playerNumber(player, r)}|${day.values[r]}`;
      const sums = this.cash.get(key) ?? [0, 0];
      sums[side] += toCents(amount.values[r]);
      this.cash.set(key, sums);
    }
  }

  private addCompliance(batch: ColumnBatch, cols: Columns): void {
    const type = cols.str('filing_type');
    const player = cols.str('player_id');
    const day = cols.date('transaction_date');
    const cashIn = cols.f64('cash_in_amount');
    const cashOut = cols.f64('cash_out_amount');
    const game = cols.str('game_type');
    const machine = cols.str('machine_id');
    const jackpot = cols.f64('jackpot_amount');
    const sources = cols.str('source_ids');
    const filingId = cols.str('filing_id');
    const filingDate = cols.date('filing_date');
    const dueDate = cols.date('due_date');
    const filingTime = cols.time('filing_timestamp');
    const status = cols.str('status');
    const fincen = cols.str('fincen_reference');
    const irs = cols.str('irs_reference');
    const amended = cols.str('amended_from');
    const ssn = cols.str('ssn_hash');
    const dob = cols.date('date_of_birth');
    const idHash = cols.str('id_number_hash');
    const asOfDay = Math.floor((this.scenario.as_of - 1) / 86_400_000_000);
    const slotIds = this.ids.get('slots')?.seen;
    const txnIds = this.ids.get('financial')?.seen;
    for (let r = 0; r < batch.length; r++) {
      const kind = readString(type, r);
      const ids = readString(sources, r)!.split(';').map(hashText);
      const p = playerNumber(player, r);
      this.compliance++;
      this.activity.add(p * 100_000 + day.values[r]);
      this.checkFiling(kind, readString(status, r)!, day.values[r], filingDate.values[r], dueDate.values[r],
        Math.floor(filingTime.values[r] / 86_400_000_000), asOfDay, [nullableHash(fincen, r), nullableHash(irs, r), nullableHash(amended, r)]);
      const facts = this.playerFacts.get(p);
      if (facts && (facts[3] !== nullableHash(ssn, r) || facts[4] !== dob.values[r])) this.identityMismatches++;
      const token = nullableHash(idHash, r);
      if ((this.idTokens.get(p) ?? token) !== token) this.identityMismatches++;
      if (kind === 'CTR') this.ctrFilingIds.set(`${p}|${day.values[r]}`, hashBytes(filingId.bytes, filingId.offsets[r], filingId.offsets[r + 1]));
      this.sources += ids.length;
      this.sourcesResolved += ids.filter((h) => slotIds?.has(h) || txnIds?.has(h)).length;
      if (kind === 'CTR') {
        this.ctrs.push({ key: `${playerNumber(player, r)}|${day.values[r]}`, inCents: toCents(cashIn.values[r]), outCents: toCents(cashOut.values[r]) });
      } else if (kind === 'SAR') {
        this.sar++;
        this.sarSources += ids.length;
        this.sarSourcesFlagged += ids.filter((h) => this.flagged.has(h)).length;
      } else {
        this.w2g++;
        const payout = ids.filter((h) => this.payouts.has(h));
        if (payout.length === 1 && !this.payoutsNamed.has(payout[0])) {
          this.w2gPayoutsFound++;
          this.payoutsNamed.add(payout[0]);
        }
        const g = readString(game, r);
        if (g === 'Slots' || g === 'Video Poker') {
          this.w2gSlot++;
          const key = `${readString(player, r)}|${readString(machine, r)}|${toCents(jackpot.values[r])}|${day.values[r]}`;
          this.w2gKeys.set(key, (this.w2gKeys.get(key) ?? 0) + 1);
        }
      }
    }
  }

  /** I36 deadlines and status against as_of; I37 which references a filing carries. */
  private checkFiling(kind: string | null, status: string, day: number, filing: number, due: number, detected: number, asOfDay: number, refs: number[]): void {
    const [fincen, irs, amended] = refs.map((h) => h !== -1);
    const pending = status === 'Draft' || status === 'Pending Review';
    let ok = true;
    if (kind === 'CTR') ok = day + 1 <= filing && filing <= day + 15 && due === day + 15 && pending === filing > asOfDay;
    else if (kind === 'SAR') ok = detected <= filing && filing <= due && due === detected + 30 && pending === filing > asOfDay;
    else ok = filing === day && status === 'Filed';
    if (!ok) this.deadlinesMissed++;
    const filed = status === 'Filed' || status === 'Amended';
    const refsOk = kind === 'W2G' ? irs && !fincen && !amended : !irs && fincen === filed && amended === (status === 'Amended');
    if (!refsOk) this.referenceRulesBroken++;
  }

  /** The checks that apply to the tables written. */
  result(): IntegrityCheck[] {
    const checks: IntegrityCheck[] = [];
    const has = (key: TableKey) => this.scenario.counts[key] !== null;
    const written = [...this.rows.keys()];
    const wrongCounts = written.filter((k) => this.rows.get(k) !== this.scenario.counts[k]);
    checks.push({ id: 'I1', title: 'Row counts', pass: wrongCounts.length === 0, detail: written.map((k) => `${SCHEMAS[k].stem} ${fmt(this.rows.get(k) ?? 0)}`).join(', ') });
    const dups = [...this.ids].map(([k, s]) => [k, s.duplicates] as const);
    checks.push({ id: 'I3', title: 'Unique ids', pass: dups.every(([, d]) => d === 0), detail: dups.map(([k, d]) => `${SCHEMAS[k].stem}: ${fmt(this.ids.get(k)!.seen.size)} distinct, ${fmt(d)} repeated`).join('; ') || 'no id column written' });
    const outside = [...this.outOfWindow.values()].reduce((a, b) => a + b, 0);
    const unsorted = [...this.unsorted.values()].reduce((a, b) => a + b, 0);
    checks.push({ id: 'I5 I6', title: 'Timestamps in the window and in order', pass: outside === 0 && unsorted === 0, detail: `${fmt(outside)} outside the window, ${fmt(unsorted)} out of order` });
    const players = this.scenario.counts.players;
    const roster = players === null || (this.playerIds.size === players && [...this.playerIds].every((n) => n >= 1 && n <= players));
    checks.push({ id: 'I8', title: 'Every player id joins the players', pass: this.unknownPlayers === 0 && roster, detail: `${fmt(this.carded)} carded rows, ${fmt(this.unknownPlayers)} unknown players${players === null ? '' : `; players P000001…P${String(players).padStart(6, '0')} all present: ${roster ? 'yes' : 'no'}`}` });
    if (has('slots')) {
      const cap = Math.floor(0.05 * (this.rows.get('slots') ?? 0));
      checks.push({ id: 'I17', title: 'Slot payouts below the W-2G threshold except hand pays (≤ 5 %)', pass: this.playsOverThreshold === 0 && this.handPayCount <= cap, detail: `${fmt(this.playsOverThreshold)} plays at or over the threshold; ${fmt(this.handPayCount)} hand-pay jackpots (cap ${fmt(cap)})` });
    }
    if (has('compliance')) {
      let matched = 0;
      for (const [key, n] of this.w2gKeys) matched += Math.min(n, this.handPays.get(key) ?? 0);
      checks.push({ id: 'I28', title: 'W-2G ↔ slot jackpots', pass: matched === this.w2gSlot && matched === this.handPayCount, detail: `W-2G: ${fmt(this.w2gSlot)} slot filings, ${fmt(matched)} matching jackpots, ${fmt(this.handPayCount)} jackpots at or over the threshold` });
      checks.push({ id: 'I29', title: 'W-2G ↔ jackpot payouts', pass: this.w2gPayoutsFound === this.w2g && this.payouts.size === this.w2g, detail: `${fmt(this.w2g)} W-2Gs, ${fmt(this.w2gPayoutsFound)} with their own payout, ${fmt(this.payouts.size)} payouts in the cage` });
      const over = [...this.cash].filter(([, [i, o]]) => i > this.ctrThresholdCents || o > this.ctrThresholdCents);
      const ctrByKey = new Map(this.ctrs.map((c) => [c.key, c]));
      const exact = over.filter(([key, [i, o]]) => {
        const c = ctrByKey.get(key);
        return c !== undefined && c.inCents === i && c.outCents === o;
      }).length;
      checks.push({ id: 'I31', title: 'CTR ↔ counted cash', pass: exact === over.length && this.ctrs.length === over.length && ctrByKey.size === this.ctrs.length, detail: `CTR: ${fmt(this.ctrs.length)} filings, ${fmt(over.length)} patron-days over ${fmtDollars(this.ctrThresholdCents)}, ${fmt(exact)} with equal totals` });
      const ctrDays = [...this.ctrRefs].filter(([key, refs]) => refs.size === 1 && this.ctrFilingIds.get(key) === [...refs][0]).length;
      checks.push({ id: 'I32', title: 'Cage rows carry their CTR', pass: this.ctrRefsMissing === 0 && ctrDays === this.ctrs.length && this.ctrRefs.size === this.ctrs.length, detail: `${fmt(this.ctrRowsFlagged)} rows marked ctr_required over ${fmt(this.ctrRefs.size)} patron-days, ${fmt(ctrDays)} naming their CTR` });
      checks.push({ id: 'I34', title: 'SAR sources are flagged cage rows', pass: this.sarSourcesFlagged === this.sarSources, detail: `SAR: ${fmt(this.sar)} filings citing ${fmt(this.sarSources)} transactions, ${fmt(this.sarSourcesFlagged)} flagged suspicious` });
      checks.push({ id: 'I35', title: 'Every source id resolves', pass: this.sourcesResolved === this.sources, detail: `${fmt(this.sources)} source ids, ${fmt(this.sourcesResolved)} found in slots or financial` });
    }
    if (has('compliance')) {
      checks.push({ id: 'I36', title: 'Filing deadlines and status', pass: this.deadlinesMissed === 0, detail: `${fmt(this.compliance)} filings, ${fmt(this.deadlinesMissed)} outside their deadlines or with a status that contradicts as_of` });
      checks.push({ id: 'I37', title: 'FinCEN and IRS references', pass: this.referenceRulesBroken === 0, detail: `${fmt(this.referenceRulesBroken)} filings with a reference their status or type does not allow` });
    }
    if (has('players') && (has('financial') || has('compliance'))) {
      checks.push({ id: 'I38', title: 'Identity tokens join across tables', pass: this.identityMismatches === 0, detail: `${fmt(this.identityMismatches)} SSN, birth date or ID-document tokens that differ from the player's` });
    }
    if (has('players')) {
      let ineligible = 0;
      for (const key of this.activity) {
        const facts = this.playerFacts.get(Math.floor(key / 100_000));
        const d = key % 100_000;
        if (!facts || !facts[0] || d < facts[1] || d > facts[2]) ineligible++;
      }
      checks.push({ id: 'I9', title: 'Activity only by eligible players on visit days', pass: ineligible === 0, detail: `${fmt(this.activity.size)} player-days of carded activity and filings, ${fmt(ineligible)} by an inactive or excluded player or outside enrollment … last visit` });
    }
    return checks;
  }
}

/** A 52-bit hash of a string cell, or −1 when null. */
function nullableHash(column: StringColumn, r: number): number {
  return column.valid && column.valid[r] === 0 ? -1 : hashBytes(column.bytes, column.offsets[r], column.offsets[r + 1]);
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

const fmtDollars = (cents: number) => `$${fmt(cents / 100)}`;
