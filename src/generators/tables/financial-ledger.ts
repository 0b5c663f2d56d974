/**
 * The cage ledger (SPEC 7.3): every row of bronze_financial_txn, generated visit by visit, day by
 * day in gaming-day order from the streams (`financial`, `financial`, d). Marker payments carry
 * from one day to a later one, so the whole ledger is built once per world (cached) and chunks
 * slice it; rows of day d all precede those of day d + 1 (visit spans lie within their day).
 */
import { Txn, countedSide } from '../data/financial';
import { GOLD } from '../data/population';
import { WeightTable, openStream, type Rng } from '../rng';
import { gamingDayStart } from '../time/intensity';
import { MINUTE_US, HOUR_US } from '../time/units';
import type { World } from '../world';
import { firstVisitBetween } from '../world/calendar';
import { VISIT_ROW_CAP } from '../world/plan';
import { dayBudgets, dayIndexOfVisit } from './financial-budget';
import {
  CTR_LIMIT_CENTS, addCounted, applyCtrLimit, drawAlert, drawAmountAndMethod, drawCage, drawOrdinaryType,
  drawPaymentMethod, needsSupervisor, type RowDraft,
} from './financial-rows';

export interface Ledger {
  readonly length: number;
  readonly type: Uint8Array;
  readonly t: Float64Array;
  readonly amountCents: Float64Array;
  readonly method: Uint8Array;
  readonly player: Int32Array;
  readonly visit: Int32Array;
  readonly cage: Uint8Array;
  readonly cashier: Int16Array;
  /** Employee number or −1. */
  readonly supervisor: Int16Array;
  readonly idRecorded: Uint8Array;
  readonly suspicious: Uint8Array;
  /** Marker id of MARKER_ISSUE / MARKER_PAYMENT rows, or −1. */
  readonly marker: Int32Array;
  /** By marker id: the issue's row and gaming day. */
  readonly markerIssueRow: Int32Array;
  readonly markerIssueDay: Int32Array;
  /** Planned transaction of each row, or −1. */
  readonly planned: Int32Array;
  /** Row of each planned transaction (plan.txns order). */
  readonly plannedRow: Int32Array;
  /** Counted cash rows of CTR filing i (plan filing index): ctrRowList[ctrRowStart[i] .. ctrRowStart[i + 1]), in file order. */
  readonly ctrRowStart: Int32Array;
  readonly ctrRowList: Int32Array;
}

const visitSizeTable = new WeightTable([0.35, 0.3, 0.18, 0.1, 0.05, 0.02]);
const SAME_VISIT_PAYMENT = 0.4;
const MARKER_TERM_DAYS = 30;

interface Carried {
  readonly marker: number;
  readonly cents: number;
  readonly issueDay: number;
}

/** One row being built: its draft plus where it came from. */
interface PendingRow extends RowDraft {
  visit: number;
  t: number;
  planned: number;
  marker: number;
  cage: number;
  cashier: number;
}

const cache = new WeakMap<World, Ledger>();

export function financialLedger(world: World): Ledger {
  let ledger = cache.get(world);
  if (!ledger) cache.set(world, (ledger = new LedgerBuilder(world).build()));
  return ledger;
}

class LedgerBuilder {
  private readonly total: number;
  private readonly out: Omit<Ledger, 'markerIssueRow' | 'markerIssueDay' | 'ctrRowStart' | 'ctrRowList' | 'length'>;
  private readonly carry = new Map<number, Carried[]>();
  private readonly issueRow: number[] = [];
  private readonly issueDay: number[] = [];
  /** (CTR filing, row) pairs of counted CTR-day rows, in file order. */
  private readonly ctrPairs: number[] = [];
  private readonly cashiers: readonly number[];
  private readonly supervisors: readonly number[];
  private row = 0;

  constructor(private readonly world: World) {
    const n = (this.total = world.scenario.counts.financial ?? 0);
    this.out = {
      type: new Uint8Array(n), t: new Float64Array(n), amountCents: new Float64Array(n), method: new Uint8Array(n),
      player: new Int32Array(n), visit: new Int32Array(n), cage: new Uint8Array(n), cashier: new Int16Array(n),
      supervisor: new Int16Array(n), idRecorded: new Uint8Array(n), suspicious: new Uint8Array(n),
      marker: new Int32Array(n), planned: new Int32Array(n), plannedRow: new Int32Array(world.plan.txns.length).fill(-1),
    };
    this.cashiers = world.roster.byRole('Cashier');
    this.supervisors = world.roster.byRole('Cage supervisor');
  }

