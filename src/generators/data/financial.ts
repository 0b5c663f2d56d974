/** Cage transaction types, methods, amounts and locations (SPEC 7.2, 7.4, 10.2), in the SPEC's order. */
import { CASH_IN_TYPES, CASH_OUT_TYPES } from '../rules/ctr';

export const TXN_TYPES = [
  'CASH_IN', 'CASH_OUT', 'CHIP_PURCHASE', 'CHIP_REDEMPTION', 'WIRE_TRANSFER_IN', 'WIRE_TRANSFER_OUT', 'CHECK_CASHING',
  'MARKER_ISSUE', 'MARKER_PAYMENT', 'FRONT_MONEY_DEPOSIT', 'FRONT_MONEY_WITHDRAWAL', 'SAFEKEEPING_DEPOSIT',
  'SAFEKEEPING_WITHDRAWAL', 'JACKPOT_PAYOUT',
] as const;
export type TxnTypeName = (typeof TXN_TYPES)[number];

export const enum Txn {
  CashIn, CashOut, ChipPurchase, ChipRedemption, WireIn, WireOut, CheckCashing, MarkerIssue, MarkerPayment,
  FrontDeposit, FrontWithdrawal, SafeDeposit, SafeWithdrawal, JackpotPayout,
}

/** Ordinary-visit weights in TXN_TYPES order: MARKER_PAYMENT and JACKPOT_PAYOUT are never drawn (7.2). */
export const ORDINARY_TXN_WEIGHTS = [0.2, 0.18, 0.15, 0.12, 0.03, 0.02, 0.08, 0.05, 0, 0.04, 0.03, 0.01, 0.01, 0];

export const PAYMENT_METHODS = ['Cash', 'Check', 'Wire', 'Marker', 'Chip'] as const;
export const enum Method { Cash, Check, Wire, Marker, Chip }

/** The cash list of 7.2, in dollars, and its weights. */
export const CASH_LIST = [100, 200, 300, 500, 1_000, 2_000, 5_000, 10_000, 25_000];
export const CASH_LIST_WEIGHTS = [0.25, 0.2, 0.15, 0.15, 0.1, 0.07, 0.04, 0.03, 0.01];
export const MARKER_AMOUNTS = [5_000, 10_000, 25_000, 50_000, 100_000];

export const CAGE_LOCATIONS = ['Main Cage', 'High Limit', 'VIP', 'Poker Cage', 'Satellite 1', 'Satellite 2'] as const;
export const MAIN_CAGE = 0;
/** High Limit and VIP: large amounts, marker issues and incoming wires (7.1). */
export const PREMIUM_CAGES = [1, 2];

/** CTR-day counted types per side (7.4), with weights. */
export const CTR_IN_TYPES = [Txn.ChipPurchase, Txn.CashIn, Txn.FrontDeposit, Txn.SafeDeposit];
export const CTR_OUT_TYPES = [Txn.ChipRedemption, Txn.CashOut, Txn.FrontWithdrawal, Txn.SafeWithdrawal];
export const CTR_SIDE_TYPE_WEIGHTS = [0.5, 0.3, 0.15, 0.05];

/** Side of a counted row: +1 cash in, −1 cash out, 0 not counted (SPEC 10.2). */
const SIDE = new Int8Array(TXN_TYPES.length);
for (const name of CASH_IN_TYPES) SIDE[TXN_TYPES.indexOf(name)] = 1;
for (const name of CASH_OUT_TYPES) SIDE[TXN_TYPES.indexOf(name)] = -1;

export function countedSide(type: Txn, method: Method): number {
  return method === Method.Cash ? SIDE[type] : 0;
}

/** The first non-Cash method a type may switch to under the CTR limit (7.3 rule 1), or −1. */
export function firstNonCashMethod(type: Txn): Method | -1 {
  switch (type) {
    case Txn.FrontDeposit:
    case Txn.FrontWithdrawal:
    case Txn.MarkerPayment:
    case Txn.ChipRedemption:
      return Method.Check;
    case Txn.SafeDeposit:
    case Txn.SafeWithdrawal:
      return Method.Chip;
    default:
      return -1;
  }
}
