/** Table-game event types and amounts (SPEC 5.2). */
export const TABLE_EVENT_TYPES = [
  'BUY_IN', 'CASH_OUT', 'MARKER_ISSUED', 'MARKER_PAID', 'FILL', 'CREDIT', 'RATING_START', 'RATING_END', 'SHIFT_START',
  'SHIFT_END',
] as const;
export const enum TableEvent {
  BuyIn, CashOut, MarkerIssued, MarkerPaid, Fill, Credit, RatingStart, RatingEnd, ShiftStart, ShiftEnd,
}
export const TABLE_EVENT_WEIGHTS = [0.25, 0.2, 0.05, 0.05, 0.08, 0.07, 0.12, 0.12, 0.03, 0.03] as const;

/** Ordinary rows never draw the second-of-pair types (SPEC 3.2). */
export const ORDINARY_TYPES = [
  TableEvent.BuyIn, TableEvent.CashOut, TableEvent.MarkerIssued, TableEvent.Fill, TableEvent.Credit,
  TableEvent.RatingStart, TableEvent.ShiftStart, TableEvent.ShiftEnd,
] as const;
/** A RATING_START too close to the cut-off is re-drawn among the other ordinary types. */
export const NOT_RATING_TYPES = ORDINARY_TYPES.filter((t) => t !== TableEvent.RatingStart);
/** A row needing a player on a day without an eligible visitor is re-drawn among these. */
export const PLAYERLESS_TYPES = [TableEvent.Fill, TableEvent.Credit, TableEvent.ShiftStart, TableEvent.ShiftEnd] as const;

export const MARKER_AMOUNTS = [1000, 2500, 5000, 10000, 25000, 50000, 100000] as const;
export const FILL_AMOUNTS = MARKER_AMOUNTS;
export const PLAY_CHIPS = [1, 5, 25, 100, 500, 1000] as const;
export const FILL_CHIPS = [25, 100, 500, 1000] as const;
/** Marker payment: same visit .60; a later visit with L = U{1..3} .30 or U{4..30} .10 (SPEC 5.2). */
export const MARKER_PAYMENT_WEIGHTS = [0.6, 0.3, 0.1] as const;
