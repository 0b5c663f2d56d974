/**
 * Instants are integer microseconds since 1970-01-01T00:00:00Z (SPEC 2.1); text forms follow SPEC 13.1.
 * Pure integer calendar arithmetic: no Date parsing, no Intl, so every runtime gives the same answer.
 */

export const SECOND_US = 1_000_000;
export const MINUTE_US = 60 * SECOND_US;
export const HOUR_US = 60 * MINUTE_US;
export const DAY_US = 24 * HOUR_US;

/** A calendar date in the proleptic Gregorian calendar. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 of a calendar date (H. Hinnant's days_from_civil), e.g. `toDayNumber(1970, 1, 2) === 1`. */
export function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The calendar date of a day number (civil_from_days), e.g. `toCivilDate(0)` is 1970-01-01. */
export function toCivilDate(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** The earliest and latest accepted instants: 1970-01-01 and 2100-01-01, both included (SPEC 15 E_DATE). */
export const MIN_INSTANT_US = 0;
export const MAX_INSTANT_US = toDayNumber(2100, 1, 1) * DAY_US;

/** ⌊a / b⌋ for safe integers, corrected for floating-point rounding of the quotient. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/** Days since the epoch of an instant, floored: `dayNumber(DAY_US - 1) === 0`. */
export function dayNumber(us: number): number {
  return floorDiv(us, DAY_US);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function assertInstant(us: number): void {
  if (!Number.isSafeInteger(us)) throw new RangeError(`not an instant in whole microseconds: ${us}`);
}

/** `YYYY-MM-DD` of a day number (SPEC 13.1), e.g. `formatDate(0) === '1970-01-01'`. */
export function formatDate(day: number): string {
  const { year, month, day: d } = toCivilDate(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(d, 2)}`;
}

/** `YYYY-MM-DDTHH:MM:SS.ffffffZ`, always six fraction digits (SPEC 13.1), e.g. `1970-01-01T00:00:00.000001Z` for 1. */
export function formatInstant(us: number): string {
  assertInstant(us);
  const day = dayNumber(us);
  const inDay = us - day * DAY_US;
  const seconds = Math.floor(inDay / SECOND_US);
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  const ss = seconds % 60;
  return `${formatDate(day)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}.${pad(inDay % SECOND_US, 6)}Z`;
}

/** The date alone for a UTC midnight, the full 13.1 instant otherwise: how instants appear in messages (SPEC 15). */
export function formatInstantShort(us: number): string {
  assertInstant(us);
  return us % DAY_US === 0 ? formatDate(dayNumber(us)) : formatInstant(us);
}

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_TEXT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:\d{2})$/i;

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Offset `Z`, `+HH:MM` or `-HH:MM` in µs east of UTC, or null when out of range. */
function parseOffset(text: string): number | null {
  if (text.toUpperCase() === 'Z') return 0;
  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(4, 6));
  if (hours > 23 || minutes > 59) return null;
  return (text[0] === '-' ? -1 : 1) * (hours * HOUR_US + minutes * MINUTE_US);
}

function parseInstantFields(match: RegExpExecArray): number | null {
  const [, y, mo, d, h, mi, s = '0', frac = '', offsetText] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const offset = parseOffset(offsetText);
  if (offset === null) return null;
  const local =
    toDayNumber(year, month, day) * DAY_US + hour * HOUR_US + minute * MINUTE_US + second * SECOND_US;
  return local + Number(frac.padEnd(6, '0')) - offset;
}

/**
 * Parses `YYYY-MM-DD` (UTC midnight) or an ISO-8601 instant `YYYY-MM-DDTHH:MM[:SS[.f{1,6}]]` with `Z` or `±HH:MM`
 * (SPEC 14 `--start`). Returns µs, or null for text that is not a real calendar instant or lies outside
 * 1970-01-01..2100-01-01 (both included). Example: `parseInstantText('1970-01-01T01:00:00+01:00') === 0`.
 */
export function parseInstantText(text: string): number | null {
  const trimmed = text.trim();
  let us: number | null = null;
  const date = DATE_TEXT.exec(trimmed);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    us = validDate(year, month, day) ? toDayNumber(year, month, day) * DAY_US : null;
  } else {
    const instant = INSTANT_TEXT.exec(trimmed);
    us = instant ? parseInstantFields(instant) : null;
  }
  return us !== null && us >= MIN_INSTANT_US && us <= MAX_INSTANT_US ? us : null;
}
