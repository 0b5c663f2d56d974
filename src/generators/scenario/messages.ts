/** Message texts of SPEC 15, and the number and duration formats they use. No Intl, no toLocaleString. */
import { DAY_US, HOUR_US, MINUTE_US, SECOND_US } from './instant';

/** A whole number with `,` thousands separators, e.g. `formatCount(1234567) === '1,234,567'`. */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

function unit(n: number, name: string): string {
  return `${n} ${name}${n === 1 ? '' : 's'}`;
}

/** A readable duration: `formatDuration(2 * DAY_US + 3 * HOUR_US) === '2 days 3 hours'`; zero parts are left out. */
export function formatDuration(us: number): string {
  if (us < 0) return `-${formatDuration(-us)}`;
  const parts: string[] = [];
  let rest = us;
  for (const [size, name] of [[DAY_US, 'day'], [HOUR_US, 'hour'], [MINUTE_US, 'minute']] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(unit(n, name));
    rest -= n * size;
  }
  if (rest > 0 || parts.length === 0) {
    const fraction = String(rest % SECOND_US).padStart(6, '0').replace(/0+$/, '');
    const whole = Math.floor(rest / SECOND_US);
    parts.push(fraction ? `${whole}.${fraction} seconds` : unit(whole, 'second'));
  }
  return parts.join(' ');
}

/** Characters of a raw value a message echoes; longer values are cut there and end in `…` (issue 7). */
export const ECHO_MAX_CHARS = 40;

/** Control characters (and the JS line separators) would split a one-line message; they are echoed escaped. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function escapeControl(char: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A raw value as a message echoes it: at most ECHO_MAX_CHARS characters (code points, so no surrogate is split)
 * then `…`, control characters escaped, so a 100,000-character value still gives a short one-line message.
 * Example: `shortenValue('x'.repeat(50))` is 40 `x` and `…`; `shortenValue('a\nb') === 'a\\nb'`.
 */
export function shortenValue(text: string): string {
  let cut = 0;
  for (let chars = 0; cut < text.length && chars < ECHO_MAX_CHARS; chars += 1) {
    cut += (text.codePointAt(cut) ?? 0) > 0xffff ? 2 : 1;
  }
  const head = cut < text.length ? `${text.slice(0, cut)}…` : text;
  return head.replace(CONTROL, escapeControl);
}

/** How a raw input value appears after `got`: as given (shortened), `""` when empty or blank. */
export function describeValue(value: string | number | undefined): string {
  const text = String(value ?? '');
  return text.trim() === '' ? '""' : shortenValue(text);
}

/** Like describeValue, but a whole number is written with separators (row counts, SPEC 15). */
export function describeCount(value: string | number | undefined): string {
  const text = describeValue(value).trim();
  return /^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? formatCount(Number(text)) : describeValue(value);
}

export const MESSAGES = {
  count: (field: string, max: number, got: string) =>
    `${field} must be a whole number from 0 to ${formatCount(max)} (got ${got})`,
  seed: (got: string) => `seed must be a whole number from 0 to 4294967295 (got ${got})`,
  days: (got: string) => `days must be a whole number from 1 to 731 (got ${got})`,
  date: (field: string, got: string) =>
    `${field} must be a date (YYYY-MM-DD) or an ISO-8601 instant between 1970-01-01 and 2100-01-01 (got ${got})`,
  windowOrder: (end: string, start: string) => `end (${end}) must be after start (${start})`,
  windowSize: (duration: string) => `the window must be between 1 hour and 731 days (got ${duration})`,
  daysConflict: () => 'use --days with at most one of --start/--end',
  asOf: (got: string) => `as_of must be between end and end + 400 days (got ${got})`,
  format: (got: string) => `unknown format "${shortenValue(got)}": use parquet, csv, json or delta`,
  compression: (got: string, format: string) =>
    `compression "${shortenValue(got)}" is not available for ${shortenValue(format)}: use snappy, zstd or none for parquet and delta, none for csv and json`,
  preset: (got: string) => `unknown preset "${shortenValue(got)}": use small, demo, production or legacy`,
  jurisdiction: (got: string) => `unknown jurisdiction "${shortenValue(got)}": use US-2025 or US-2026`,
  pii: () => 'pii must be masked or raw',
  piiSecret: () => 'pii_key is "secret" but no secret was given (set CDS_PII_SECRET)',
  piiKey: (got: string) => `pii_key must be seed or secret (got ${got})`,
  bundle: (got: string) => `unknown bundle "${shortenValue(got)}": use files or zip`,
  population: () => 'players must be at least 1 when other tables are generated (got 0)',
} as const;
