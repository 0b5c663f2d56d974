import { afterEach, describe, expect, it, vi } from 'vitest';
import { findJurisdiction } from '../generators/scenario/jurisdictions';
import { toScenarioRecord } from '../generators/scenario/serialize';
import { SCENARIO_KEYS, type Scenario } from '../generators/scenario/types';
import { resolveScenario, type ScenarioInput } from '../generators/scenario/validate';
import { SCHEMAS } from '../generators/schema';
import { ENGINE_VERSION } from '../generators/version';
import { buildManifest, NO_FILINGS, type ManifestFile, type ManifestInput } from './manifest';

function scenarioOf(input: Partial<ScenarioInput> = {}): Scenario {
  const result = resolveScenario({ preset: 'small', start: '2026-10-01', today: 0, ...input });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.scenario;
}

const sha = (c: string) => c.repeat(64);

const FILES: ManifestFile[] = [
  { key: 'slots', file: 'bronze_slot_telemetry.parquet', format: 'parquet', compression: 'snappy', rows: 10_000, bytes: 656_728, sha256: sha('a') },
  { key: 'tables', file: 'bronze_table_games.parquet', format: 'parquet', compression: 'snappy', rows: 5_000, bytes: 332_687, sha256: sha('b') },
  { key: 'players', file: 'bronze_player_profile.parquet', format: 'parquet', compression: 'snappy', rows: 1_000, bytes: 267_075, sha256: sha('c') },
  { key: 'security', file: 'bronze_security_events.parquet', format: 'parquet', compression: 'snappy', rows: 500, bytes: 54_040, sha256: sha('d') },
];

function input(overrides: Partial<ManifestInput> = {}): ManifestInput {
  return { scenario: scenarioOf(), engineVersion: ENGINE_VERSION, files: FILES, filings: NO_FILINGS, ...overrides };
}

const parse = (text: string) => JSON.parse(text) as Record<string, any>;