  build(): Ledger {
    if (this.total > 0) {
      const budgets = dayBudgets(this.world, this.total);
      const cal = this.world.calendar;
      for (let j = 0; j < cal.days; j++) this.day(cal.firstDay + j, budgets.rows[j], budgets.planned[j]);
      if (this.row !== this.total) throw new Error(`financial ledger has ${this.row} rows, ${this.total} were requested`);
    }
    return {
      ...this.out, length: this.total, markerIssueRow: Int32Array.from(this.issueRow),
      markerIssueDay: Int32Array.from(this.issueDay), ...this.ctrRowIndex(),
    };
  }

  /** The (filing, row) pairs grouped by filing, rows kept in file order (a counting sort). */
  private ctrRowIndex(): { ctrRowStart: Int32Array; ctrRowList: Int32Array } {
    const pairs = this.ctrPairs;
    const start = new Int32Array(this.world.plan.filings.length + 1);
    for (let x = 0; x < pairs.length; x += 2) start[pairs[x] + 1]++;
    for (let i = 0; i + 1 < start.length; i++) start[i + 1] += start[i];
    const next = start.slice(0, -1);
    const list = new Int32Array(pairs.length / 2);
    for (let x = 0; x < pairs.length; x += 2) list[next[pairs[x]]++] = pairs[x + 1];
    return { ctrRowStart: start, ctrRowList: list };
  }

  /** Gaming day d: visit order, visit sizes, then each visit's rows; sorted by time into the ledger. */
  private day(d: number, budget: number, planned: number): void {
    const { world } = this;
    const cal = world.calendar;
    const j = d - cal.firstDay;
    const rng = openStream(world.scenario.seed, 'financial', 'financial', d);
    const order = new Int32Array(cal.dayStart[j + 1] - cal.dayStart[j]);
    for (let i = 0; i < order.length; i++) order[i] = cal.dayStart[j] + i;
    rng.shuffle(order);
    const plannedVisits = [...order].filter((v) => world.plan.visitTxns.has(v));
    const carriers = [...order].filter((v) => !world.plan.visitTxns.has(v) && this.carry.has(v));
    const rest = [...order].filter((v) => !world.plan.visitTxns.has(v) && !this.carry.has(v));
    const visits = [...plannedVisits, ...carriers, ...rest];
    let left = budget - planned;
    const payments = new Map<number, Carried[]>();
    for (const v of [...plannedVisits, ...carriers]) {
      const kept: Carried[] = [];
      for (const c of this.carry.get(v) ?? []) {
        if (left > 0) {
          kept.push(c);
          left--;
        } else this.moveOn(c, cal.visitors[v], d);
      }
      payments.set(v, kept);
      this.carry.delete(v);
    }
    const extra = new Map<number, number>();
    for (const v of rest) {
      if (left === 0) break;
      const size = Math.min(visitSizeTable.pick(rng) + 1, left);
      extra.set(v, size);
      left -= size;
    }
    const size = (v: number) => (world.plan.visitTxns.get(v)?.length ?? 0) + (payments.get(v)?.length ?? 0) + (extra.get(v) ?? 0);
    while (left > 0) {
      let grown = 0;
      for (const v of visits) {
        if (left === 0) break;
        if (size(v) >= VISIT_ROW_CAP) continue;
        extra.set(v, (extra.get(v) ?? 0) + 1);
        left--;
        grown++;
      }
      if (grown === 0) throw new Error(`gaming day ${d} cannot hold ${budget} financial rows`);
    }
    const rows: PendingRow[] = [];
    for (const v of visits) {
      if (size(v) > 0) this.visit(v, d, payments.get(v) ?? [], extra.get(v) ?? 0, rng, rows);
    }
    this.commit(rows, rng);
  }

