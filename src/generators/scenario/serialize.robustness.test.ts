/**
 * Issue 7, tampered share links: generated mutations of real links (keys dropped, duplicated, unknown or renamed,
 * values made invalid, percent-encoding broken, truncated, another spec_version, huge strings) are each refused by
 * parseScenarioQuery with clear messages, never a throw; a link from another spec version is explained as such.
 * Reordering keys or percent-encoding more characters does not change a link: such links read the same scenario.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badDateText, badWholeNumber, overlongText, unknownChoice } from '../../testing/bad-values';
import { describeFailures, judgeCases, sampleCases } from '../../testing/property-cases';
import { recordTally } from '../../testing/robustness';
import { isClearMessage } from '../../testing/spec15-templates';
import { TABLE_KEYS } from '../tables';
import { formatInstant, parseInstantText, DAY_US } from './instant';
import { PRESET_NAMES } from './presets';
import { parseScenarioQuery, serializeScenarioQuery } from './serialize';
import { FORMATS, SCENARIO_KEYS } from './types';
import { resolveScenario } from './validate';

const RUNS = 600;
const FIELD_KEYS = SCENARIO_KEYS.filter((k) => k !== 'counts');
const ALL_KEYS: readonly string[] = [...FIELD_KEYS, ...TABLE_KEYS];

/** Real links: a preset's scenario at a random seed, start and format. */
const links: fc.Arbitrary<string> = fc
  .record({
    preset: fc.constantFrom(...PRESET_NAMES),
    seed: fc.integer({ min: 0, max: 4_294_967_295 }),
    day: fc.integer({ min: 0, max: 40_000 }),
    format: fc.constantFrom(...FORMATS),
  })
  .map(({ preset, seed, day, format }) => {
    const result = resolveScenario({ preset, seed, start: formatInstant(day * DAY_US), format, today: parseInstantText('2026-11-25')! });
    if (!result.ok) throw new Error('base scenario');
    return serializeScenarioQuery(result.scenario);
  });

type Pair = [string, string];
const pairsOf = (query: string): Pair[] => query.split('&').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]);
const joinPairs = (pairs: readonly Pair[]) => pairs.map(([k, v]) => `${k}=${v}`).join('&');

/** A bad value for a key: counts, seed, instants and choices each get their own kind of garbage. */
function badValueFor(key: string): fc.Arbitrary<string> {
  const raw: fc.Arbitrary<string | number> = (TABLE_KEYS as readonly string[]).includes(key)
    ? badWholeNumber(0, 100_000_000).filter((v) => String(v).trim() !== '')
    : key === 'seed'
      ? badWholeNumber(0, 4_294_967_295)
      : key === 'start' || key === 'end' || key === 'as_of'
        ? badDateText
        : unknownChoice(key === 'spec_version' ? ['1', ' 1', '1 '] : ['parquet', 'csv', 'json', 'delta', 'snappy', 'zstd', 'none', 'masked', 'raw', 'seed', 'secret', 'US-2025', 'US-2026', 'files', 'zip']);
  return raw.map((v) => encodeURIComponent(String(v)));
}

interface Tamper {
  readonly kind: string;
  readonly query: string;
}

