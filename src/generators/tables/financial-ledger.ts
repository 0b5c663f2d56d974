/**
 * The cage ledger (SPEC 7.3): every row of bronze_financial_txn, generated visit by visit, day by
 * day in gaming-day order from the streams (`financial`, `financial`, d). Marker payments carry
 * from one day to a later one, so the whole ledger is built once per world (cached) and chunks
 * slice it; rows of day d all precede those of day d + 1 (visit spans lie within their day).
 */
import { perWorld } from '../world/per-world';
import { Method, Txn, countedSide } from '../data/financial';
import { GOLD } from '../data/population';
import { WeightTable, openStream, type Rng } from '../rng';
import { gamingDayStart } from '../time/intensity';
import type { World } from '../world';
import { firstVisitBetween } from '../world/calendar';
import { VISIT_ROW_CAP, visitOfPlayer } from '../world/plan';
import { plannedCount } from '../world/plan-columns';
import { dayBudgets } from './financial-budget';
import { DayRows, placeInstants } from './financial-day';
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

export const financialLedger = perWorld((world): Ledger => new LedgerBuilder(world).build());

class LedgerBuilder {
  private readonly total: number;
  private readonly out: Omit<Ledger, 'markerIssueRow' | 'markerIssueDay' | 'ctrRowStart' | 'ctrRowList' | 'length'>;
  private readonly carry = new Map<number, Carried[]>();
  /** By marker id: the issue's row (known once its day is sorted), gaming day and amount. */
  private readonly issueRow: number[] = [];
  private readonly issueDay: number[] = [];
  private readonly issueCents: number[] = [];
  /** (CTR filing, row) pairs of counted CTR-day rows, in file order. */
  private readonly ctrPairs: number[] = [];
  private readonly cashiers: readonly number[];
  private readonly supervisors: readonly number[];
  /** The row being drafted and its visit's counted cash: reused, never reallocated. */
  private readonly draft: RowDraft = { type: Txn.CashIn, method: Method.Cash, amountCents: 0 };
  private readonly sums = new Float64Array(2);
  private rows = new DayRows(0);
  private row = 0;

  constructor(private readonly world: World) {
    const n = (this.total = world.scenario.counts.financial ?? 0);
    this.out = {
      type: new Uint8Array(n), t: new Float64Array(n), amountCents: new Float64Array(n), method: new Uint8Array(n),
      player: new Int32Array(n), visit: new Int32Array(n), cage: new Uint8Array(n), cashier: new Int16Array(n),
      supervisor: new Int16Array(n), idRecorded: new Uint8Array(n), suspicious: new Uint8Array(n),
      marker: new Int32Array(n), planned: new Int32Array(n), plannedRow: new Int32Array(world.plan.txns.count).fill(-1),
    };
    this.cashiers = world.roster.byRole('Cashier');
    this.supervisors = world.roster.byRole('Cage supervisor');
  }

