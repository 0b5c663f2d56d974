/**
 * SAR narratives (SPEC 9.3): written from the cited transactions, always naming the patron, the first and last
 * instants, the gaming day(s), the count and the total, then one sentence for the category. No draws: the text is
 * a function of the facts. **Fix:** the legacy generator used one canned sentence per category.
 */
import { toCents } from '../rng';
import { DAY_US, MINUTE_US, dayNumber, formatDate, formatInstant } from '../scenario/instant';
import type { Jurisdiction } from '../scenario/jurisdictions';
import { formatDay } from '../time/format';
import { gamingDay as gamingDayOf } from '../time/intensity';
import { formatDollars, formatDollarsShort } from './money-text';

/** SAR categories in the order of SPEC 9.3 (the order of apportionment), with their weights. */
export const SAR_CATEGORIES = [
  'Structuring',
  'Unusual Transaction Pattern',
  'Chip Walking',
  'Third Party Activity',
  'Identity Concerns',
  'Credit Abuse',
  'Wire Transfer Anomaly',
  'Other Suspicious Activity',
  'Counterfeit Currency',
  'Employee Involvement',
] as const;
export type SarCategory = (typeof SAR_CATEGORIES)[number];
export const SAR_CATEGORY_WEIGHTS: readonly number[] = [0.25, 0.15, 0.1, 0.08, 0.08, 0.08, 0.08, 0.08, 0.06, 0.04];

/** The closing sentence of each category: what the facts suggest. */
export const SAR_CATEGORY_SENTENCES: Readonly<Record<SarCategory, string>> = {
  Structuring: 'The pattern suggests structuring to avoid currency reporting.',
  'Unusual Transaction Pattern':
    'Chips were bought and cashed out for nearly the same amount with no rated play recorded that day, which ' +
    'suggests the cage was used to convert funds rather than to gamble.',
  'Chip Walking':
    'The patron bought chips but redeemed none on these days, which suggests the chips were taken off the property ' +
    'or passed to another person.',
  'Third Party Activity':
    'The deposits appear to have been made with funds from, or on behalf of, a third party whose identity was not ' +
    'established.',
  'Identity Concerns':
    "The identification presented for these transactions was inconsistent with the patron's records, raising " +
    "concerns about the patron's true identity.",
  'Credit Abuse':
    'The markers were drawn against casino credit and remain unpaid, which suggests credit was obtained with no ' +
    'intent or means to repay it.',
  'Wire Transfer Anomaly':
    'Funds wired in were wired back out with little gaming activity in between, which is consistent with using the ' +
    'casino to move money.',
  'Other Suspicious Activity':
    'The activity has no apparent business or gaming purpose and has been referred for further review.',
  'Counterfeit Currency': 'Currency tendered in these transactions included notes suspected to be counterfeit.',
  'Employee Involvement':
    'All of these transactions were handled by the same cashier, which suggests possible employee involvement.',
};

/** How a transaction_type reads in prose (SPEC 7.2 types). */
export const TRANSACTION_TYPE_LABELS: Readonly<Record<string, string>> = {
  CASH_IN: 'cash-in',
  CASH_OUT: 'cash-out',
  CHIP_PURCHASE: 'chip purchase',
  CHIP_REDEMPTION: 'chip redemption',
  WIRE_TRANSFER_IN: 'incoming wire',
  WIRE_TRANSFER_OUT: 'outgoing wire',
  CHECK_CASHING: 'check cashing',
  MARKER_ISSUE: 'marker issue',
  MARKER_PAYMENT: 'marker payment',
  FRONT_MONEY_DEPOSIT: 'front money deposit',
  FRONT_MONEY_WITHDRAWAL: 'front money withdrawal',
  SAFEKEEPING_DEPOSIT: 'safekeeping deposit',
  SAFEKEEPING_WITHDRAWAL: 'safekeeping withdrawal',
  JACKPOT_PAYOUT: 'jackpot payout',
};

/** One cited transaction. */
export interface SarTransaction {
  /** transaction_timestamp, µs since the epoch. */
  readonly timestamp: number;
  readonly amountCents: number;
  /** transaction_type (SPEC 7.2). */
  readonly type: string;
}

