/**
 * Issue 7, bad input: generated invalid scenario inputs are each rejected by resolveScenario with SPEC 15 messages
 * naming the field and echoing the offending value (shortened), never a throw; generated valid inputs resolve and
 * round-trip through the share-link query and canonical JSON unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badDateText, badWholeNumber, unknownChoice } from '../../testing/bad-values';
import { describeFailures, judgeCases, sampleCases } from '../../testing/property-cases';
import { recordTally } from '../../testing/robustness';
import { expectedEcho, isClearMessage } from '../../testing/spec15-templates';
import { TABLE_KEYS, type TableKey } from '../tables';
import { COUNT_MAX } from './counts';
import type { ScenarioErrorCode } from './errors';
import { DAY_US, HOUR_US, MAX_INSTANT_US, formatInstant, parseInstantText } from './instant';
import { JURISDICTION_IDS } from './jurisdictions';
import { formatCount } from './messages';
import { PRESET_NAMES } from './presets';
import { parseScenarioJson, parseScenarioQuery, serializeScenarioJson, serializeScenarioQuery } from './serialize';
import { COMPRESSIONS, FORMATS, PII_KEYS, PII_MODES } from './types';
import { MAX_SEED, resolveScenario, type ScenarioInput } from './validate';

const TODAY = parseInstantText('2026-11-25')!;
const INVALID_RUNS = 600;
const VALID_RUNS = 250;

/** One planted fault: how it changes a valid input, and the error it must produce. */
interface Fault {
  readonly kind: string;
  readonly apply: (input: ScenarioInput) => void;
  readonly code: ScenarioErrorCode;
  readonly field: string;
  /** The text the message must contain, when the fault's value is echoed. */
  readonly echo?: string | null;
}

const instantIn = (min: number, max: number) => fc.integer({ min, max }).map((us) => Math.floor(us / 1000) * 1000);
const MIN_DAY = DAY_US;
const YEAR = 365 * DAY_US;

const countFault: fc.Arbitrary<Fault> = fc
  .constantFrom(...TABLE_KEYS)
  .chain((table) =>
    badWholeNumber(0, COUNT_MAX[table]).map((value): Fault => ({
      kind: 'count',
      apply: (input) => void (input.counts = { ...input.counts, [table]: value }),
      code: 'E_COUNT',
      field: table,
      echo: expectedEcho(value, true),
    })),
  );

const seedFault: fc.Arbitrary<Fault> = badWholeNumber(0, MAX_SEED).map((value) => ({
  kind: 'seed',
  apply: (input) => void (input.seed = value),
  code: 'E_SEED',
  field: 'seed',
  echo: expectedEcho(value),
}));

const daysFault: fc.Arbitrary<Fault> = badWholeNumber(1, 731).map((value) => ({
  kind: 'days',
  apply: (input) => void (input.days = value),
  code: 'E_DAYS',
  field: 'days',
  echo: expectedEcho(value),
}));

const dateFault: fc.Arbitrary<Fault> = fc.tuple(fc.constantFrom('start', 'end', 'as_of') as fc.Arbitrary<'start' | 'end' | 'as_of'>, fc.oneof(badDateText, fc.constantFrom(-1, 1.5, MAX_INSTANT_US + 1, Number.NaN))).map(([field, value]) => ({
  kind: 'date',
  apply: (input) => void (input[field] = value),
  code: 'E_DATE',
  field,
  echo: expectedEcho(value),
}));

/** Both bounds given, end ≤ start. */
const reversedWindow: fc.Arbitrary<Fault> = fc
  .tuple(instantIn(MIN_DAY, MAX_INSTANT_US), fc.integer({ min: 0, max: 800 * DAY_US }))
  .map(([start, back]) => ({
    kind: 'reversed window',
    apply: (input) => Object.assign(input, { start: formatInstant(start), end: formatInstant(Math.max(0, start - back)) }),
    code: 'E_WINDOW_ORDER',
    field: 'end',
  }));

