import { describe, expect, it } from 'vitest';
import { SCENARIO_ERROR_ORDER, ScenarioError, sortScenarioErrors } from './errors';
import { DAY_US, HOUR_US, parseInstantText } from './instant';
import { resolveScenario, type ScenarioInput } from './validate';

const TODAY = parseInstantText('2026-03-15')!;
const LABELS = { slots: '--slots', players: '--players', start: '--start', end: '--end', as_of: '--as-of' };

function failures(input: Partial<ScenarioInput>): ScenarioError[] {
  const result = resolveScenario({ today: TODAY, labels: LABELS, ...input });
  if (result.ok) throw new Error('expected validation to fail');
  return result.errors;
}

const messages = (input: Partial<ScenarioInput>) => failures(input).map((e) => e.message);

describe('SPEC 15 messages, one per code', () => {
  it('E_COUNT names the field, the maximum with separators and the value', () => {
    const errors = failures({ counts: { slots: '-5', players: '10000001' } });
    expect(errors.map((e) => [e.code, e.field, e.message])).toEqual([
      ['E_COUNT', 'slots', '--slots must be a whole number from 0 to 100,000,000 (got -5)'],
      ['E_COUNT', 'players', '--players must be a whole number from 0 to 10,000,000 (got 10,000,001)'],
    ]);
    expect(messages({ counts: { slots: '1.5' } })).toEqual(['--slots must be a whole number from 0 to 100,000,000 (got 1.5)']);
    expect(messages({ counts: { tables: Number.NaN } })).toEqual(['tables must be a whole number from 0 to 100,000,000 (got NaN)']);
    expect(messages({ counts: { compliance: 'ten' } })).toEqual(['compliance must be a whole number from 0 to 10,000,000 (got ten)']);
  });

  it('E_SEED writes the seed plainly', () => {
    expect(messages({ seed: '4294967296' })).toEqual(['seed must be a whole number from 0 to 4294967295 (got 4294967296)']);
    for (const seed of ['-1', '1.5', 'abc', '']) expect(failures({ seed })[0].code).toBe('E_SEED');
    expect(messages({ seed: '' })).toEqual(['seed must be a whole number from 0 to 4294967295 (got "")']);
  });

  it('E_DAYS', () => {
    expect(messages({ days: '0' })).toEqual(['days must be a whole number from 1 to 731 (got 0)']);
    expect(messages({ days: 732 })).toEqual(['days must be a whole number from 1 to 731 (got 732)']);
  });

  it('E_DATE names the field and echoes the text', () => {
    expect(messages({ start: '2026-02-30', end: '2026-03-01' })).toEqual([
      '--start must be a date (YYYY-MM-DD) or an ISO-8601 instant between 1970-01-01 and 2100-01-01 (got 2026-02-30)',
    ]);
    expect(failures({ as_of: '2100-01-02' })[0]).toMatchObject({ code: 'E_DATE', field: 'as_of' });
  });

  it('E_WINDOW_ORDER', () => {
    expect(messages({ start: '2026-02-01', end: '2026-01-01' })).toEqual([
      'end (2026-01-01) must be after start (2026-02-01)',
    ]);
    expect(messages({ start: '2026-01-01T12:00:00Z', end: '2026-01-01T12:00:00Z' })).toEqual([
      'end (2026-01-01T12:00:00.000000Z) must be after start (2026-01-01T12:00:00.000000Z)',
    ]);
  });

  it('E_WINDOW_SIZE writes the duration readably', () => {
    expect(messages({ start: '2024-01-01', end: '2026-03-11' })).toEqual([
      'the window must be between 1 hour and 731 days (got 800 days)',
    ]);
    expect(messages({ start: '2026-01-01T00:00:00Z', end: '2026-01-01T00:30:00Z' })).toEqual([
      'the window must be between 1 hour and 731 days (got 30 minutes)',
    ]);
  });

  it('E_DAYS_CONFLICT', () => {
    expect(messages({ days: '7', start: '2026-01-01', end: '2026-01-08' })).toEqual([
      'use --days with at most one of --start/--end',
    ]);
  });

  it('E_AS_OF', () => {
    expect(messages({ end: '2026-02-01', as_of: '2026-01-31' })).toEqual([
      'as_of must be between end and end + 400 days (got 2026-01-31)',
    ]);
  });

  it('E_FORMAT', () => {
    expect(messages({ format: 'xlsx' })).toEqual(['unknown format "xlsx": use parquet, csv, json or delta']);
  });

  it('E_COMPRESSION: unknown, or snappy/zstd given with csv or json', () => {
    const tail = 'use snappy, zstd or none for parquet and delta, none for csv and json';
    expect(messages({ format: 'csv', compression: 'snappy' })).toEqual([`compression "snappy" is not available for csv: ${tail}`]);
    expect(messages({ format: 'json', compression: 'zstd' })).toEqual([`compression "zstd" is not available for json: ${tail}`]);
    expect(messages({ compression: 'gzip' })).toEqual([`compression "gzip" is not available for parquet: ${tail}`]);
  });

  it('E_PRESET', () => {
    expect(messages({ preset: 'huge' })).toEqual(['unknown preset "huge": use small, demo, production or legacy']);
  });

  it('E_JURISDICTION', () => {
    expect(messages({ jurisdiction: 'US-2024' })).toEqual(['unknown jurisdiction "US-2024": use US-2025 or US-2026']);
  });

  it('E_PII: pii not masked/raw, pii_key secret without a secret', () => {
    expect(messages({ pii: 'clear' })).toEqual(['pii must be masked or raw']);
    expect(messages({ pii_key: 'secret', has_secret: false })).toEqual([
      'pii_key is "secret" but no secret was given (set CDS_PII_SECRET)',
    ]);
    expect(messages({ pii_key: 'password' })).toEqual(['pii_key must be seed or secret (got password)']);
    expect(resolveScenario({ today: TODAY, pii_key: 'secret', has_secret: true }).ok).toBe(true);
  });

  it('E_POPULATION when players = 0 while another table has rows', () => {
    expect(failures({ counts: { players: '0', slots: '10' } }).map((e) => [e.code, e.field, e.message])).toEqual([
      ['E_POPULATION', 'players', 'players must be at least 1 when other tables are generated (got 0)'],
    ]);
  });

  it('an unknown bundle is reported with the output-format errors', () => {
    expect(failures({ bundle: 'tar' }).map((e) => [e.code, e.message])).toEqual([
      ['E_FORMAT', 'unknown bundle "tar": use files or zip'],
    ]);
  });
});