const tamper = (link: string): fc.Arbitrary<Tamper> => {
  const pairs = pairsOf(link);
  const index = fc.integer({ min: 0, max: pairs.length - 1 });
  const field = fc.constantFrom(...FIELD_KEYS.filter((k) => k !== 'spec_version'));
  return fc.oneof(
    field.map((key) => ({ kind: 'key dropped', query: joinPairs(pairs.filter(([k]) => k !== key)) })),
    fc.tuple(index, fc.boolean()).map(([i, same]) => ({
      kind: 'key duplicated',
      query: joinPairs([...pairs, [pairs[i][0], same ? pairs[i][1] : `${pairs[i][1]}0`]]),
    })),
    fc.tuple(fc.oneof(fc.stringMatching(/^[a-z_]{1,12}$/), fc.string({ minLength: 1, maxLength: 8 }), overlongText), fc.string({ maxLength: 8 }))
      .filter(([k]) => !ALL_KEYS.includes(k) && !k.includes('&') && !k.includes('=') && !/%/.test(k))
      .map(([k, v]) => ({ kind: 'unknown key', query: joinPairs([...pairs, [encodeURIComponent(k), encodeURIComponent(v)]]) })),
    fc.tuple(index, fc.constantFrom('Seed', 'SLOTS', 'start ', 'as-of', 'asOf', 'piiKey')).map(([i, name]) => ({
      kind: 'key renamed',
      query: joinPairs(pairs.map((p, j) => (j === i ? [name, p[1]] : p))),
    })),
    fc.constantFrom(...pairs.map(([k]) => k).filter((k) => k !== 'spec_version')).chain((key) =>
      badValueFor(key).map((v) => ({ kind: `bad ${(TABLE_KEYS as readonly string[]).includes(key) ? 'count' : key}`, query: joinPairs(pairs.map((p) => (p[0] === key ? [key, v] : p))) })),
    ),
    fc.tuple(index, fc.constantFrom('%', '%z', '%zz', '%E0%A4%A', '%C0%AF', '%FF', '%ED%A0%80', '%%41')).map(([i, garbage]) => ({
      kind: 'broken percent-encoding',
      query: joinPairs(pairs.map((p, j) => (j === i ? [p[0], `${p[1]}${garbage}`] : p))),
    })),
    fc.integer({ min: 1, max: link.length - 1 }).map((cut) => ({ kind: 'truncated', query: link.slice(0, cut) })),
    fc.integer({ min: 2, max: 999_999 }).map((v) => ({ kind: 'another spec_version', query: link.replace('spec_version=1', `spec_version=${v}`) })),
    badValueFor('spec_version').map((v) => ({ kind: 'bad spec_version', query: link.replace('spec_version=1', `spec_version=${v}`) })),
    fc.constant({ kind: 'spec_version dropped', query: link.replace('spec_version=1&', '') }),
    fc.integer({ min: 20, max: 5_000 }).map((n) => ({
      kind: 'thousands of junk keys',
      query: `${link}${Array.from({ length: n }, (_, i) => `&junk${i}=x`).join('')}`,
    })),
    overlongText.map((huge) => ({ kind: 'huge link', query: `${link}&${encodeURIComponent(huge)}=${encodeURIComponent(huge)}` })),
  );
};

const tampered = links.chain(tamper);

/** E_SCENARIO messages (this module's addition to SPEC 15: a link's shape, before any field rule applies). */
const LINK_TEMPLATES: readonly RegExp[] = [
  /^unknown scenario field ".*"$/,
  /^scenario field "[a-z_]+" is missing$/,
  /^scenario field ".*" is given twice$/,
  /^the scenario link has bad percent-encoding in ".*"$/,
  /^this link was made by spec version \d+ \(spec_version=\d+\); this version of Casino Data Studio reads spec version 1 only$/,
  /^spec_version must be 1 \(got .+\)$/,
  /^… and \d+ more problems$/,
];

function judgeTampered({ kind, query }: Tamper): string | null {
  const result = parseScenarioQuery(query);
  if (result.ok) return 'accepted';
  if (result.errors.length > 12) return `${result.errors.length} lines`;
  for (const e of result.errors) {
    const clear = e.code === 'E_SCENARIO' ? e.message.length <= 500 && LINK_TEMPLATES.some((t) => t.test(e.message)) : isClearMessage(e.code, e.message);
    if (!clear) return `unclear ${e.code}: ${e.message.slice(0, 200)}`;
  }
  if (kind === 'another spec_version') {
    if (result.errors.length !== 1 || !/^this link was made by spec version/.test(result.errors[0].message)) {
      return `another version not explained alone: ${result.errors.map((e) => e.message).join(' | ').slice(0, 300)}`;
    }
  }
  return null;
}

describe('issue 7: tampered and malformed share links are explained, never thrown', () => {
  it(`refuses ${RUNS} generated tampered links with clear messages (at most 12 lines)`, async () => {
    const cases = sampleCases(tampered, RUNS, 3);
    const results = await judgeCases(cases, judgeTampered);
    const kinds = new Set(cases.map((c) => c.kind));
    recordTally({
      category: 'tampered share links',
      tried: results.tried,
      ok: results.ok,
      failures: results.failures.length,
      figures: `${results.tried} tampered links (${kinds.size} kinds), ${results.ok} clear refusals, ${results.crashes} crashes`,
    });
    expect(describeFailures(results)).toEqual([]);
    expect(kinds.size).toBeGreaterThanOrEqual(14);
  });

  it('reads a link with its keys reordered or its values percent-encoded differently as the same scenario', () => {
    for (const link of sampleCases(links, 100, 4)) {
      const original = parseScenarioQuery(link);
      const reordered = joinPairs([...pairsOf(link)].reverse().map(([k, v]) => [encodeURIComponent(k), v.replace(/:/g, '%3A')]));
      expect(parseScenarioQuery(reordered)).toEqual(original);
    }
  });
});