/** Both bounds given, the window shorter than 1 hour or longer than 731 days. */
const badWindowSize: fc.Arbitrary<Fault> = fc
  .tuple(instantIn(0, MAX_INSTANT_US - 800 * DAY_US), fc.oneof(fc.integer({ min: 1, max: HOUR_US - 1 }), fc.integer({ min: 731 * DAY_US + 1, max: 3 * 731 * DAY_US })))
  .filter(([start, size]) => start + size <= MAX_INSTANT_US)
  .map(([start, size]) => ({
    kind: 'window size',
    apply: (input) => Object.assign(input, { start: formatInstant(start), end: formatInstant(start + size) }),
    code: 'E_WINDOW_SIZE',
    field: 'end',
  }));

/** A window derived from days that reaches before 1970 or after 2100 (E_DATE on the derived bound). */
const derivedOutOfRange: fc.Arbitrary<Fault> = fc.oneof(
  fc.integer({ min: 1, max: 730 }).map((day): Fault => ({
    kind: 'derived start before 1970',
    apply: (input) => Object.assign(input, { end: formatInstant(day * DAY_US), days: Math.min(731, day + 1 + (day % 7)) }),
    code: 'E_DATE',
    field: 'start',
  })),
  fc.integer({ min: 1, max: 730 }).map((day): Fault => ({
    kind: 'derived end after 2100',
    apply: (input) => Object.assign(input, { start: formatInstant(MAX_INSTANT_US - day * DAY_US), days: day + 1 }),
    code: 'E_DATE',
    field: 'end',
  })),
);

const daysConflict: fc.Arbitrary<Fault> = fc.tuple(instantIn(0, 2 * YEAR), fc.integer({ min: 1, max: 731 })).map(([start, days]) => ({
  kind: 'days with start and end',
  apply: (input) => Object.assign(input, { start: formatInstant(start), end: formatInstant(start + days * DAY_US), days }),
  code: 'E_DAYS_CONFLICT',
  field: 'days',
}));

/** as_of before end, or more than 400 days after it (and itself in range). */
const asOfFault: fc.Arbitrary<Fault> = fc
  .tuple(instantIn(10 * YEAR, 100 * YEAR), fc.oneof(fc.integer({ min: -5 * YEAR, max: -1 }), fc.integer({ min: 400 * DAY_US + 1, max: 5 * YEAR })))
  .map(([end, lag]) => ({
    kind: 'as_of out of range',
    apply: (input) => Object.assign(input, { start: formatInstant(end - 7 * DAY_US), end: formatInstant(end), as_of: formatInstant(end + lag) }),
    code: 'E_AS_OF',
    field: 'as_of',
  }));

const choiceFault = (field: 'format' | 'preset' | 'jurisdiction' | 'pii' | 'pii_key' | 'bundle', choices: readonly string[], code: ScenarioErrorCode) =>
  unknownChoice(choices).map((value): Fault => ({
    kind: `unknown ${field}`,
    apply: (input) => void (input[field] = value),
    code,
    field,
    echo: field === 'pii' ? undefined : expectedEcho(value)?.replace(/^""$/, ''),
  }));

const compressionFault: fc.Arbitrary<Fault> = fc.oneof(
  unknownChoice(COMPRESSIONS).map((value): Fault => ({
    kind: 'unknown compression',
    apply: (input) => void (input.compression = value),
    code: 'E_COMPRESSION',
    field: 'compression',
    echo: expectedEcho(value)?.replace(/^""$/, ''),
  })),
  fc.tuple(fc.constantFrom('csv', 'json'), fc.constantFrom('snappy', 'zstd')).map(([format, compression]): Fault => ({
    kind: 'parquet compression for text',
    apply: (input) => Object.assign(input, { format, compression }),
    code: 'E_COMPRESSION',
    field: 'compression',
    echo: `compression "${compression}" is not available for ${format}`,
  })),
);

const noSecret: fc.Arbitrary<Fault> = fc.constant({
  kind: 'secret without secret',
  apply: (input: ScenarioInput) => Object.assign(input, { pii_key: 'secret', has_secret: false }),
  code: 'E_PII',
  field: 'pii_key',
});

