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

type StringColumn = Extract<ColumnData, { type: 'string' }>;

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
function playerNumber(column: StringColumn, r: number): number {
  if (column.valid && column.valid[r] === 0) return -1;
  const from = column.offsets[r];
  const to = column.offsets[r + 1];
  if (column.bytes[from] !== 80) return -1;
  let n = 0;
  for (let i = from + 1; i < to; i++) n = n * 10 + (column.bytes[i] - 48);
  return n;
}

class IdSet {
  readonly seen = new Set<number>();
  duplicates = 0;
  add(column: StringColumn, r: number): void {
    const h = hashBytes(column.bytes, column.offsets[r], column.offsets[r + 1]);
    if (this.seen.has(h)) this.duplicates++;
    else this.seen.add(h);
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

  constructor(private readonly scenario: Scenario) {
    const j = findJurisdiction(scenario.jurisdiction);
    this.slotThresholdCents = toCents(j?.w2g.Slots.threshold ?? 1_200);
    this.ctrThresholdCents = toCents(j?.ctr_threshold ?? 10_000);
  }

  add(key: TableKey, batch: ColumnBatch): void {
    const schema = SCHEMAS[key];
    const column = (name: string) => batch.columns[schema.columns.findIndex((c) => c.name === name)];
    this.rows.set(key, (this.rows.get(key) ?? 0) + batch.length);
    if (schema.timestampColumn) this.checkTimes(key, column(schema.timestampColumn) as Extract<ColumnData, { type: 'timestamp' }>, batch.length);
    const idColumn = EVENT_ID_TABLES.includes(key) ? 'event_id' : key === 'financial' ? 'transaction_id' : key === 'compliance' ? 'filing_id' : null;
    if (idColumn) {
      const ids = this.ids.get(key) ?? new IdSet();
      this.ids.set(key, ids);
      const c = column(idColumn) as StringColumn;
      for (let r = 0; r < batch.length; r++) ids.add(c, r);
    }
    if (key === 'players') {
      const c = column('player_id') as StringColumn;
      for (let r = 0; r < batch.length; r++) this.playerIds.add(playerNumber(c, r));
    }
    if (PLAYER_ID_TABLES.includes(key)) {
      const c = column('player_id') as StringColumn;
      const known = this.scenario.counts.players ?? DEFAULT_POPULATION;
      for (let r = 0; r < batch.length; r++) {
        const n = playerNumber(c, r);
        if (n < 0 && c.valid && c.valid[r] === 0) continue;
        this.carded++;
        // The players file holds exactly P000001…P<N> (checked below), so a join is a range check.
        if (n < 1 || n > known) this.unknownPlayers++;
      }
    }
    if (key === 'slots') this.addSlots(batch, column);
    if (key === 'financial') this.addFinancial(batch, column);
    if (key === 'compliance') this.addCompliance(batch, column);
  }

  private checkTimes(key: TableKey, times: Extract<ColumnData, { type: 'timestamp' }>, n: number): void {
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

  private addSlots(batch: ColumnBatch, column: (name: string) => ColumnData): void {
    const type = column('event_type') as StringColumn;
    const jackpot = column('jackpot_amount') as Extract<ColumnData, { type: 'float64' }>;
    const coinOut = column('coin_out') as Extract<ColumnData, { type: 'float64' }>;
    const player = column('player_id') as StringColumn;
    const machine = column('machine_id') as StringColumn;
    const time = column('event_timestamp') as Extract<ColumnData, { type: 'timestamp' }>;
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

  private addFinancial(batch: ColumnBatch, column: (name: string) => ColumnData): void {
    const type = column('transaction_type') as StringColumn;
    const method = column('payment_method') as StringColumn;
    const amount = column('amount') as Extract<ColumnData, { type: 'float64' }>;
    const player = column('player_id') as StringColumn;
    const day = column('business_date') as Extract<ColumnData, { type: 'date' }>;
    const id = column('transaction_id') as StringColumn;
    const flag = column('suspicious_activity_flag') as Extract<ColumnData, { type: 'bool' }>;
    for (let r = 0; r < batch.length; r++) {
      const h = hashBytes(id.bytes, id.offsets[r], id.offsets[r + 1]);
      const t = readString(type, r)!;
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

  private addCompliance(batch: ColumnBatch, column: (name: string) => ColumnData): void {
    const type = column('filing_type') as StringColumn;
    const player = column('player_id') as StringColumn;
    const day = column('transaction_date') as Extract<ColumnData, { type: 'date' }>;
    const cashIn = column('cash_in_amount') as Extract<ColumnData, { type: 'float64' }>;
    const cashOut = column('cash_out_amount') as Extract<ColumnData, { type: 'float64' }>;
    const game = column('game_type') as StringColumn;
    const machine = column('machine_id') as StringColumn;
    const jackpot = column('jackpot_amount') as Extract<ColumnData, { type: 'float64' }>;
    const sources = column('source_ids') as StringColumn;
    const slotIds = this.ids.get('slots')?.seen;
    const txnIds = this.ids.get('financial')?.seen;
    for (let r = 0; r < batch.length; r++) {
      const kind = readString(type, r);
      const ids = readString(sources, r)!.split(';').map(hashText);
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
      checks.push({ id: 'I34', title: 'SAR sources are flagged cage rows', pass: this.sarSourcesFlagged === this.sarSources, detail: `SAR: ${fmt(this.sar)} filings citing ${fmt(this.sarSources)} transactions, ${fmt(this.sarSourcesFlagged)} flagged suspicious` });
      checks.push({ id: 'I35', title: 'Every source id resolves', pass: this.sourcesResolved === this.sources, detail: `${fmt(this.sources)} source ids, ${fmt(this.sourcesResolved)} found in slots or financial` });
    }
    return checks;
  }
}

const fmtDollars = (cents: number) => `$${fmt(cents / 100)}`;