export interface SarFacts {
  readonly category: SarCategory;
  readonly playerId: string;
  /** The cited transactions, in any order (the narrative lists them in time order). */
  readonly transactions: readonly SarTransaction[];
  /** suspicious_activity_date: the gaming day (day number) of the first cited transaction. */
  readonly gamingDay: number;
}

/** `YYYY-MM-DD HH:MM` of an instant, minutes truncated (the first 16 characters of its ISO form). */
function minuteText(us: number): string {
  if (!Number.isSafeInteger(us)) return formatInstant(us); // throws its own message
  const day = dayNumber(us);
  const minutes = Math.floor((us - day * DAY_US) / MINUTE_US);
  return `${formatDate(day)} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

function labelOf(type: string): string {
  const label = TRANSACTION_TYPE_LABELS[type];
  if (label === undefined) throw new RangeError(`unknown transaction_type in a SAR: ${type}`);
  return label;
}

/** The parenthesised list of amounts; for Structuring, prefixed by `each under <CTR threshold>: ` when true. */
function amountDetail(
  category: SarCategory,
  sorted: readonly SarTransaction[],
  sameType: boolean,
  thresholdCents: number,
): string {
  if (!sameType) return sorted.map((t) => `${labelOf(t.type)} ${formatDollars(t.amountCents)}`).join(', ');
  const amounts = sorted.map((t) => formatDollars(t.amountCents)).join(', ');
  const allUnder = sorted.every((t) => t.amountCents < thresholdCents);
  if (category !== 'Structuring' || !allUnder) return amounts;
  return `each under ${formatDollarsShort(thresholdCents)}: ${amounts}`;
}

/**
 * The sar_narrative of SPEC 9.3, at least 100 characters. Shape:
 * `Between <first> and <last> UTC (gaming day <D>), patron <player_id> made <n> <type> transactions at the cage
 * totalling <total> (<amounts>). <category sentence>`; times are `YYYY-MM-DD HH:MM` (minutes truncated), amounts in
 * time order. Variants, all from the facts: one transaction reads `At <t> UTC`; a run over several gaming days reads
 * `gaming days <D1> to <D2>`; mixed types read `made <n> transactions … (<type> <amount>, …)`; the `each under
 * <threshold>: ` prefix is written for Structuring when every amount is below the preset's CTR threshold.
 * Throws when there is no transaction or `gamingDay` is not the gaming day of the first one.
 *
 * @example sarNarrative({ category: 'Structuring', playerId: 'P004211', transactions, gamingDay }, us2025)
 * // 'Between 2026-11-03 21:14 and 2026-11-04 01:02 UTC (gaming day 2026-11-03), patron P004211 made 3 …'
 */
export function sarNarrative(facts: SarFacts, j: Jurisdiction): string {
  const sorted = [...facts.transactions].sort((a, b) => a.timestamp - b.timestamp);
  const n = sorted.length;
  if (n === 0) throw new RangeError('a SAR narrative needs at least one transaction');
  const first = sorted[0];
  const last = sorted[n - 1];
  if (gamingDayOf(first.timestamp) !== facts.gamingDay) {
    throw new RangeError(`gamingDay ${formatDay(facts.gamingDay)} is not the gaming day of the first transaction`);
  }
  const lastDay = gamingDayOf(last.timestamp);
  const from = minuteText(first.timestamp);
  const span = n === 1 ? `At ${from} UTC` : `Between ${from} and ${minuteText(last.timestamp)} UTC`;
  const days = lastDay === facts.gamingDay
    ? `gaming day ${formatDay(facts.gamingDay)}`
    : `gaming days ${formatDay(facts.gamingDay)} to ${formatDay(lastDay)}`;
  const sameType = sorted.every((t) => t.type === first.type);
  const noun = `transaction${n === 1 ? '' : 's'}`;
  const what = sameType ? `${n} ${labelOf(first.type)} ${noun}` : `${n} ${noun}`;
  const total = sorted.reduce((sum, t) => sum + t.amountCents, 0);
  const detail = amountDetail(facts.category, sorted, sameType, toCents(j.ctr_threshold));
  const sentence = SAR_CATEGORY_SENTENCES[facts.category];
  if (sentence === undefined) throw new RangeError(`unknown SAR category: ${facts.category}`);
  return `${span} (${days}), patron ${facts.playerId} made ${what} at the cage totalling ${formatDollars(total)} ` +
    `(${detail}). ${sentence}`;
}