const noPopulation: fc.Arbitrary<Fault> = fc.constantFrom(...TABLE_KEYS.filter((t) => t !== 'players')).map((table) => ({
  kind: 'no players',
  apply: (input: ScenarioInput) => void (input.counts = { ...input.counts, players: 0, [table]: 5 }),
  code: 'E_POPULATION' as const,
  field: 'players',
}));

/** At most one fault per group that interacts (window; format/compression; counts and population). */
const faults: fc.Arbitrary<Fault[]> = fc
  .record(
    {
      window: fc.oneof(dateFault, reversedWindow, badWindowSize, derivedOutOfRange, daysConflict, asOfFault, daysFault),
      output: fc.oneof(choiceFault('format', FORMATS, 'E_FORMAT'), compressionFault, choiceFault('bundle', ['files', 'zip'], 'E_FORMAT')),
      counts: fc.oneof(countFault, noPopulation),
      seed: seedFault,
      preset: choiceFault('preset', PRESET_NAMES, 'E_PRESET'),
      jurisdiction: choiceFault('jurisdiction', JURISDICTION_IDS, 'E_JURISDICTION'),
      pii: fc.oneof(choiceFault('pii', PII_MODES, 'E_PII'), choiceFault('pii_key', PII_KEYS, 'E_PII'), noSecret),
    },
    { requiredKeys: [] },
  )
  .map((r) => Object.values(r).filter((f): f is Fault => f !== undefined))
  .filter((list) => list.length > 0);

/** A valid base the faults are planted in: small counts and a 1-day window unless a fault sets its own. */
const base = (): ScenarioInput => ({ today: TODAY, seed: 7, counts: { players: 10, slots: 20 } });

function judgeInvalid(planted: readonly Fault[]): string | null {
  const input = base();
  for (const f of planted) f.apply(input);
  const result = resolveScenario(input);
  if (result.ok) return 'accepted';
  for (const e of result.errors) {
    if (!isClearMessage(e.code, e.message)) return `unclear ${e.code} message: ${e.message.slice(0, 200)}`;
    if (e.code === 'E_COUNT' && !e.message.startsWith(`${e.field} `)) return `E_COUNT names another field: ${e.message}`;
    if (e.code === 'E_COUNT' && !e.message.includes(`to ${COUNT_MAX[e.field as TableKey] === 10_000_000 ? '10,000,000' : '100,000,000'} (`)) {
      return `E_COUNT with the wrong maximum: ${e.message}`;
    }
  }
  for (const f of planted) {
    const hit = result.errors.find((e) => e.code === f.code && e.field === f.field);
    if (!hit) return `no ${f.code} on ${f.field} (${f.kind}); got ${result.errors.map((e) => e.code).join(', ')}`;
    if (f.echo && !hit.message.includes(f.echo)) return `${f.code} does not echo ${JSON.stringify(f.echo.slice(0, 50))}: ${hit.message}`;
  }
  return null;
}

