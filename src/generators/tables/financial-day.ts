/**
 * The rows of one gaming day while the cage ledger draws it (SPEC 7.3): columns in generation
 * order, sized for the largest day and reused day after day, so a row is never an object. Also
 * the instants of a visit's rows, drawn once the visit's rows are known.
 */
import type { Method, Txn } from '../data/financial';
import type { Rng } from '../rng';
import type { TimeAxis } from '../time/intensity';
import { HOUR_US, MINUTE_US } from '../time/units';
import type { RowDraft } from './financial-rows';
import { byKeyThenIndex } from '../sort-order';

export class DayRows {
  length = 0;
  readonly visit: Int32Array;
  readonly type: Uint8Array;
  readonly method: Uint8Array;
  readonly amountCents: Float64Array;
  readonly t: Float64Array;
  /** Planned transaction, marker id, pinned cage and cashier, or −1. */
  readonly planned: Int32Array;
  readonly marker: Int32Array;
  readonly cage: Int8Array;
  readonly cashier: Int16Array;

  constructor(capacity: number) {
    this.visit = new Int32Array(capacity);
    this.type = new Uint8Array(capacity);
    this.method = new Uint8Array(capacity);
    this.amountCents = new Float64Array(capacity);
    this.t = new Float64Array(capacity);
    this.planned = new Int32Array(capacity);
    this.marker = new Int32Array(capacity);
    this.cage = new Int8Array(capacity);
    this.cashier = new Int16Array(capacity);
  }

  /** Appends a drafted row; its instant, cage and cashier come later unless set here. */
  add(visit: number, row: RowDraft, planned: number, marker: number, t = NaN, cage = -1, cashier = -1): void {
    const i = this.length++;
    this.visit[i] = visit;
    this.type[i] = row.type;
    this.method[i] = row.method;
    this.amountCents[i] = row.amountCents;
    this.t[i] = t;
    this.planned[i] = planned;
    this.marker[i] = marker;
    this.cage[i] = cage;
    this.cashier[i] = cashier;
  }

  typeAt(i: number): Txn {
    return this.type[i] as Txn;
  }

  methodAt(i: number): Method {
    return this.method[i] as Method;
  }

  /** Row indices by instant, ties in generation order. */
  timeOrder(): Int32Array {
    const order = new Int32Array(this.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    return order.sort(byKeyThenIndex(this.t));
  }
}

/**
 * Instants (7.3) of rows [from, rows.length) of one visit over its span [a, b): planned rows (the
 * first `plannedCount`) keep theirs; the others of a planned visit draw from λ over the span
 * (sorted, so a same-visit marker payment follows its issue); other visits draw t₁ and gaps
 * U(5 min, 3 h), scaled into the span when they would pass its end.
 */
export function placeInstants(rows: DayRows, from: number, plannedCount: number, span: readonly [number, number], axis: TimeAxis, rng: Rng): void {
  const [a, b] = span;
  const first = from + plannedCount;
  const k = rows.length - first;
  if (k === 0) return;
  if (plannedCount > 0) {
    const ts = new Float64Array(k);
    for (let i = 0; i < k; i++) ts[i] = axis.drawBetween(rng, a, b);
    ts.sort();
    rows.t.set(ts, first);
    return;
  }
  const t1 = axis.drawBetween(rng, a, b);
  const gaps = new Float64Array(k - 1);
  let sum = 0;
  for (let i = 0; i < k - 1; i++) {
    gaps[i] = rng.between(5 * MINUTE_US, 3 * HOUR_US);
    sum += gaps[i];
  }
  const scale = t1 + sum >= b ? (b - t1) / (sum + 1) : 1;
  let t = t1;
  rows.t[first] = t1;
  for (let i = 1; i < k; i++) {
    t += gaps[i - 1] * scale;
    rows.t[first + i] = Math.min(Math.floor(t), b - 1);
  }
}
