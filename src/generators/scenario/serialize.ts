/**
 * Canonical JSON and URL query forms of a Scenario (SPEC 2.1): keys in 2.1 order, instants as 13.1 text, counts in
 * table order. Query form: `counts` is flattened to `slots=…&tables=…`; a null count (table not generated) is
 * omitted (an empty value also reads as null). Parsing re-validates with the SPEC 15 rules, so
 * `parseScenarioJson(serializeScenarioJson(s))` gives back `s` exactly.
 */
import { TABLE_KEYS, type TableKey } from '../tables';
import { ScenarioError } from './errors';
import { formatInstant } from './instant';
import { describeValue, shortenValue } from './messages';
import type { RawValue, Scenario, ScenarioCounts } from './types';
import { SCENARIO_KEYS } from './types';
import { resolveScenario, type ScenarioInput, type ScenarioResult } from './validate';

/** The scenario as plain JSON data, keys in canonical order; embeds in the manifest (SPEC 13.4). */
export interface ScenarioRecord {
  spec_version: 1;
  seed: number;
  start: string;
  end: string;
  as_of: string;
  counts: ScenarioCounts;
  pii: Scenario['pii'];
  pii_key: Scenario['pii_key'];
  format: Scenario['format'];
  compression: Scenario['compression'];
  jurisdiction: string;
  bundle: Scenario['bundle'];
}

/** The canonical record of a scenario, e.g. `start: '2026-01-01T00:00:00.000000Z'`. */
export function toScenarioRecord(s: Scenario): ScenarioRecord {
  const counts = {} as ScenarioCounts;
  for (const table of TABLE_KEYS) counts[table] = s.counts[table];
  return {
    spec_version: 1,
    seed: s.seed,
    start: formatInstant(s.start),
    end: formatInstant(s.end),
    as_of: formatInstant(s.as_of),
    counts,
    pii: s.pii,
    pii_key: s.pii_key,
    format: s.format,
    compression: s.compression,
    jurisdiction: s.jurisdiction,
    bundle: s.bundle,
  };
}

/** Canonical compact JSON: `{"spec_version":1,"seed":42,"start":"…",…}`. */
export function serializeScenarioJson(s: Scenario): string {
  return JSON.stringify(toScenarioRecord(s));
}

/** `:` is legal in a query (RFC 3986) and keeps instants readable in a shared link. */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':');
}

/** Canonical query string without `?`: `spec_version=1&seed=42&start=…&slots=10000&…&bundle=files`. */
export function serializeScenarioQuery(s: Scenario): string {
  const record = toScenarioRecord(s);
  const pairs: string[] = [];
  for (const key of SCENARIO_KEYS) {
    if (key === 'counts') {
      for (const table of TABLE_KEYS) {
        const n = record.counts[table];
        if (n !== null) pairs.push(`${table}=${n}`);
      }
    } else {
      pairs.push(`${key}=${encodeQueryValue(String(record[key]))}`);
    }
  }
  return pairs.join('&');
}

const malformed = (message: string, field?: string) => new ScenarioError('E_SCENARIO', message, field);

/** A tampered link can hold thousands of bad keys: the first few are listed, then how many more (12 = one per field, and one). */
const MAX_REPORTED_ERRORS = 12;

const fail = (errors: ScenarioError[]): ScenarioResult => {
  if (errors.length <= MAX_REPORTED_ERRORS) return { ok: false, errors };
  const more = errors.length - (MAX_REPORTED_ERRORS - 1);
  return { ok: false, errors: [...errors.slice(0, MAX_REPORTED_ERRORS - 1), malformed(`… and ${more} more problems`)] };
};

/**
 * spec_version other than 1: a whole number is another version of the spec, explained as such and reported alone
 * (its fields may mean something else, so none is judged); anything else is a bad value. `made` names the carrier,
 * e.g. `this link was made`. Null when the version is 1 or absent (a missing key is reported with the others).
 */
function versionError(got: string | undefined, made: string): { error: ScenarioError; foreign: boolean } | null {
  if (got === undefined || got === '1') return null;
  const text = got.trim();
  if (/^\d{1,6}$/.test(text) && Number(text) !== 1) {
    const message = `${made} by spec version ${Number(text)} (spec_version=${text}); this version of Casino Data Studio reads spec version 1 only`;
    return { error: malformed(message, 'spec_version'), foreign: true };
  }
  return { error: malformed(`spec_version must be 1 (got ${describeValue(got)})`, 'spec_version'), foreign: false };
}

/** Builds the resolver input from fields already checked for shape; no default can apply (all keys given). */
function toInput(fields: Record<string, RawValue>, counts: Partial<Record<TableKey, RawValue>>): ScenarioInput {
  const { seed, start, end, as_of, pii, pii_key, format, compression, jurisdiction, bundle } = fields;
  return { seed, start, end, as_of, counts, pii, pii_key, format, compression, jurisdiction, bundle, today: 0 };
}