  /** The rows of one visit: planned rows, carried marker payments, then ordinary rows (7.3). */
  private visit(v: number, d: number, carried: Carried[], extra: number, rng: Rng, out: PendingRow[]): void {
    const { world } = this;
    const player = world.calendar.visitors[v];
    const ctrDay = world.plan.ctrVisits.has(v);
    const sums: [number, number] = [0, 0];
    const count = (row: RowDraft) => (ctrDay ? addCounted(row, sums) : applyCtrLimit(row, sums));
    const plannedTxns = world.plan.visitTxns.get(v) ?? [];
    const rows: PendingRow[] = [];
    for (const i of plannedTxns) {
      const p = world.plan.txns[i];
      const row = { visit: v, type: p.type, method: p.method, amountCents: p.amountCents, t: p.t, planned: i, marker: -1, cage: p.cage, cashier: p.cashier };
      if (p.type === Txn.MarkerIssue) row.marker = this.newMarker(d, p.amountCents);
      addCounted(row, sums);
      rows.push(row);
    }
    for (const c of carried) {
      const row = { visit: v, type: Txn.MarkerPayment, method: drawPaymentMethod(rng), amountCents: c.cents, t: NaN, planned: -1, marker: c.marker, cage: -1, cashier: -1 };
      count(row);
      rows.push(row);
    }
    const reserved = new Int32Array(extra).fill(-1);
    const tier = world.population.tier[player];
    const noRedemption = world.plan.noRedemption.has(v);
    for (let i = 0; i < extra; i++) {
      let row: PendingRow;
      if (reserved[i] >= 0) {
        const m = reserved[i];
        row = { visit: v, type: Txn.MarkerPayment, method: drawPaymentMethod(rng), amountCents: this.issueCents(m), t: NaN, planned: -1, marker: m, cage: -1, cashier: -1 };
      } else {
        let type = drawOrdinaryType(rng);
        while ((type === Txn.MarkerIssue && tier < GOLD) || (type === Txn.ChipRedemption && noRedemption)) type = drawOrdinaryType(rng);
        row = { visit: v, ...drawAmountAndMethod(type, rng), t: NaN, planned: -1, marker: -1, cage: -1, cashier: -1 };
        if (type === Txn.MarkerIssue) {
          row.marker = this.newMarker(d, row.amountCents);
          let later = -1;
          if (rng.chance(SAME_VISIT_PAYMENT)) for (let x = extra - 1; x > i && later < 0; x--) if (reserved[x] < 0) later = x;
          if (later >= 0) reserved[later] = row.marker;
          else this.scheduleLater({ marker: row.marker, cents: row.amountCents, issueDay: d }, player, d, rng);
        }
      }
      count(row);
      rows.push(row);
    }
    this.placeInstants(v, rows, plannedTxns.length, rng);
    if (!ctrDay && (sums[0] > CTR_LIMIT_CENTS || sums[1] > CTR_LIMIT_CENTS)) throw new Error(`visit ${v} exceeds the CTR limit without a CTR`);
    if (ctrDay && sums[0] <= CTR_LIMIT_CENTS && sums[1] <= CTR_LIMIT_CENTS) throw new Error(`CTR visit ${v} does not exceed the CTR threshold`);
    for (const row of rows) out.push(row);
  }

  private readonly issueCentsOf: number[] = [];

  /** A new cage marker issued on day d; its row is known once the day is sorted. */
  private newMarker(d: number, cents: number): number {
    this.issueRow.push(-1);
    this.issueDay.push(d);
    this.issueCentsOf.push(cents);
    return this.issueRow.length - 1;
  }

  private issueCents(marker: number): number {
    return this.issueCentsOf[marker];
  }

  /** The .60 branch: the player's first visit in [issue day + L, issue day + 30], L = U{1..30}. */
  private scheduleLater(c: Carried, player: number, d: number, rng: Rng): void {
    const lag = rng.int(1, MARKER_TERM_DAYS);
    this.carryTo(c, player, d + lag);
  }

  /** A carried payment that did not fit: the player's next visit within 30 days of the issue. */
  private moveOn(c: Carried, player: number, d: number): void {
    this.carryTo(c, player, d + 1);
  }

