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

export const drawOrdinaryType = (rng: Rng): Txn => typeTable.pick(rng) as Txn;

const cashList = (rng: Rng) => CASH_LIST[cashListTable.pick(rng)] * 100;
const between = (rng: Rng, lo: number, hi: number) => round(rng.between(lo * 100, hi * 100));
const oneOf = (rng: Rng, methods: readonly Method[]) => methods[uniformPick(rng, methods.length)];

/** Amount then method of an ordinary row of `type` (7.2). */
export function drawAmountAndMethod(type: Txn, rng: Rng): RowDraft {
  switch (type) {
    case Txn.WireIn:
    case Txn.WireOut:
      return { type, amountCents: between(rng, 5_000, 500_000), method: Method.Wire };
    case Txn.MarkerIssue:
      return { type, amountCents: MARKER_AMOUNTS[uniformPick(rng, MARKER_AMOUNTS.length)] * 100, method: Method.Marker };
    case Txn.FrontDeposit:
      return { type, amountCents: between(rng, 1_000, 100_000), method: oneOf(rng, [Method.Cash, Method.Check, Method.Wire]) };
    case Txn.FrontWithdrawal:
      return { type, amountCents: between(rng, 1_000, 100_000), method: oneOf(rng, [Method.Cash, Method.Check]) };
    case Txn.CheckCashing:
      return { type, amountCents: between(rng, 100, 10_000), method: Method.Cash };
    case Txn.ChipRedemption:
      return { type, amountCents: cashList(rng), method: rng.chance(0.95) ? Method.Cash : Method.Check };
    case Txn.SafeDeposit:
    case Txn.SafeWithdrawal:
      return { type, amountCents: cashList(rng), method: oneOf(rng, [Method.Cash, Method.Chip]) };
    default:
      return { type, amountCents: cashList(rng), method: Method.Cash };
  }
}

/** MARKER_PAYMENT method: uniform of Cash, Check, Wire (7.2). */
export const drawPaymentMethod = (rng: Rng): Method => oneOf(rng, [Method.Cash, Method.Check, Method.Wire]);

/**
 * The CTR limit (7.3) on a row of a non-CTR day, given the day's counted totals so far ([in, out]):
 * a counted row that would take its side over $10,000 switches to its type's first non-Cash method,
 * else takes the largest cash-list value that fits, else becomes a WIRE_TRANSFER_IN. Updates sums.
 */
export function applyCtrLimit(row: RowDraft, sums: [number, number]): void {
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
export function addCounted(row: RowDraft, sums: [number, number]): void {
  const side = countedSide(row.type, row.method);
  if (side !== 0) sums[side > 0 ? 0 : 1] += row.amountCents;
}

/** cage_location (7.1): large amounts, marker issues and incoming wires at High Limit or VIP. */
export function drawCage(row: RowDraft, rng: Rng): number {
  if (row.amountCents >= 1_000_000 || row.type === Txn.MarkerIssue || row.type === Txn.WireIn) {
    return PREMIUM_CAGES[uniformPick(rng, PREMIUM_CAGES.length)];
  }
  if (row.type === Txn.JackpotPayout) return MAIN_CAGE;
  return uniformPick(rng, 6);
}

export const needsSupervisor = (row: RowDraft): boolean =>
  row.amountCents >= 500_000 || row.type === Txn.MarkerIssue || row.type === Txn.CheckCashing;

/** Alerts that did not become SARs (7.4): .10 for [8,000, 10,000), .05 wires over 50,000, .005 else. */
export function drawAlert(row: RowDraft, rng: Rng): boolean {
  const wire = row.type === Txn.WireIn || row.type === Txn.WireOut;
  const p = row.amountCents >= 800_000 && row.amountCents < 1_000_000 ? 0.1 : wire && row.amountCents > 5_000_000 ? 0.05 : 0.005;
  return rng.chance(p);
}
