/** From raw CLI/UI values to a validated Scenario: defaults of SPEC 2.1–2.3, rules and messages of SPEC 15. */
import { TABLE_KEYS, type TableKey } from '../tables';
import { COUNT_MAX, lacksPopulation } from './counts';
import { ScenarioError, sortScenarioErrors } from './errors';
import { DEFAULT_JURISDICTION_ID, findJurisdiction } from './jurisdictions';
import { MESSAGES, describeCount, describeValue } from './messages';
import { findPreset, type VolumePreset } from './presets';
import {
  BUNDLES,
  COMPRESSIONS,
  FORMATS,
  writesParquet,
  PII_KEYS,
  PII_MODES,
  type Compression,
  type OutputFormat,
  type RawValue,
  type Scenario,
  type ScenarioCounts,
  type ScenarioField,
} from './types';
import { resolveWindow } from './window';

export const DEFAULT_SEED = 42;
export const MAX_SEED = 4_294_967_295;
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 731;

/** Raw, unvalidated scenario values as the CLI or the UI holds them; `undefined` = not given. */
export interface ScenarioInput {
  seed?: RawValue;
  /** Window length; default the preset's days, else 30 (SPEC 2.2). */
  days?: RawValue;
  /** Text instants (SPEC 14 `--start`), or numbers taken as µs. */
  start?: RawValue;
  end?: RawValue;
  as_of?: RawValue;
  /** Per-table counts; an absent key is a table not selected (unless a preset selects it). 0 = an empty table. */
  counts?: Partial<Record<TableKey, RawValue>>;
  /** A preset selects all six tables; explicit counts override its counts (SPEC 2.3). */
  preset?: RawValue;
  pii?: RawValue;
  pii_key?: RawValue;
  /** Whether a PII secret is available; `undefined` skips the E_PII secret check (a stored scenario has none). */
  has_secret?: boolean;
  format?: RawValue;
  /** `undefined` = snappy for Parquet, none otherwise. */
  compression?: RawValue;
  jurisdiction?: RawValue;
  bundle?: RawValue;
  /** `<field>` names used in messages, e.g. `{ slots: '--slots', start: '--start' }`; default the field key. */
  labels?: Partial<Record<ScenarioField, string>>;
  /** The UTC midnight that began today, µs, read once from the wall clock by the caller (SPEC 2.2). */
  today: number;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/**
 * A whole number from text (optional sign, digits, surrounding blanks allowed, as Python's int) or from a number;
 * null for anything else. Example: `parseWholeNumber(' +7 ') === 7`, `parseWholeNumber('1.5') === null`.
 */
export function parseWholeNumber(raw: string | number): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw + 0 : null;
  const text = raw.trim();
  return /^[+-]?\d+$/.test(text) ? Number(text) + 0 : null;
}

function readInteger(raw: string | number, min: number, max: number): number | null {
  const n = parseWholeNumber(raw);
  return n !== null && n >= min && n <= max ? n : null;
}

/**
 * Validates raw values and fills every default (SPEC 2.1–2.3), reporting all failures at once in SPEC 15 order.
 * Example: `resolveScenario({ preset: 'small', seed: '7', today })` gives the small volumes over the 7 days
 * ending at `today`. Throws RangeError only when `today` is not a whole number of µs (a caller bug).
 */
export function resolveScenario(input: ScenarioInput): ScenarioResult {
  if (!Number.isSafeInteger(input.today)) throw new RangeError(`today must be whole microseconds (got ${input.today})`);
  const errors: ScenarioError[] = [];
  const label = (field: ScenarioField) => input.labels?.[field] ?? field;
  const preset = readPreset(input.preset, errors);
  const counts = readCounts(input.counts ?? {}, preset, label, errors);
  const seed = readSeed(input.seed, errors);
  const days = readDays(input.days, preset, errors);
  const window = resolveWindow(
    { start: input.start, end: input.end, as_of: input.as_of, days, daysGiven: input.days !== undefined, today: input.today, label },
    errors,
  );
  const format = readChoice(input.format, FORMATS, 'parquet', errors, (got) =>
    new ScenarioError('E_FORMAT', MESSAGES.format(got), 'format'),
  );
  const compression = readCompression(input.compression, format ?? String(input.format), errors);
  const jurisdiction = readJurisdiction(input.jurisdiction, errors);
  const pii = readChoice(input.pii, PII_MODES, 'masked', errors, () => new ScenarioError('E_PII', MESSAGES.pii(), 'pii'));
  const piiKey = readPiiKey(input.pii_key, input.has_secret, errors);
  const bundle = readChoice(input.bundle, BUNDLES, 'files', errors, (got) =>
    new ScenarioError('E_FORMAT', MESSAGES.bundle(got), 'bundle'),
  );
  if (lacksPopulation(counts)) errors.push(new ScenarioError('E_POPULATION', MESSAGES.population(), 'players'));
  const complete = seed !== null && window && format && compression && jurisdiction && pii && piiKey && bundle;
  if (errors.length > 0 || !complete) return { ok: false, errors: sortScenarioErrors(errors) };
  return {
    ok: true,
    scenario: { spec_version: 1, seed, ...window, counts, pii, pii_key: piiKey, format, compression, jurisdiction, bundle },
  };
}