  private carryTo(c: Carried, player: number, from: number): void {
    const cal = this.world.calendar;
    const day = firstVisitBetween(cal, player, from, c.issueDay + MARKER_TERM_DAYS);
    if (day < 0) return; // outstanding
    const j = day - cal.firstDay;
    let v = cal.dayStart[j];
    while (cal.visitors[v] !== player) v++;
    let list = this.carry.get(v);
    if (!list) this.carry.set(v, (list = []));
    list.push(c);
  }

  /**
   * Instants (7.3): planned rows keep theirs; the other rows of a planned visit draw from λ over the
   * span (sorted, so a same-visit marker payment follows its issue); other visits draw t₁ and gaps
   * U(5 min, 3 h), scaled into the span when they would pass its end.
   */
  private placeInstants(v: number, rows: PendingRow[], plannedCount: number, rng: Rng): void {
    const { world } = this;
    const d = world.calendar.firstDay + dayIndexOfVisit(world, v);
    const a = Math.max(world.scenario.start, gamingDayStart(d));
    const b = Math.min(world.scenario.end, gamingDayStart(d + 1));
    const k = rows.length - plannedCount;
    if (k === 0) return;
    if (plannedCount > 0) {
      const ts = Array.from({ length: k }, () => world.axis.drawBetween(rng, a, b)).sort((x, y) => x - y);
      for (let i = 0; i < k; i++) rows[plannedCount + i].t = ts[i];
      return;
    }
    const t1 = world.axis.drawBetween(rng, a, b);
    const gaps = Array.from({ length: k - 1 }, () => rng.between(5 * MINUTE_US, 3 * HOUR_US));
    const sum = gaps.reduce((s, g) => s + g, 0);
    const scale = t1 + sum >= b ? (b - t1) / (sum + 1) : 1;
    let t = t1;
    rows[0].t = t1;
    for (let i = 1; i < k; i++) {
      t += gaps[i - 1] * scale;
      rows[i].t = Math.min(Math.floor(t), b - 1);
    }
  }

  /**
   * Draws each row's cage, cashier, supervisor and alert (in generation order, after all the day's
   * visits), then sorts the day by time (ties: generation order) into the ledger.
   */
  private commit(rows: PendingRow[], rng: Rng): void {
    const { world, out } = this;
    const plan = world.plan;
    const base = this.row;
    const order = rows.map((_, i) => i).sort((x, y) => rows[x].t - rows[y].t || x - y);
    const at = new Int32Array(rows.length);
    order.forEach((i, r) => (at[i] = base + r));
    rows.forEach((row, i) => {
      const g = at[i];
      const planned = row.planned >= 0 ? plan.txns[row.planned] : null;
      const ctrDay = plan.ctrVisits.has(row.visit);
      const counted = countedSide(row.type, row.method) !== 0;
      out.type[g] = row.type;
      out.t[g] = row.t;
      out.amountCents[g] = row.amountCents;
      out.method[g] = row.method;
      out.visit[g] = row.visit;
      out.player[g] = world.calendar.visitors[row.visit];
      out.cage[g] = row.cage >= 0 ? row.cage : drawCage(row, rng);
      out.cashier[g] = row.cashier >= 0 ? row.cashier : this.cashiers[rng.int(0, this.cashiers.length - 1)];
      out.supervisor[g] = needsSupervisor(row) ? this.supervisors[rng.int(0, this.supervisors.length - 1)] : -1;
      const cited = planned !== null && planned.filing >= 0 && plan.filings[planned.filing].type === 'SAR';
      out.suspicious[g] = cited || drawAlert(row, rng) ? 1 : 0;
      out.idRecorded[g] = row.amountCents >= 300_000 || row.type === Txn.CheckCashing || row.type === Txn.JackpotPayout || (ctrDay && counted) ? 1 : 0;
      out.marker[g] = row.marker;
      out.planned[g] = row.planned;
      if (row.type === Txn.MarkerIssue && row.marker >= 0) this.issueRow[row.marker] = g;
      if (row.planned >= 0) out.plannedRow[row.planned] = g;
    });
    for (const i of order) {
      const row = rows[i];
      const filing = plan.ctrVisits.get(row.visit);
      if (filing !== undefined && countedSide(row.type, row.method) !== 0) this.ctrPairs.push(filing, at[i]);
    }
    this.row += rows.length;
  }
}
