/**
 * SPEC 15's message templates as patterns, restated from the SPEC text (not imported from messages.ts, so a wrong
 * message cannot vouch for itself), for the robustness tests (issue 7). `<value>` is any echo; the tests check
 * separately that an echo is the offending value, shortened. Deviations listed in the README: E_FORMAT and
 * E_COMPRESSION name delta (issue 6); E_PII also covers `pii_key must be seed or secret (got <value>)`.
 */
import type { ScenarioErrorCode } from '../generators/scenario/errors';

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
/** An instant in a message: the date alone for a UTC midnight, else the full SPEC 13.1 form. */
const INSTANT = String.raw`${DATE}(?:T\d{2}:\d{2}:\d{2}\.\d{6}Z)?`;
const DURATION = String.raw`-?(?:\d+ days?|\d+ hours?|\d+ minutes?|\d+(?:\.\d+)? seconds?)(?: \d+ (?:hours?|minutes?)| \d+(?:\.\d+)? seconds?)*`;
const COUNT_FIELD = String.raw`(?:--)?(?:slots|tables|financial|security|players|compliance)`;
const ROWS = String.raw`\d{1,3}(?:,\d{3})*`;

const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export const SPEC15_TEMPLATES: Readonly<Partial<Record<ScenarioErrorCode, readonly RegExp[]>>> = {
  E_COUNT: [new RegExp(String.raw`^${COUNT_FIELD} must be a whole number from 0 to (?:100,000,000|10,000,000) \(got .+\)$`)],
  E_SEED: [/^seed must be a whole number from 0 to 4294967295 \(got .+\)$/],
  E_DAYS: [/^days must be a whole number from 1 to 731 \(got .+\)$/],
  E_DATE: [
    /^(?:start|end|as_of|--start|--end|--as-of) must be a date \(YYYY-MM-DD\) or an ISO-8601 instant between 1970-01-01 and 2100-01-01 \(got .+\)$/,
  ],
  E_WINDOW_ORDER: [new RegExp(`^end \\(${INSTANT}\\) must be after start \\(${INSTANT}\\)$`)],
  E_WINDOW_SIZE: [new RegExp(`^the window must be between 1 hour and 731 days \\(got ${DURATION}\\)$`)],
  E_DAYS_CONFLICT: [exact('use --days with at most one of --start/--end')],
  E_AS_OF: [new RegExp(`^as_of must be between end and end \\+ 400 days \\(got ${INSTANT}\\)$`)],
  E_FORMAT: [/^unknown format ".*": use parquet, csv, json or delta$/, /^unknown bundle ".*": use files or zip$/],
  E_COMPRESSION: [
    /^compression ".*" is not available for .+: use snappy, zstd or none for parquet and delta, none for csv and json$/,
  ],
  E_PRESET: [/^unknown preset ".*": use small, demo, production or legacy$/],
  E_JURISDICTION: [/^unknown jurisdiction ".*": use US-2025 or US-2026$/],
  E_PII: [
    exact('pii must be masked or raw'),
    exact('pii_key is "secret" but no secret was given (set CDS_PII_SECRET)'),
    /^pii_key must be seed or secret \(got .+\)$/,
  ],
  E_ARG: [
    /^unknown option .+$/,
    /^option .+ is ambiguous \(--[a-z-]+(?:, --[a-z-]+)+\)$/,
    /^option .+ needs a value$/,
    /^option .+ does not take a value$/,
  ],
  E_VOLUME: [
    new RegExp(
      `^${ROWS} compliance filings \\(${ROWS} CTR, ${ROWS} SAR, ${ROWS} W-2G\\) need: .+\\. Lower --compliance or raise these counts\\.$`,
    ),
  ],
  E_POPULATION: [exact('players must be at least 1 when other tables are generated (got 0)')],
};

/** The CLI's own argument messages (SPEC 14 flags added by issues 5-7), beside E_ARG. */
export const CLI_ARG_TEMPLATES: readonly RegExp[] = [
  /^--workers must be a whole number of at least 1 \(got .+\)$/,
  /^--shard must be K\/N with whole numbers 0 <= K < N <= 100,000 \(got .+\)$/,
  exact('--shard writes part files and cannot be combined with --zip'),
  exact('--dictionary describes a whole run and cannot be combined with --shard'),
  /^unknown partitioning ".*": use none or day$/,
];

/** The longest message a robustness test accepts: a value is echoed with at most 40 characters (6 when escaped). */
export const MAX_MESSAGE_CHARS = 500;

/** Whether `message` is a clear SPEC 15 message of `code`: one line, short, matching a template of that code. */
export function isClearMessage(code: ScenarioErrorCode, message: string): boolean {
  return message.length <= MAX_MESSAGE_CHARS && !/[\n\r]/.test(message) && (SPEC15_TEMPLATES[code] ?? []).some((t) => t.test(message));
}

/** Any SPEC 15 or CLI argument template (a CLI `error:` line carries no code). */
export function matchesAnyTemplate(message: string): boolean {
  if (message.length > MAX_MESSAGE_CHARS || /[\n\r]/.test(message)) return false;
  const all = [...Object.values(SPEC15_TEMPLATES).flat(), ...CLI_ARG_TEMPLATES];
  return all.some((t) => t.test(message));
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * How a message must echo a raw value (SPEC 15 "(got <value>)", issue 7): `""` when blank, else the first 40
 * characters and `…` when longer; `grouped` writes a whole number with `,` separators (row counts).
 * Null for values with control characters (their escaped echo is checked by messages.test.ts).
 */
export function expectedEcho(value: string | number, grouped = false): string | null {
  const text = String(value);
  if (text.trim() === '') return '""';
  if (CONTROL.test(text)) return null;
  const trimmed = text.trim();
  if (grouped && /^[+-]?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed))) {
    return Number(trimmed).toString().replace(/\B(?=(\d{3})+$)/g, ',');
  }
  const chars = Array.from(text);
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
}
