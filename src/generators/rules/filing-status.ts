/**
 * Filing dates and status (SPEC 10.4, and the W-2G dates of 10.1): when a CTR, SAR or W-2G is filed and due, whether
 * it has been submitted by `as_of`, and the reviewer note. Days are day numbers (days since 1970-01-01, UTC).
 * Deadlines come from the jurisdiction preset (SPEC 2.4); the status mixes are data below.
 *
 * amended_from is left to the caller: when status is `Amended`, set it to `amendedFrom(seed, type, rank)` of
 * filing-ids.ts, and fincen_reference to `fincenReference(seed, type, rank)` when `carriesFincenReference(status)`.
 */
import { WeightTable, uniformPick, type Rng } from '../rng';
import { formatDate, toCivilDate, toDayNumber } from '../scenario/instant';
import type { Jurisdiction } from '../scenario/jurisdictions';

export type FilingStatus = 'Draft' | 'Pending Review' | 'Filed' | 'Amended' | 'Rejected';

/** A scheduled filing: filing_date and due_date as day numbers. */
export interface FilingDates {
  readonly filingDay: number;
  readonly dueDay: number;
}

/**
 * CTR dates (SPEC 10.4): filing_date = transaction_date + U{1..deadline}, due_date = transaction_date + deadline
 * (deadline = `ctr_deadline_days`, 15). One U{a..b} draw.
 *
 * @example ctrDates(us2025, toDayNumber(2026, 11, 3), rng) // { filingDay: 2026-11-04..2026-11-18, dueDay: 2026-11-18 }
 */
export function ctrDates(j: Jurisdiction, transactionDay: number, rng: Rng): FilingDates {
  return { filingDay: transactionDay + rng.int(1, j.ctr_deadline_days), dueDay: transactionDay + j.ctr_deadline_days };
}

/**
 * SAR dates (SPEC 10.4): detection day D = UTC date of filing_timestamp; filing_date = D + U{0..deadline − 1},
 * due_date = D + deadline (deadline = `sar_deadline_days`, 30). One U{a..b} draw.
 */
export function sarDates(j: Jurisdiction, detectionDay: number, rng: Rng): FilingDates {
  return { filingDay: detectionDay + rng.int(0, j.sar_deadline_days - 1), dueDay: detectionDay + j.sar_deadline_days };
}

/**
 * W-2G dates (SPEC 10.1): filing_date = transaction_date; due_date = January 31 of the next year. No draw.
 *
 * @example w2gDates(toDayNumber(2026, 12, 31)).dueDay === toDayNumber(2027, 1, 31)
 */
export function w2gDates(transactionDay: number): FilingDates {
  return { filingDay: transactionDay, dueDay: toDayNumber(toCivilDate(transactionDay).year + 1, 1, 31) };
}

/** A W-2G is always `Filed` (SPEC 10.1). */
export const W2G_STATUS: FilingStatus = 'Filed';

/** Status mixes of SPEC 10.4, in the order listed there (the order of the weighted choice). */
export const STATUS_WEIGHTS: Readonly<
  Record<'CTR' | 'SAR', { submitted: readonly [FilingStatus, number][]; pending: readonly [FilingStatus, number][] }>
> = {
  CTR: {
    submitted: [['Filed', 0.93], ['Amended', 0.04], ['Rejected', 0.03]],
    pending: [['Draft', 0.35], ['Pending Review', 0.65]],
  },
  SAR: {
    submitted: [['Filed', 0.97], ['Amended', 0.03]],
    pending: [['Draft', 0.4], ['Pending Review', 0.6]],
  },
};

const TABLES = {
  CTR: {
    submitted: new WeightTable(STATUS_WEIGHTS.CTR.submitted.map(([, w]) => w)),
    pending: new WeightTable(STATUS_WEIGHTS.CTR.pending.map(([, w]) => w)),
  },
  SAR: {
    submitted: new WeightTable(STATUS_WEIGHTS.SAR.submitted.map(([, w]) => w)),
    pending: new WeightTable(STATUS_WEIGHTS.SAR.pending.map(([, w]) => w)),
  },
};

/**
 * Status of a CTR or SAR (SPEC 10.4). Submitted when filingDay ≤ asOfDay (D_asof, the UTC date of `as_of` − 1 µs):
 * CTR Filed .93 / Amended .04 / Rejected .03, SAR Filed .97 / Amended .03. Otherwise not yet submitted: CTR Draft .35
 * / Pending Review .65, SAR Draft .40 / Pending Review .60. Always exactly one weighted choice (one U(0,1)).
 *
 * @example filingStatus('SAR', d, d - 1, rng) // 'Draft' or 'Pending Review'
 */
export function filingStatus(kind: 'CTR' | 'SAR', filingDay: number, asOfDay: number, rng: Rng): FilingStatus {
  const side = filingDay <= asOfDay ? 'submitted' : 'pending';
  return STATUS_WEIGHTS[kind][side][TABLES[kind][side].pick(rng)][0];
}

/** Whether a status carries a fincen_reference (SPEC 9.1, I37): Filed or Amended. */
export function carriesFincenReference(status: FilingStatus): boolean {
  return status === 'Filed' || status === 'Amended';
}

/** The reasons of SPEC 10.4, in listed order (uniform of each list). */
export const REJECTION_REASONS = ['missing ID number', 'invalid TIN', 'incomplete address'] as const;
export const AMENDMENT_REASONS = ['cash-out amount', 'subject address', 'ID number'] as const;

/**
 * review_notes (SPEC 10.4), null unless the status is Pending Review, Rejected or Amended:
 * - Pending Review: `Awaiting review by <officer id> since <YYYY-MM-DD date of filing_timestamp>` (no draw);
 * - Rejected: `Rejected by FinCEN: ` + uniform of REJECTION_REASONS (one U(0,1));
 * - Amended: `Amended to correct ` + uniform of AMENDMENT_REASONS (one U(0,1)).
 *
 * @example reviewNotes('Pending Review', 'EMP-00412', toDayNumber(2026, 11, 4), rng)
 * // 'Awaiting review by EMP-00412 since 2026-11-04'
 */
export function reviewNotes(
  status: FilingStatus,
  officerId: string,
  filingTimestampDay: number,
  rng: Rng | null,
): string | null {
  const pick = (n: number) => {
    if (!rng) throw new Error(`a ${status} note draws its reason: pass the stream`);
    return uniformPick(rng, n);
  };
  switch (status) {
    case 'Pending Review':
      return `Awaiting review by ${officerId} since ${formatDate(filingTimestampDay)}`;
    case 'Rejected':
      return `Rejected by FinCEN: ${REJECTION_REASONS[pick(REJECTION_REASONS.length)]}`;
    case 'Amended':
      return `Amended to correct ${AMENDMENT_REASONS[pick(AMENDMENT_REASONS.length)]}`;
    default:
      return null;
  }
}
