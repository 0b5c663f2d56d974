/**
 * One cage row's draws (SPEC 7.1, 7.2): ordinary types and amounts, the CTR limit of non-CTR days
 * (7.3), and the columns every row draws (cage location, cashier, supervisor, alert flag).
 * Money in integer cents.
 */
import {
  CASH_LIST, CASH_LIST_WEIGHTS, MARKER_AMOUNTS, MAIN_CAGE, Method, ORDINARY_TXN_WEIGHTS, PREMIUM_CAGES, Txn,
  countedSide, firstNonCashMethod,
} from '../data/financial';
import { round, uniformPick, WeightTable, type Rng } from '../rng';

const typeTable = new WeightTable(ORDINARY_TXN_WEIGHTS);
const cashListTable = new WeightTable(CASH_LIST_WEIGHTS);
export const CTR_LIMIT_CENTS = 1_000_000;

export interface RowDraft {
  type: Txn;
  method: Method;
  amountCents: number;
}

/** A visit's counted cash so far: [in, out], in cents. */
export type CountedSums = Float64Array;

export const drawOrdinaryType = (rng: Rng): Txn => typeTable.pick(rng) as Txn;

const cashList = (rng: Rng) => CASH_LIST[cashListTable.pick(rng)] * 100;
const between = (rng: Rng, lo: number, hi: number) => round(rng.between(lo * 100, hi * 100));
const oneOf = (rng: Rng, methods: readonly Method[]) => methods[uniformPick(rng, methods.length)];
const CASH_CHECK_WIRE: readonly Method[] = [Method.Cash, Method.Check, Method.Wire];
const CASH_CHECK: readonly Method[] = [Method.Cash, Method.Check];
const CASH_CHIP: readonly Method[] = [Method.Cash, Method.Chip];

/** Amount then method of an ordinary row of `type` (7.2), written into `row` (one draft reused row after row). */
export function drawAmountAndMethod(type: Txn, rng: Rng, row: RowDraft): void {
  row.type = type;
  switch (type) {
    case Txn.WireIn:
    case Txn.WireOut:
      row.amountCents = between(rng, 5_000, 500_000);
      row.method = Method.Wire;
      return;
    case Txn.MarkerIssue:
      row.amountCents = MARKER_AMOUNTS[uniformPick(rng, MARKER_AMOUNTS.length)] * 100;
      row.method = Method.Marker;
      return;
    case Txn.FrontDeposit:
      row.amountCents = between(rng, 1_000, 100_000);
      row.method = oneOf(rng, CASH_CHECK_WIRE);
      return;
    case Txn.FrontWithdrawal:
      row.amountCents = between(rng, 1_000, 100_000);
      row.method = oneOf(rng, CASH_CHECK);
      return;
    case Txn.CheckCashing:
      row.amountCents = between(rng, 100, 10_000);
      row.method = Method.Cash;
      return;
    case Txn.ChipRedemption:
      row.amountCents = cashList(rng);
      row.method = rng.chance(0.95) ? Method.Cash : Method.Check;
      return;
    case Txn.SafeDeposit:
    case Txn.SafeWithdrawal:
      row.amountCents = cashList(rng);
      row.method = oneOf(rng, CASH_CHIP);
      return;
    default:
      row.amountCents = cashList(rng);
      row.method = Method.Cash;
  }
}

/** MARKER_PAYMENT method: uniform of Cash, Check, Wire (7.2). */
export const drawPaymentMethod = (rng: Rng): Method => oneOf(rng, CASH_CHECK_WIRE);

/**
 * The CTR limit (7.3) on a row of a non-CTR day, given the day's counted totals so far ([in, out]):
 * a counted row that would take its side over $10,000 switches to its type's first non-Cash method,
 * else takes the largest cash-list value that fits, else becomes a WIRE_TRANSFER_IN. Updates sums.
 */
export function applyCtrLimit(row: RowDraft, sums: CountedSums): void {
  const side = countedSide(row.type, row.method);
  if (side === 0) return;
  const s = side > 0 ? 0 : 1;
  if (sums[s] + row.amountCents > CTR_LIMIT_CENTS) {
    const method = firstNonCashMethod(row.type);
    if (method !== -1) {
      row.method = method;
      return;
    }
    const room = CTR_LIMIT_CENTS - sums[s];
    let fit = -1;
    for (const v of CASH_LIST) if (v * 100 <= room) fit = v * 100;
    if (fit < 0) {
      row.type = Txn.WireIn;
      row.method = Method.Wire;
      return;
    }
    row.amountCents = fit;
  }
  sums[s] += row.amountCents;
}

/** Adds a row to its day's counted totals without the limit (CTR days, planned rows). */
export function addCounted(row: RowDraft, sums: CountedSums): void {
  const side = countedSide(row.type, row.method);
  if (side !== 0) sums[side > 0 ? 0 : 1] += row.amountCents;
}

/** cage_location (7.1): large amounts, marker issues and incoming wires at High Limit or VIP. */
export function drawCage(type: Txn, amountCents: number, rng: Rng): number {
  if (amountCents >= 1_000_000 || type === Txn.MarkerIssue || type === Txn.WireIn) {
    return PREMIUM_CAGES[uniformPick(rng, PREMIUM_CAGES.length)];
  }
  if (type === Txn.JackpotPayout) return MAIN_CAGE;
  return uniformPick(rng, 6);
}

export const needsSupervisor = (type: Txn, amountCents: number): boolean =>
  amountCents >= 500_000 || type === Txn.MarkerIssue || type === Txn.CheckCashing;

/** Alerts that did not become SARs (7.4): .10 for [8,000, 10,000), .05 wires over 50,000, .005 else. */
export function drawAlert(type: Txn, amountCents: number, rng: Rng): boolean {
  const wire = type === Txn.WireIn || type === Txn.WireOut;
  const p = amountCents >= 800_000 && amountCents < 1_000_000 ? 0.1 : wire && amountCents > 5_000_000 ? 0.05 : 0.005;
  return rng.chance(p);
}