describe('SPEC 15 all failures together, in table order', () => {
  it('reports every failure once, ordered by code, fields in order within a code', () => {
    const errors = failures({
      pii: 'x',
      jurisdiction: 'X',
      preset: 'huge',
      format: 'csv',
      compression: 'zstd',
      as_of: '1969-01-01',
      end: '2026-02-30',
      start: 'yesterday',
      days: '0',
      seed: '-1',
      counts: { compliance: '-1', slots: 'x' },
    });
    expect(errors.map((e) => `${e.code} ${e.field}`)).toEqual([
      'E_COUNT slots',
      'E_COUNT compliance',
      'E_SEED seed',
      'E_DAYS days',
      'E_DATE start',
      'E_DATE end',
      'E_DATE as_of',
      'E_DAYS_CONFLICT days',
      'E_COMPRESSION compression',
      'E_PRESET preset',
      'E_JURISDICTION jurisdiction',
      'E_PII pii',
    ]);
    expect(errors.every((e) => e instanceof ScenarioError && e instanceof Error)).toBe(true);
  });

  it('window, as_of, format and population failures keep their places', () => {
    const codes = failures({
      start: '2026-02-01',
      end: '2026-01-01',
      as_of: '2027-06-01',
      format: 'xml',
      counts: { players: 0, security: 3 },
    }).map((e) => e.code);
    expect(codes).toEqual(['E_WINDOW_ORDER', 'E_AS_OF', 'E_FORMAT', 'E_POPULATION']);
  });

  it('sortScenarioErrors places E_VOLUME from the plan between E_ARG and E_POPULATION', () => {
    const merged = sortScenarioErrors([
      new ScenarioError('E_POPULATION', 'p'),
      new ScenarioError('E_VOLUME', 'v'),
      new ScenarioError('E_SEED', 's'),
      new ScenarioError('E_ARG', 'a'),
    ]);
    expect(merged.map((e) => e.code)).toEqual(['E_SEED', 'E_ARG', 'E_VOLUME', 'E_POPULATION']);
    expect(SCENARIO_ERROR_ORDER.indexOf('E_PII')).toBeLessThan(SCENARIO_ERROR_ORDER.indexOf('E_ARG'));
  });
});

