import { describe, expect, it } from 'vitest';
import { parseInstantText } from './instant';
import { parseScenarioJson, parseScenarioQuery, serializeScenarioJson, serializeScenarioQuery } from './serialize';
import type { Scenario } from './types';

const BASE: Scenario = {
  spec_version: 1,
  seed: 42,
  start: parseInstantText('2026-02-13')!,
  end: parseInstantText('2026-03-15')!,
  as_of: parseInstantText('2026-03-15T06:30:00.000001Z')!,
  counts: { slots: 10_000, tables: null, players: 500, financial: null, security: null, compliance: null },
  pii: 'masked',
  pii_key: 'seed',
  format: 'parquet',
  compression: 'snappy',
  jurisdiction: 'US-2025',
  bundle: 'files',
};

const VARIANTS: Scenario[] = [
  BASE,
  { ...BASE, seed: 0, counts: { slots: 1, tables: 2, players: 3, financial: 4, security: 5, compliance: 6 } },
  { ...BASE, seed: 4294967295, format: 'csv', compression: 'none', pii: 'raw', pii_key: 'secret', bundle: 'zip' },
  { ...BASE, jurisdiction: 'US-2026', start: 0, end: 3_600_000_000, as_of: 3_600_000_000 },
  { ...BASE, counts: { slots: null, tables: null, players: null, financial: null, security: null, compliance: null } },
  { ...BASE, counts: { slots: 0, tables: null, players: 0, financial: null, security: 0, compliance: null } },
];

const errorsOf = (result: ReturnType<typeof parseScenarioJson>) =>
  result.ok ? [] : result.errors.map((e) => `${e.code}: ${e.message}`);

describe('SPEC 2.1 canonical JSON', () => {
  it('writes keys in 2.1 order, instants as 13.1 text, counts in table order', () => {
    expect(serializeScenarioJson(BASE)).toBe(
      '{"spec_version":1,"seed":42,"start":"2026-02-13T00:00:00.000000Z","end":"2026-03-15T00:00:00.000000Z",' +
        '"as_of":"2026-03-15T06:30:00.000001Z","counts":{"slots":10000,"tables":null,"players":500,"financial":null,' +
        '"security":null,"compliance":null},"pii":"masked","pii_key":"seed","format":"parquet",' +
        '"compression":"snappy","jurisdiction":"US-2025","bundle":"files"}',
    );
  });

  it('round-trips exactly', () => {
    for (const s of VARIANTS) {
      const text = serializeScenarioJson(s);
      expect(parseScenarioJson(text)).toEqual({ ok: true, scenario: s });
      const again = parseScenarioJson(text);
      expect(again.ok && serializeScenarioJson(again.scenario)).toBe(text);
    }
  });

  it('accepts any key order and normalises instants', () => {
    const record = JSON.parse(serializeScenarioJson(BASE));
    const shuffled = { bundle: 'files', ...record, start: '2026-02-13T02:00:00+02:00' };
    expect(parseScenarioJson(JSON.stringify(shuffled))).toEqual({ ok: true, scenario: BASE });
  });

  it('reports malformed input as E_SCENARIO', () => {
    expect(errorsOf(parseScenarioJson('{'))).toEqual(['E_SCENARIO: the scenario is not valid JSON']);
    expect(errorsOf(parseScenarioJson('[]'))).toEqual(['E_SCENARIO: the scenario must be a JSON object']);
    const record = JSON.parse(serializeScenarioJson(BASE));
    const { seed: _seed, ...noSeed } = record;
    expect(errorsOf(parseScenarioJson(JSON.stringify({ ...noSeed, colour: 'red' })))).toEqual([
      'E_SCENARIO: unknown scenario field "colour"',
      'E_SCENARIO: scenario field "seed" is missing',
    ]);
    expect(errorsOf(parseScenarioJson(JSON.stringify({ ...record, spec_version: 2 })))).toEqual([
      'E_SCENARIO: this scenario was written by spec version 2 (spec_version=2); this version of Casino Data Studio reads spec version 1 only',
    ]);
    expect(errorsOf(parseScenarioJson(JSON.stringify({ ...record, spec_version: '1' })))).toEqual([
      'E_SCENARIO: spec_version must be 1 (got "1")',
    ]);
    expect(errorsOf(parseScenarioJson(JSON.stringify({ ...record, seed: '42', format: 1 })))).toEqual([
      'E_SCENARIO: scenario field "seed" must be a number',
      'E_SCENARIO: scenario field "format" must be a string',
    ]);
    const counts = { ...record.counts, slots: '5', bogus: 1 };
    expect(errorsOf(parseScenarioJson(JSON.stringify({ ...record, counts })))).toEqual([
      'E_SCENARIO: unknown table "bogus"',
      'E_SCENARIO: count "slots" must be a number or null',
    ]);
  });

  it('reports well-formed but invalid values with the SPEC 15 messages', () => {
    const record = JSON.parse(serializeScenarioJson(BASE));
    const bad = { ...record, seed: -1, counts: { ...record.counts, slots: 1.5 }, compression: 'zstd', format: 'csv' };
    expect(errorsOf(parseScenarioJson(JSON.stringify(bad)))).toEqual([
      'E_COUNT: slots must be a whole number from 0 to 100,000,000 (got 1.5)',
      'E_SEED: seed must be a whole number from 0 to 4294967295 (got -1)',
      'E_COMPRESSION: compression "zstd" is not available for csv: use snappy, zstd or none for parquet and delta, none for csv and json',
    ]);
  });

  it('keeps pii_key secret: the secret is checked when generating, not when reading a link', () => {
    const s: Scenario = { ...BASE, pii_key: 'secret' };
    expect(parseScenarioJson(serializeScenarioJson(s))).toEqual({ ok: true, scenario: s });
  });
});