const FLAT_KEYS = SCENARIO_KEYS.filter((k) => k !== 'counts' && k !== 'spec_version');
const NUMBER_KEYS: readonly string[] = ['seed'];

/** Parses canonical JSON (any key order); malformed input gives E_SCENARIO errors, bad values the SPEC 15 ones. */
export function parseScenarioJson(text: string): ScenarioResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail([malformed('the scenario is not valid JSON')]);
  }
  return parseScenarioRecord(data);
}

/** Parses a scenario already read from JSON (e.g. the manifest's `scenario`); errors as in parseScenarioJson. */
export function parseScenarioRecord(data: unknown): ScenarioResult {
  if (!isObject(data)) return fail([malformed('the scenario must be a JSON object')]);
  const got = data.spec_version;
  const version = versionError(typeof got === 'number' || got === undefined ? got?.toString() : JSON.stringify(got), 'this scenario was written');
  if (version?.foreign) return fail([version.error]);
  const errors = checkKeys(Object.keys(data), [...SCENARIO_KEYS], 'scenario field');
  if (version) errors.push(version.error);
  const fields: Record<string, RawValue> = {};
  for (const key of FLAT_KEYS) {
    const value = data[key];
    const type = NUMBER_KEYS.includes(key) ? 'number' : 'string';
    if (value === undefined) continue;
    if (typeof value === type) fields[key] = value as string | number;
    else errors.push(malformed(`scenario field "${key}" must be a ${type}`, key));
  }
  const counts = readJsonCounts(data.counts, errors);
  return errors.length > 0 ? fail(errors) : resolveScenario(toInput(fields, counts));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Unknown keys, then missing ones, as E_SCENARIO errors. */
function checkKeys(present: string[], expected: string[], what: string): ScenarioError[] {
  const errors = present
    .filter((key) => !expected.includes(key))
    .map((key) => malformed(`unknown ${what} "${shortenValue(key)}"`, key));
  for (const key of expected) {
    if (!present.includes(key)) errors.push(malformed(`${what} "${key}" is missing`, key));
  }
  return errors;
}

function readJsonCounts(value: unknown, errors: ScenarioError[]): Partial<Record<TableKey, RawValue>> {
  const counts: Partial<Record<TableKey, RawValue>> = {};
  if (value === undefined) return counts;
  if (!isObject(value)) {
    errors.push(malformed('scenario field "counts" must be an object', 'counts'));
    return counts;
  }
  errors.push(...checkKeys(Object.keys(value), [...TABLE_KEYS], 'table'));
  for (const table of TABLE_KEYS) {
    const n = value[table];
    if (typeof n === 'number') counts[table] = n;
    else if (n !== null && n !== undefined) errors.push(malformed(`count "${table}" must be a number or null`, table));
  }
  return counts;
}

/** Parses the query form (a leading `?` is allowed; `+` is not a space); errors as in parseScenarioJson. */
export function parseScenarioQuery(query: string): ScenarioResult {
  const errors: ScenarioError[] = [];
  const values = new Map<string, string>();
  for (const segment of query.replace(/^\?/, '').split('&')) {
    if (segment === '') continue;
    const cut = segment.indexOf('=');
    const [key, value] = cut < 0 ? [segment, ''] : [segment.slice(0, cut), segment.slice(cut + 1)];
    const decoded = decodeComponent(key, value);
    if (!decoded) errors.push(malformed(`the scenario link has bad percent-encoding in "${shortenValue(segment)}"`));
    else if (values.has(decoded[0])) errors.push(malformed(`scenario field "${shortenValue(decoded[0])}" is given twice`, decoded[0]));
    else values.set(decoded[0], decoded[1]);
  }
  const present = [...values.keys()];
  const required = SCENARIO_KEYS.filter((k) => k !== 'counts');
  errors.push(...checkKeys(present.filter((k) => !(TABLE_KEYS as readonly string[]).includes(k)), [...required], 'scenario field'));
  const version = versionError(values.get('spec_version'), 'this link was made');
  if (version?.foreign) return fail([version.error]);
  if (version) errors.push(version.error);
  const fields: Record<string, RawValue> = Object.fromEntries(FLAT_KEYS.map((k) => [k, values.get(k)]));
  const counts: Partial<Record<TableKey, RawValue>> = {};
  for (const table of TABLE_KEYS) {
    const n = values.get(table);
    if (n !== undefined && n !== '') counts[table] = n;
  }
  return errors.length > 0 ? fail(errors) : resolveScenario(toInput(fields, counts));
}

function decodeComponent(key: string, value: string): [string, string] | null {
  try {
    return [decodeURIComponent(key), decodeURIComponent(value)];
  } catch {
    return null;
  }
}