describe('manifest.json (SPEC 13.4)', () => {
  afterEach(() => vi.useRealTimers());

  it('has the SPEC keys in the fixed order, at every level', () => {
    const m = parse(buildManifest(input()));
    expect(Object.keys(m)).toEqual(['manifest_version', 'generator', 'scenario', 'jurisdiction', 'files', 'schemas', 'filings']);
    expect(m.manifest_version).toBe(1);
    expect(m.generator).toEqual({ name: 'casino-data-studio', engine_version: ENGINE_VERSION, spec_version: 1 });
    expect(Object.keys(m.generator)).toEqual(['name', 'engine_version', 'spec_version']);
    expect(Object.keys(m.scenario)).toEqual([...SCENARIO_KEYS]);
    for (const f of m.files) expect(Object.keys(f)).toEqual(['table', 'file', 'format', 'compression', 'rows', 'bytes', 'sha256']);
    for (const columns of Object.values(m.schemas) as any[]) {
      for (const c of columns) expect(Object.keys(c)).toEqual(['name', 'type', 'nullable', 'description']);
    }
    expect(Object.keys(m.filings)).toEqual(['ctr', 'sar', 'w2g', 'ctr_source_rows', 'sar_source_rows', 'w2g_jackpots', 'w2g_payouts']);
  });

  it('is UTF-8 JSON with a 2-space indent and one trailing LF', () => {
    const text = buildManifest(input());
    expect(text.startsWith('{\n  "manifest_version": 1,\n  "generator": {\n    "name": "casino-data-studio",\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).not.toMatch(/\r|\t/);
  });

  it('lists one file entry per table in generation order, whatever order they are given in', () => {
    const shuffled = [FILES[2], FILES[0], FILES[3], FILES[1]];
    const text = buildManifest(input({ files: shuffled }));
    expect(text).toBe(buildManifest(input()));
    const m = parse(text);
    expect(m.files.map((f: any) => f.table)).toEqual(['slots', 'tables', 'players', 'security']);
    const { key, ...stats } = FILES[0];
    expect(m.files[0]).toEqual({ table: key, ...stats });
  });

  it('refuses a file listed twice, and keeps the files of a partitioned table in write order', () => {
    expect(() => buildManifest(input({ files: [FILES[0], FILES[0]] }))).toThrow(new RegExp(`${FILES[0].file} twice`));
    const days = ['a', 'b'].map((d) => ({ ...FILES[0], file: `bronze_slot_telemetry/event_date=${d}/part-00000.parquet` }));
    const m = parse(buildManifest(input({ files: [FILES[1], ...days] })));
    expect(m.files.map((f: { file: string }) => f.file)).toEqual([...days.map((f) => f.file), FILES[1].file]);
  });

  it('writes each table schema from SCHEMAS, with the SPEC type names', () => {
    const m = parse(buildManifest(input()));
    expect(Object.keys(m.schemas)).toEqual(['slots', 'tables', 'players', 'security']);
    const allowed = ['string', 'int32', 'int64', 'float64', 'bool', 'date', 'timestamp[us, UTC]'];
    for (const key of ['slots', 'tables', 'players', 'security'] as const) {
      const columns = m.schemas[key];
      expect(columns.map((c: any) => c.name)).toEqual(SCHEMAS[key].columns.map((c) => c.name));
      expect(columns.map((c: any) => c.nullable)).toEqual(SCHEMAS[key].columns.map((c) => c.nullable));
      expect(columns.map((c: any) => c.description)).toEqual(SCHEMAS[key].columns.map((c) => c.description));
      for (const c of columns) expect(allowed).toContain(c.type);
    }
    const ingested = m.schemas.players.find((c: any) => c.name === '_ingested_at');
    expect(ingested.type).toBe('timestamp[us, UTC]');
    expect(m.schemas.players.find((c: any) => c.name === 'date_of_birth').type).toBe('date');
    expect(m.schemas.players.find((c: any) => c.name === 'points_balance').type).toBe('int64');
    expect(m.schemas.players.find((c: any) => c.name === 'vip_flag').type).toBe('bool');
  });

  it('holds the canonical scenario record, bundle included, and never the PII secret', () => {
    const scenario = scenarioOf({ pii_key: 'secret', has_secret: true, bundle: 'zip', format: 'csv' });
    const text = buildManifest(input({ scenario }));
    const m = parse(text);
    expect(m.scenario).toEqual(JSON.parse(JSON.stringify(toScenarioRecord(scenario))));
    expect(m.scenario.bundle).toBe('zip');
    expect(m.scenario.pii_key).toBe('secret');
    expect(m.scenario.start).toBe('2026-10-01T00:00:00.000000Z');
    expect(Object.keys(m.scenario)).not.toContain('secret');
    expect(Object.keys(m.scenario)).not.toContain('pii_secret');
  });

  it('stores the full jurisdiction preset used', () => {
    const m25 = parse(buildManifest(input()));
    expect(m25.jurisdiction).toEqual(JSON.parse(JSON.stringify(findJurisdiction('US-2025'))));
    expect(m25.jurisdiction.w2g.Slots).toEqual({ basis: 'gross', comparison: 'at_least', threshold: 1200, min_win_to_wager: null });
    expect(m25.jurisdiction.ctr_threshold).toBe(10_000);
    const m26 = parse(buildManifest(input({ scenario: scenarioOf({ jurisdiction: 'US-2026' }) })));
    expect(m26.jurisdiction.id).toBe('US-2026');
    expect(m26.jurisdiction.w2g.Keno.threshold).toBe(2000);
    expect(Object.keys(m26.jurisdiction.w2g)).toEqual(['Slots', 'Video Poker', 'Keno', 'Bingo', 'Poker Tournament', 'Table Games']);
  });

  it('writes a custom preset in the canonical key order', () => {
    const base = findJurisdiction('US-2025')!;
    const { id, ...rest } = base;
    const custom = { ...rest, id: 'CUSTOM', sar_minimum: 4_000 };
    const m = parse(buildManifest(input({ jurisdiction: custom })));
    expect(Object.keys(m.jurisdiction)).toEqual(Object.keys(base));
    expect(m.jurisdiction.id).toBe('CUSTOM');
    expect(m.jurisdiction.sar_minimum).toBe(4_000);
  });

  it('has every filing count 0 until compliance is generated', () => {
    expect(parse(buildManifest(input())).filings).toEqual({
      ctr: 0, sar: 0, w2g: 0, ctr_source_rows: 0, sar_source_rows: 0, w2g_jackpots: 0, w2g_payouts: 0,
    });
  });

  it('is deterministic and free of wall-clock content', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const a = buildManifest(input());
    vi.setSystemTime(new Date('2033-12-31T23:59:59Z'));
    const b = buildManifest(input());
    expect(b).toBe(a);
    expect(a).not.toContain('2001-02-03');
    expect(a).not.toContain('2033-12-31');
  });

  it('lists only the tables of the run', () => {
    const m = parse(buildManifest(input({ files: [FILES[2]] })));
    expect(m.files).toHaveLength(1);
    expect(Object.keys(m.schemas)).toEqual(['players']);
  });
});