describe('SPEC 2.1 URL query string', () => {
  it('uses the same keys, flattens counts and omits null counts', () => {
    expect(serializeScenarioQuery(BASE)).toBe(
      'spec_version=1&seed=42&start=2026-02-13T00:00:00.000000Z&end=2026-03-15T00:00:00.000000Z' +
        '&as_of=2026-03-15T06:30:00.000001Z&slots=10000&players=500&pii=masked&pii_key=seed&format=parquet' +
        '&compression=snappy&jurisdiction=US-2025&bundle=files',
    );
  });

  it('round-trips exactly', () => {
    for (const s of VARIANTS) {
      const query = serializeScenarioQuery(s);
      expect(parseScenarioQuery(query)).toEqual({ ok: true, scenario: s });
      expect(parseScenarioQuery(`?${query}`)).toEqual({ ok: true, scenario: s });
      const again = parseScenarioQuery(query);
      expect(again.ok && serializeScenarioQuery(again.scenario)).toBe(query);
    }
  });

  it('decodes percent-encoding and reads an empty count as null', () => {
    const query = serializeScenarioQuery(BASE).replace(/:/g, '%3A').replace('players=500', 'players=500&tables=');
    expect(parseScenarioQuery(query)).toEqual({ ok: true, scenario: BASE });
  });

  it('reports malformed links as E_SCENARIO', () => {
    const query = serializeScenarioQuery(BASE);
    expect(errorsOf(parseScenarioQuery(`${query}&seed=7`))).toEqual(['E_SCENARIO: scenario field "seed" is given twice']);
    expect(errorsOf(parseScenarioQuery(`${query}&x=%E0%A4%A`))).toEqual([
      'E_SCENARIO: the scenario link has bad percent-encoding in "x=%E0%A4%A"',
    ]);
    expect(errorsOf(parseScenarioQuery(query.replace('&bundle=files', '&colour=red')))).toEqual([
      'E_SCENARIO: unknown scenario field "colour"',
      'E_SCENARIO: scenario field "bundle" is missing',
    ]);
    expect(errorsOf(parseScenarioQuery(query.replace('spec_version=1', 'spec_version=2')))).toEqual([
      'E_SCENARIO: this link was made by spec version 2 (spec_version=2); this version of Casino Data Studio reads spec version 1 only',
    ]);
    // Another version's link is explained alone: its other fields may mean something else there.
    expect(errorsOf(parseScenarioQuery('spec_version=3&seed=-1&colour=red'))).toEqual([
      'E_SCENARIO: this link was made by spec version 3 (spec_version=3); this version of Casino Data Studio reads spec version 1 only',
    ]);
    expect(errorsOf(parseScenarioQuery(query.replace('spec_version=1', 'spec_version=v1')))).toEqual([
      'E_SCENARIO: spec_version must be 1 (got v1)',
    ]);
    expect(errorsOf(parseScenarioQuery('')).length).toBe(11);
  });

  it('reports bad values with the SPEC 15 messages', () => {
    const query = serializeScenarioQuery(BASE).replace('seed=42', 'seed=abc').replace('slots=10000', 'slots=-1');
    expect(errorsOf(parseScenarioQuery(query))).toEqual([
      'E_COUNT: slots must be a whole number from 0 to 100,000,000 (got -1)',
      'E_SEED: seed must be a whole number from 0 to 4294967295 (got abc)',
    ]);
  });
});
