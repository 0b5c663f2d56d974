/**
 * Money and notes as text (SPEC 7.1 notes, 9.3 narratives): `$1,234.56` with fixed comma grouping and two decimals,
 * built from integer cents by hand, never through Intl or toLocaleString, so every runtime writes the same bytes.
 */
import { formatDate } from '../scenario/instant';

function assertWholeCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money text needs whole cents (got ${cents})`);
}

/** 1234567 → `1,234,567`: the digits in groups of three, cut from the string once each. */
function groupThousands(whole: number): string {
  const digits = String(whole);
  let head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (; head < digits.length; head += 3) out += `,${digits.slice(head, head + 3)}`;
  return out;
}

/**
 * Dollars from integer cents: comma grouping, two decimals, a leading `-` before the `$` when negative
 * (−0 is `$0.00`).
 *
 * @example formatDollars(123_456) // '$1,234.56'; formatDollars(-100) // '-$1.00'
 */
export function formatDollars(cents: number): string {
  assertWholeCents(cents);
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = abs - whole * 100;
  return `${cents < 0 ? '-' : ''}$${groupThousands(whole)}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/**
 * As formatDollars, but whole-dollar amounts drop `.00`: how a threshold reads in prose (`each under $10,000`).
 *
 * @example formatDollarsShort(1_000_000) // '$10,000'; formatDollarsShort(1_000_050) // '$10,000.50'
 */
export function formatDollarsShort(cents: number): string {
  const text = formatDollars(cents);
  return text.endsWith('.00') ? text.slice(0, -3) : text;
}

/**
 * The notes of a JACKPOT_PAYOUT row (SPEC 7.1): `W-2G <filing_id>; withheld $<withholding_amount>`.
 *
 * @example jackpotPayoutNote('W2G-20261103-000042', 28_800) // 'W-2G W2G-20261103-000042; withheld $288.00'
 */
export function jackpotPayoutNote(filingId: string, withheldCents: number): string {
  return `W-2G ${filingId}; withheld ${formatDollars(withheldCents)}`;
}

/**
 * The notes of a MARKER_PAYMENT row (SPEC 7.1): `Marker <marker_number> issued <YYYY-MM-DD>`, the date being the
 * business_date (gaming day number) of the issue row.
 *
 * @example markerPaymentNote('MKR-C000123', toDayNumber(2026, 11, 3)) // 'Marker MKR-C000123 issued 2026-11-03'
 */
export function markerPaymentNote(markerNumber: string, issueDay: number): string {
  return `Marker ${markerNumber} issued ${formatDate(issueDay)}`;
}
