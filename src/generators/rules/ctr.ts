/**
 * Currency Transaction Report rules (SPEC 10.2): which cage rows are counted cash, and when a patron's gaming day
 * needs a CTR. The threshold comes from the jurisdiction preset (SPEC 2.4); money is integer cents.
 *
 * @example
 * isCountedCash('CHIP_PURCHASE', 'Cash'); // 'in'
 * exceedsCtr(us2025, 1_000_001); // true: $10,000.01 is more than $10,000
 */
import { toCents } from '../rng';
import type { Jurisdiction } from '../scenario/jurisdictions';

/** Counted cash-in transaction types (SPEC 10.2), in the order the SPEC lists them. */
export const CASH_IN_TYPES = [
  'CASH_IN',
  'CHIP_PURCHASE',
  'FRONT_MONEY_DEPOSIT',
  'SAFEKEEPING_DEPOSIT',
  'MARKER_PAYMENT',
] as const;

/** Counted cash-out transaction types (SPEC 10.2). CHECK_CASHING counts: the patron receives currency. */
export const CASH_OUT_TYPES = [
  'CASH_OUT',
  'CHIP_REDEMPTION',
  'FRONT_MONEY_WITHDRAWAL',
  'SAFEKEEPING_WITHDRAWAL',
  'CHECK_CASHING',
] as const;

/** The only payment_method that is counted. JACKPOT_PAYOUT, wires and MARKER_ISSUE are never counted. */
export const COUNTED_PAYMENT_METHOD = 'Cash';

export type CashSide = 'in' | 'out';

const SIDE_OF_TYPE: ReadonlyMap<string, CashSide> = new Map<string, CashSide>([
  ...CASH_IN_TYPES.map((t): [string, CashSide] => [t, 'in']),
  ...CASH_OUT_TYPES.map((t): [string, CashSide] => [t, 'out']),
]);

/**
 * The side a financial row counts on for CTR aggregation, or null when it is not counted cash (SPEC 10.2).
 *
 * @example isCountedCash('CHIP_REDEMPTION', 'Check') // null: paid by check
 */
export function isCountedCash(transactionType: string, paymentMethod: string): CashSide | null {
  return paymentMethod === COUNTED_PAYMENT_METHOD ? (SIDE_OF_TYPE.get(transactionType) ?? null) : null;
}

/** Whether one side's counted total for a (player, gaming day) is **more than** the CTR threshold (SPEC 10.2). */
export function exceedsCtr(j: Jurisdiction, totalCents: number): boolean {
  if (!Number.isSafeInteger(totalCents)) throw new RangeError(`totalCents must be whole cents (got ${totalCents})`);
  return totalCents > toCents(j.ctr_threshold);
}

/** A financial row as CTR aggregation sees it. */
export interface CashRow {
  readonly type: string;
  readonly method: string;
  readonly amountCents: number;
}

/**
 * Counted cash-in and cash-out totals of rows (one player's gaming day, SPEC 10.2 and the query of I31).
 *
 * @example sumCountedCash([{ type: 'CASH_IN', method: 'Cash', amountCents: 500 }]) // { inCents: 500, outCents: 0 }
 */
export function sumCountedCash(rows: readonly CashRow[]): { inCents: number; outCents: number } {
  let inCents = 0;
  let outCents = 0;
  for (const row of rows) {
    const side = isCountedCash(row.type, row.method);
    if (side === 'in') inCents += row.amountCents;
    else if (side === 'out') outCents += row.amountCents;
  }
  return { inCents, outCents };
}

/**
 * The instant a CTR is triggered (SPEC 9.2: the filing_timestamp is this + U(1 min, 2 h)): the timestamp of the first
 * row, in the given order (time order), at which the running counted cash-in or cash-out total first exceeds the
 * threshold; null when neither side ever does.
 */
export function ctrTriggerInstant(
  j: Jurisdiction,
  rowsInTimeOrder: readonly (CashRow & { readonly timestamp: number })[],
): number | null {
  let inCents = 0;
  let outCents = 0;
  for (const row of rowsInTimeOrder) {
    const side = isCountedCash(row.type, row.method);
    if (side === 'in') inCents += row.amountCents;
    else if (side === 'out') outCents += row.amountCents;
    else continue;
    if (exceedsCtr(j, side === 'in' ? inCents : outCents)) return row.timestamp;
  }
  return null;
}