function readPreset(raw: RawValue, errors: ScenarioError[]): VolumePreset | undefined {
  if (raw === undefined) return undefined;
  const preset = findPreset(String(raw));
  if (!preset) errors.push(new ScenarioError('E_PRESET', MESSAGES.preset(String(raw)), 'preset'));
  return preset;
}

/** SPEC 2.3: a preset gives every table its count; an explicit count (0 included) overrides it. */
function readCounts(
  raw: Partial<Record<TableKey, RawValue>>,
  preset: VolumePreset | undefined,
  label: (field: ScenarioField) => string,
  errors: ScenarioError[],
): ScenarioCounts {
  const counts = {} as ScenarioCounts;
  for (const table of TABLE_KEYS) {
    const value = raw[table];
    if (value === undefined) {
      counts[table] = preset ? preset.counts[table] : null;
      continue;
    }
    counts[table] = readInteger(value, 0, COUNT_MAX[table]);
    if (counts[table] === null) {
      const message = MESSAGES.count(label(table), COUNT_MAX[table], describeCount(value));
      errors.push(new ScenarioError('E_COUNT', message, table));
    }
  }
  return counts;
}

function readSeed(raw: RawValue, errors: ScenarioError[]): number | null {
  if (raw === undefined) return DEFAULT_SEED;
  const seed = readInteger(raw, 0, MAX_SEED);
  if (seed === null) errors.push(new ScenarioError('E_SEED', MESSAGES.seed(describeValue(raw)), 'seed'));
  return seed;
}

function readDays(raw: RawValue, preset: VolumePreset | undefined, errors: ScenarioError[]): number | null {
  if (raw === undefined) return preset?.days ?? DEFAULT_DAYS;
  const days = readInteger(raw, 1, MAX_DAYS);
  if (days === null) errors.push(new ScenarioError('E_DAYS', MESSAGES.days(describeValue(raw)), 'days'));
  return days;
}

/** One of `choices` (exact match), `fallback` when not given; otherwise pushes `invalid(raw)` and returns null. */
function readChoice<T extends string>(
  raw: RawValue,
  choices: readonly T[],
  fallback: T,
  errors: ScenarioError[],
  invalid: (got: string) => ScenarioError,
): T | null {
  if (raw === undefined) return fallback;
  const text = String(raw);
  if ((choices as readonly string[]).includes(text)) return text as T;
  errors.push(invalid(text));
  return null;
}

/** SPEC 2.1: the compression of a format when none is given: snappy for Parquet, none for text. */
export function defaultCompression(format: OutputFormat | string): Compression {
  return writesParquet(format) || !(FORMATS as readonly string[]).includes(format) ? 'snappy' : 'none';
}

/** SPEC 2.1/15: default snappy for Parquet and none otherwise; snappy or zstd given with csv/json is an error. */
function readCompression(raw: RawValue, format: OutputFormat | string, errors: ScenarioError[]): Compression | null {
  if (raw === undefined) return defaultCompression(format);
  const text = String(raw);
  const known = (COMPRESSIONS as readonly string[]).includes(text);
  if (known && (writesParquet(format) || text === 'none')) return text as Compression;
  errors.push(new ScenarioError('E_COMPRESSION', MESSAGES.compression(text, format), 'compression'));
  return null;
}

function readJurisdiction(raw: RawValue, errors: ScenarioError[]): string | null {
  if (raw === undefined) return DEFAULT_JURISDICTION_ID;
  const id = String(raw);
  if (findJurisdiction(id)) return id;
  errors.push(new ScenarioError('E_JURISDICTION', MESSAGES.jurisdiction(id), 'jurisdiction'));
  return null;
}

function readPiiKey(raw: RawValue, hasSecret: boolean | undefined, errors: ScenarioError[]) {
  const key = readChoice(raw, PII_KEYS, 'seed', errors, (got) =>
    new ScenarioError('E_PII', MESSAGES.piiKey(describeValue(got)), 'pii_key'),
  );
  if (key === 'secret' && hasSecret === false) {
    errors.push(new ScenarioError('E_PII', MESSAGES.piiSecret(), 'pii_key'));
  }
  return key;
}