describe('issue 7: invalid scenarios are rejected with SPEC 15 messages', () => {
  it(`rejects ${INVALID_RUNS} generated invalid inputs, each fault with its code, field and value, never throwing`, async () => {
    const cases = sampleCases(faults, INVALID_RUNS);
    const results = await judgeCases(cases, judgeInvalid);
    const planted = cases.reduce((n, c) => n + c.length, 0);
    recordTally({
      category: 'invalid scenarios (validator)',
      tried: results.tried,
      ok: results.ok,
      failures: results.failures.length,
      figures: `${results.tried} invalid scenarios (${formatCount(planted)} planted faults), ${results.ok} clear rejections, ${results.crashes} crashes`,
    });
    expect(describeFailures(results)).toEqual([]);
    // Every kind of fault was tried.
    const kinds = new Set(cases.flat().map((f) => f.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(18);
  });
});

/** A valid raw input: any seed, a window given in one of the SPEC 2.2 ways, counts within the limits. */
const validInput: fc.Arbitrary<ScenarioInput> = fc
  .record({
    seed: fc.oneof(fc.integer({ min: 0, max: MAX_SEED }), fc.integer({ min: 0, max: MAX_SEED }).map((n) => ` +${n} `)),
    start: instantIn(0, MAX_INSTANT_US - 732 * DAY_US - 401 * DAY_US),
    size: fc.oneof(fc.integer({ min: HOUR_US, max: 731 * DAY_US }), fc.integer({ min: 1, max: 731 }).map((d) => d * DAY_US)),
    lag: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 * DAY_US })),
    mode: fc.constantFrom('both', 'start+days', 'end+days', 'offset'),
    counts: fc.dictionary(fc.constantFrom(...TABLE_KEYS), fc.integer({ min: 1, max: 10_000_000 }), { maxKeys: 6 }),
    preset: fc.option(fc.constantFrom(...PRESET_NAMES), { nil: undefined }),
    format: fc.constantFrom(...FORMATS),
    parquetCompression: fc.option(fc.constantFrom(...COMPRESSIONS), { nil: undefined }),
    pii: fc.constantFrom(...PII_MODES),
    jurisdiction: fc.constantFrom(...JURISDICTION_IDS),
    bundle: fc.constantFrom('files', 'zip'),
  })
  .map((r): ScenarioInput => {
    const days = Math.max(1, Math.floor(r.size / DAY_US));
    const window =
      r.mode === 'both' || r.mode === 'offset'
        ? { start: r.mode === 'offset' ? offsetText(r.start) : formatInstant(r.start), end: formatInstant(r.start + r.size) }
        : r.mode === 'start+days'
          ? { start: formatInstant(r.start), days }
          : { end: formatInstant(r.start + days * DAY_US), days };
    const end = r.mode === 'both' || r.mode === 'offset' ? r.start + r.size : r.start + days * DAY_US;
    const textFormat = r.format === 'csv' || r.format === 'json';
    return {
      today: TODAY,
      seed: r.seed,
      ...window,
      as_of: r.lag === 0 ? undefined : formatInstant(Math.min(end + r.lag, MAX_INSTANT_US)),
      counts: r.counts,
      preset: r.preset,
      format: r.format,
      compression: textFormat ? (r.parquetCompression === undefined ? undefined : 'none') : r.parquetCompression,
      pii: r.pii,
      jurisdiction: r.jurisdiction,
      bundle: r.bundle,
    };
  });

/** The same instant written with a +05:30 offset (SPEC 14 accepts any offset). */
function offsetText(us: number): string {
  const local = formatInstant(us + 5 * HOUR_US + 30 * 60_000_000);
  return `${local.slice(0, -1)}+05:30`;
}

describe('issue 7: valid random scenarios resolve and round-trip', () => {
  it(`accepts ${VALID_RUNS} generated valid inputs; query and JSON give each scenario back unchanged`, async () => {
    const cases = sampleCases(validInput, VALID_RUNS, 1);
    const results = await judgeCases(cases, (input) => {
      const result = resolveScenario(input);
      if (!result.ok) return `rejected: ${result.errors.map((e) => e.message).join('; ')}`;
      const query = parseScenarioQuery(serializeScenarioQuery(result.scenario));
      if (!query.ok) return `query does not parse: ${query.errors.map((e) => e.message).join('; ')}`;
      if (JSON.stringify(query.scenario) !== JSON.stringify(result.scenario)) return 'query round trip changed the scenario';
      const json = parseScenarioJson(serializeScenarioJson(result.scenario));
      if (!json.ok || JSON.stringify(json.scenario) !== JSON.stringify(result.scenario)) return 'JSON round trip changed the scenario';
      return null;
    });
    recordTally({
      category: 'valid scenarios (validator, link round trip)',
      tried: results.tried,
      ok: results.ok,
      failures: results.failures.length,
      figures: `${results.tried} valid scenarios, ${results.ok} accepted and round-tripped unchanged, ${results.crashes} crashes`,
    });
    expect(describeFailures(results)).toEqual([]);
  });
});
