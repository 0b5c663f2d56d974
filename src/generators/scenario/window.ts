/** The window `[start, end)` and `as_of` of a scenario: defaults (SPEC 2.2) and checks (SPEC 15). */
import { ScenarioError } from './errors';
import {
  DAY_US,
  HOUR_US,
  MAX_INSTANT_US,
  MIN_INSTANT_US,
  formatInstantShort,
  parseInstantText,
} from './instant';
import { MESSAGES, describeValue, formatDuration } from './messages';
import type { RawValue } from './types';

export const MAX_WINDOW_US = 731 * DAY_US;
export const MIN_WINDOW_US = HOUR_US;
export const MAX_AS_OF_LAG_US = 400 * DAY_US;

type InstantField = 'start' | 'end' | 'as_of';

export interface WindowInput {
  start: RawValue;
  end: RawValue;
  as_of: RawValue;
  /** Window length in days, or null when `days` was invalid (reported elsewhere). */
  days: number | null;
  /** Whether `days` was given explicitly (E_DAYS_CONFLICT). */
  daysGiven: boolean;
  /** UTC midnight that began today, µs. */
  today: number;
  label: (field: InstantField) => string;
}

export interface ResolvedWindow {
  start: number;
  end: number;
  as_of: number;
}

/** A text instant (SPEC 14), or a number taken as µs; null when invalid or out of range. */
export function readInstant(raw: string | number): number | null {
  if (typeof raw === 'string') return parseInstantText(raw);
  return Number.isSafeInteger(raw) && raw >= MIN_INSTANT_US && raw <= MAX_INSTANT_US ? raw : null;
}

function inRange(us: number): boolean {
  return us >= MIN_INSTANT_US && us <= MAX_INSTANT_US;
}

/**
 * Fills the window per SPEC 2.2 (neither given: ends at `today`; only end: start = end − days; only start:
 * end = start + days), then applies E_DATE, E_WINDOW_ORDER, E_WINDOW_SIZE, E_DAYS_CONFLICT and E_AS_OF.
 * Pushes failures onto `errors`; returns null when any was found.
 */
export function resolveWindow(input: WindowInput, errors: ScenarioError[]): ResolvedWindow | null {
  const before = errors.length;
  const read = (field: InstantField): number | null | undefined => {
    const raw = input[field];
    if (raw === undefined) return undefined;
    const us = readInstant(raw);
    if (us === null) errors.push(new ScenarioError('E_DATE', MESSAGES.date(input.label(field), describeValue(raw)), field));
    return us;
  };
  const start = read('start');
  const end = read('end');
  const asOf = read('as_of');
  if (input.daysGiven && input.start !== undefined && input.end !== undefined) {
    errors.push(new ScenarioError('E_DAYS_CONFLICT', MESSAGES.daysConflict(), 'days'));
  }
  const bounds = deriveBounds(start, end, input, errors);
  if (bounds) checkOrderAndSize(bounds, errors);
  const windowEnd = bounds?.end ?? (end === null ? undefined : end);
  const resolvedAsOf = asOf ?? windowEnd;
  if (asOf !== undefined && asOf !== null && windowEnd !== undefined) checkAsOf(asOf, windowEnd, errors);
  if (errors.length > before || !bounds || resolvedAsOf === undefined || resolvedAsOf === null) return null;
  return { start: bounds.start, end: bounds.end, as_of: resolvedAsOf };
}

/** Both bounds, given or derived from `days`; a derived bound outside the range is an E_DATE on its field. */
function deriveBounds(
  start: number | null | undefined,
  end: number | null | undefined,
  input: WindowInput,
  errors: ScenarioError[],
): { start: number; end: number } | null {
  if (start === null || end === null) return null;
  if (start !== undefined && end !== undefined) return { start, end };
  if (input.days === null) return null;
  const span = input.days * DAY_US;
  const bounds =
    end !== undefined
      ? { start: end - span, end }
      : start !== undefined
        ? { start, end: start + span }
        : { start: input.today - span, end: input.today };
  for (const field of ['start', 'end'] as const) {
    if (input[field] === undefined && !inRange(bounds[field])) {
      const got = formatInstantShort(bounds[field]);
      errors.push(new ScenarioError('E_DATE', MESSAGES.date(input.label(field), got), field));
      return null;
    }
  }
  return bounds;
}

function checkOrderAndSize(bounds: { start: number; end: number }, errors: ScenarioError[]): void {
  const size = bounds.end - bounds.start;
  if (size <= 0) {
    const message = MESSAGES.windowOrder(formatInstantShort(bounds.end), formatInstantShort(bounds.start));
    errors.push(new ScenarioError('E_WINDOW_ORDER', message, 'end'));
  } else if (size > MAX_WINDOW_US || size < MIN_WINDOW_US) {
    errors.push(new ScenarioError('E_WINDOW_SIZE', MESSAGES.windowSize(formatDuration(size)), 'end'));
  }
}

function checkAsOf(asOf: number, end: number, errors: ScenarioError[]): void {
  if (asOf < end || asOf > end + MAX_AS_OF_LAG_US) {
    errors.push(new ScenarioError('E_AS_OF', MESSAGES.asOf(formatInstantShort(asOf)), 'as_of'));
  }
}