  build(): Ledger {
    if (this.total > 0) {
      const budgets = dayBudgets(this.world, this.total);
      const cal = this.world.calendar;
      this.rows = new DayRows(budgets.rows.reduce((a, b) => Math.max(a, b), 0));
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
    const start = new Int32Array(this.world.plan.filings.count + 1);
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
    const first = cal.dayStart[j];
    const rng = openStream(world.scenario.seed, 'financial', 'financial', d);
    const order = new Int32Array(cal.dayStart[j + 1] - first);
    for (let i = 0; i < order.length; i++) order[i] = first + i;
    rng.shuffle(order);
    const { visits, carriersEnd } = this.visitOrder(order);
    // Rows of each visit by its place in the day: planned and carried (fixed), then ordinary (extra).
    const fixed = new Int32Array(order.length);
    const extra = new Int32Array(order.length);
    const payments = new Map<number, Carried[]>();
    let left = budget - planned;
    for (let x = 0; x < carriersEnd; x++) {
      const v = visits[x];
      const kept: Carried[] = [];
      for (const c of this.carry.get(v) ?? []) {
        if (left > 0) {
          kept.push(c);
          left--;
        } else this.moveOn(c, cal.visitors[v], d);
      }
      if (kept.length > 0) payments.set(v, kept);
      this.carry.delete(v);
      fixed[v - first] = plannedCount(world.plan.visitTxns, v) + kept.length;
    }
    for (let x = carriersEnd; x < visits.length && left > 0; x++) {
      const size = Math.min(visitSizeTable.pick(rng) + 1, left);
      extra[visits[x] - first] = size;
      left -= size;
    }
    while (left > 0) {
      let grown = 0;
      for (let x = 0; x < visits.length && left > 0; x++) {
        const at = visits[x] - first;
        if (fixed[at] + extra[at] >= VISIT_ROW_CAP) continue;
        extra[at]++;
        left--;
        grown++;
      }
      if (grown === 0) throw new Error(`gaming day ${d} cannot hold ${budget} financial rows`);
    }
    this.rows.length = 0;
    for (const v of visits) {
      if (fixed[v - first] + extra[v - first] > 0) this.visit(v, d, payments.get(v) ?? [], extra[v - first], rng);
    }
    this.commit(rng);
  }

  /** The day's visits in the order of 7.3: planned visits, then visits carrying marker payments, then the rest. */
  private visitOrder(order: Int32Array): { visits: Int32Array; carriersEnd: number } {
    const planned = (v: number) => plannedCount(this.world.plan.visitTxns, v) > 0;
    const visits = new Int32Array(order.length);
    let n = 0;
    for (const v of order) if (planned(v)) visits[n++] = v;
    for (const v of order) if (!planned(v) && this.carry.has(v)) visits[n++] = v;
    const carriersEnd = n;
    for (const v of order) if (!planned(v) && !this.carry.has(v)) visits[n++] = v;
    return { visits, carriersEnd };
  }

  /** The rows of one visit: planned rows, carried marker payments, then ordinary rows (7.3). */
  private visit(v: number, d: number, carried: Carried[], extra: number, rng: Rng): void {
    const { world, rows, draft, sums } = this;
    const player = world.calendar.visitors[v];
    const ctrDay = world.plan.ctrVisits.has(v);
    const count = ctrDay ? addCounted : applyCtrLimit;
    const from = rows.length;
    sums.fill(0);
    const { txns, visitTxns } = world.plan;
    for (let x = visitTxns.start[v]; x < visitTxns.start[v + 1]; x++) {
      const i = visitTxns.list[x];
      draft.type = txns.type[i];
      draft.method = txns.method[i];
      draft.amountCents = txns.amountCents[i];
      const marker = draft.type === Txn.MarkerIssue ? this.newMarker(d, draft.amountCents) : -1;
      addCounted(draft, sums);
      rows.add(v, draft, i, marker, txns.t[i], txns.cage[i], txns.cashier[i]);
    }
    for (const c of carried) this.addPayment(v, c.marker, c.cents, count, rng);
    const reserved = new Int32Array(extra).fill(-1);
    const tier = world.population.tier[player];
    const noRedemption = world.plan.noRedemption.has(v);
    for (let i = 0; i < extra; i++) {
      if (reserved[i] >= 0) {
        this.addPayment(v, reserved[i], this.issueCents[reserved[i]], count, rng);
        continue;
      }
      let type = drawOrdinaryType(rng);
      while ((type === Txn.MarkerIssue && tier < GOLD) || (type === Txn.ChipRedemption && noRedemption)) type = drawOrdinaryType(rng);
      drawAmountAndMethod(type, rng, draft);
      let marker = -1;
      if (type === Txn.MarkerIssue) {
        marker = this.newMarker(d, draft.amountCents);
        let later = -1;
        if (rng.chance(SAME_VISIT_PAYMENT)) for (let x = extra - 1; x > i && later < 0; x--) if (reserved[x] < 0) later = x;
        if (later >= 0) reserved[later] = marker;
        else this.scheduleLater({ marker, cents: draft.amountCents, issueDay: d }, player, d, rng);
      }
      count(draft, sums);
      rows.add(v, draft, -1, marker);
    }
    placeInstants(rows, from, plannedCount(visitTxns, v), this.span(d), world.axis, rng);
    if (!ctrDay && (sums[0] > CTR_LIMIT_CENTS || sums[1] > CTR_LIMIT_CENTS)) throw new Error(`visit ${v} exceeds the CTR limit without a CTR`);
    if (ctrDay && sums[0] <= CTR_LIMIT_CENTS && sums[1] <= CTR_LIMIT_CENTS) throw new Error(`CTR visit ${v} does not exceed the CTR threshold`);
  }

  /** A MARKER_PAYMENT row of `marker` on visit v, its method drawn then held to the visit's CTR rule. */
  private addPayment(v: number, marker: number, cents: number, count: typeof addCounted, rng: Rng): void {
    const { draft } = this;
    draft.type = Txn.MarkerPayment;
    draft.method = drawPaymentMethod(rng);
    draft.amountCents = cents;
    count(draft, this.sums);
    this.rows.add(v, draft, -1, marker);
  }

  /** A visit's span on gaming day d: [max(start, 06:00 of d), min(end, 06:00 of d + 1)) (3.8). */
  private span(d: number): [number, number] {
    const { start, end } = this.world.scenario;
    return [Math.max(start, gamingDayStart(d)), Math.min(end, gamingDayStart(d + 1))];
  }

  /** A new cage marker issued on day d; its row is known once the day is sorted. */
  private newMarker(d: number, cents: number): number {
    this.issueRow.push(-1);
    this.issueDay.push(d);
    this.issueCents.push(cents);
    return this.issueRow.length - 1;
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
    const v = visitOfPlayer(cal, player, day);
    let list = this.carry.get(v);
    if (!list) this.carry.set(v, (list = []));
    list.push(c);
  }

  /**
   * Draws each row's cage, cashier, supervisor and alert (in generation order, after all the day's
   * visits), then sorts the day by time (ties: generation order) into the ledger.
   */
  private commit(rng: Rng): void {
    const { world, out, rows } = this;
    const plan = world.plan;
    const order = rows.timeOrder();
    const at = new Int32Array(rows.length);
    for (let r = 0; r < order.length; r++) at[order[r]] = this.row + r;
    for (let i = 0; i < rows.length; i++) {
      const g = at[i];
      const type = rows.typeAt(i);
      const cents = rows.amountCents[i];
      const planned = rows.planned[i];
      const counted = countedSide(type, rows.methodAt(i)) !== 0;
      out.type[g] = type;
      out.t[g] = rows.t[i];
      out.amountCents[g] = cents;
      out.method[g] = rows.method[i];
      out.visit[g] = rows.visit[i];
      out.player[g] = world.calendar.visitors[rows.visit[i]];
      out.cage[g] = rows.cage[i] >= 0 ? rows.cage[i] : drawCage(type, cents, rng);
      out.cashier[g] = rows.cashier[i] >= 0 ? rows.cashier[i] : this.cashiers[rng.int(0, this.cashiers.length - 1)];
      out.supervisor[g] = needsSupervisor(type, cents) ? this.supervisors[rng.int(0, this.supervisors.length - 1)] : -1;
      const cited = planned >= 0 && plan.txns.filing[planned] >= 0 && plan.filings.type[plan.txns.filing[planned]] === 'SAR';
      out.suspicious[g] = cited || drawAlert(type, cents, rng) ? 1 : 0;
      const ctrCounted = counted && plan.ctrVisits.has(rows.visit[i]);
      out.idRecorded[g] = cents >= 300_000 || type === Txn.CheckCashing || type === Txn.JackpotPayout || ctrCounted ? 1 : 0;
      out.marker[g] = rows.marker[i];
      out.planned[g] = planned;
      if (type === Txn.MarkerIssue && rows.marker[i] >= 0) this.issueRow[rows.marker[i]] = g;
      if (planned >= 0) out.plannedRow[planned] = g;
    }
    for (const i of order) {
      const filing = plan.ctrVisits.get(rows.visit[i]);
      if (filing !== undefined && countedSide(rows.typeAt(i), rows.methodAt(i)) !== 0) this.ctrPairs.push(filing, at[i]);
    }
    this.row += rows.length;
  }
}