describe('SPEC 2.1 defaults and SPEC 2.3 counts', () => {
  const ok = (input: Partial<ScenarioInput>) => {
    const result = resolveScenario({ today: TODAY, ...input });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    return result.scenario;
  };

  it('fills every default', () => {
    expect(ok({})).toEqual({
      spec_version: 1,
      seed: 42,
      start: TODAY - 30 * DAY_US,
      end: TODAY,
      as_of: TODAY,
      counts: { slots: null, tables: null, players: null, financial: null, security: null, compliance: null },
      pii: 'masked',
      pii_key: 'seed',
      format: 'parquet',
      compression: 'snappy',
      jurisdiction: 'US-2025',
      bundle: 'files',
    });
  });

  it('compression defaults to none for csv and json; none is accepted everywhere', () => {
    expect(ok({ format: 'csv' }).compression).toBe('none');
    expect(ok({ format: 'json' }).compression).toBe('none');
    expect(ok({ format: 'csv', compression: 'none' }).compression).toBe('none');
    expect(ok({ compression: 'zstd' }).compression).toBe('zstd');
    expect(ok({ compression: 'none' }).compression).toBe('none');
  });

  it('seed 0 and 4294967295 are valid; text seeds are read as Python int', () => {
    expect(ok({ seed: '0' }).seed).toBe(0);
    expect(ok({ seed: 4294967295 }).seed).toBe(4294967295);
    expect(ok({ seed: ' +7 ' }).seed).toBe(7);
  });

  it('a preset selects all six tables with its counts', () => {
    expect(ok({ preset: 'demo' }).counts).toEqual({
      slots: 500_000, tables: 100_000, players: 10_000, financial: 50_000, security: 10_000, compliance: 5_000,
    });
  });

  it('explicit counts override preset counts, and an explicit 0 is an empty table', () => {
    const counts = ok({ preset: 'small', counts: { slots: '0', security: 42 } }).counts;
    expect(counts).toEqual({ slots: 0, tables: 5_000, players: 1_000, financial: 2_000, security: 42, compliance: 200 });
  });

  it('without a preset, only the given tables are selected; 0 is not absent', () => {
    const counts = ok({ counts: { players: '0', slots: 0 } }).counts;
    expect(counts).toEqual({ slots: 0, tables: null, players: 0, financial: null, security: null, compliance: null });
  });

  it('players not generated leaves the default population: no E_POPULATION', () => {
    expect(ok({ counts: { slots: '5' } }).counts.players).toBeNull();
  });

  it('count maxima are inclusive', () => {
    expect(ok({ counts: { slots: '100000000', players: '10000000' } }).counts.slots).toBe(100_000_000);
  });

  it('passes through the other choices', () => {
    const s = ok({ pii: 'raw', jurisdiction: 'US-2026', bundle: 'zip', format: 'json' });
    expect([s.pii, s.jurisdiction, s.bundle, s.format]).toEqual(['raw', 'US-2026', 'zip', 'json']);
  });

  it('throws on a missing today: a caller bug, not a user error', () => {
    expect(() => resolveScenario({ today: Number.NaN })).toThrow(RangeError);
  });

  it('a window of exactly one hour is accepted', () => {
    expect(ok({ start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z' }).end).toBe(
      parseInstantText('2026-01-01')! + HOUR_US,
    );
  });
});
