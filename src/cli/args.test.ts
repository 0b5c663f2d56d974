import { describe, expect, it } from 'vitest';
import { parseInstantText, resolveScenario } from '../generators/scenario';
import { FLAGS, USAGE, parseCliArgs } from './args';

const TODAY = parseInstantText('2026-03-15')!;

function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const result = parseCliArgs(argv, env, TODAY);
  if (result.kind !== 'run') throw new Error(`expected run, got ${JSON.stringify(result)}`);
  return result;
}

function argErrors(argv: string[]): string[] {
  const result = parseCliArgs(argv, {}, TODAY);
  if (result.kind !== 'error') throw new Error(`expected error, got ${result.kind}`);
  return result.errors;
}

/** CLI argv through parsing and validation, as main does. */
function validate(argv: string[], env: Record<string, string | undefined> = {}) {
  return resolveScenario(run(argv, env).input);
}

const messagesOf = (argv: string[], env: Record<string, string | undefined> = {}) => {
  const result = validate(argv, env);
  return result.ok ? [] : result.errors.map((e) => e.message);
};

describe('SPEC 14 defaults', () => {
  it('no arguments: nothing selected, legacy defaults', () => {
    const result = run([]);
    expect(result).toMatchObject({ output: './output', workers: null, zip: false, nothingSelected: true });
    expect(result.input).toMatchObject({ counts: {}, preset: undefined, pii: 'masked', pii_key: 'seed', bundle: 'files' });
    expect(result.input.today).toBe(TODAY);
    const s = validate([]);
    expect(s.ok && [s.scenario.seed, s.scenario.end - s.scenario.start, s.scenario.format]).toEqual([
      42, 30 * 86_400_000_000, 'parquet',
    ]);
  });

  it('--all selects the legacy volumes over 30 days', () => {
    const s = validate(['--all']);
    expect(run(['-a']).nothingSelected).toBe(false);
    expect(s.ok && s.scenario.counts).toEqual({
      slots: 500_000, tables: 100_000, players: 10_000, financial: 50_000, security: 25_000, compliance: 10_000,
    });
  });

  it("--preset implies --all and gives the preset's days; explicit --days wins", () => {
    const small = validate(['--preset', 'small']);
    expect(run(['--preset', 'small']).nothingSelected).toBe(false);
    expect(small.ok && [small.scenario.counts.slots, small.scenario.start]).toEqual([10_000, TODAY - 7 * 86_400_000_000]);
    const days = validate(['--preset', 'small', '-d', '3']);
    expect(days.ok && days.scenario.start).toBe(TODAY - 3 * 86_400_000_000);
    const both = validate(['--all', '--preset', 'production']);
    expect(both.ok && both.scenario.counts.slots).toBe(5_000_000);
  });

  it('per-table flags select their table and override preset counts; 0 is an empty table', () => {
    expect(run(['--slots', '0']).nothingSelected).toBe(false);
    const only = validate(['--slots', '0', '--players', '7']);
    expect(only.ok && only.scenario.counts).toEqual({
      slots: 0, tables: null, players: 7, financial: null, security: null, compliance: null,
    });
    const over = validate(['--all', '--compliance', '0']);
    expect(over.ok && [over.scenario.counts.compliance, over.scenario.counts.slots]).toEqual([0, 500_000]);
  });

  it('--include-pii, --zip, --format, --compression, --jurisdiction, --as-of', () => {
    const result = run(['--include-pii', '--zip', '-f', 'csv', '--compression', 'none', '--jurisdiction', 'US-2026']);
    expect(result.zip).toBe(true);
    const s = validate(['--include-pii', '--zip', '-f', 'csv', '--jurisdiction', 'US-2026', '--end', '2026-01-01', '--as-of', '2026-01-02']);
    expect(s.ok && [s.scenario.pii, s.scenario.bundle, s.scenario.format, s.scenario.compression, s.scenario.jurisdiction, s.scenario.as_of]).toEqual([
      'raw', 'zip', 'csv', 'none', 'US-2026', parseInstantText('2026-01-02'),
    ]);
  });

  it('CDS_PII_SECRET, when set and non-empty, makes pii_key secret', () => {
    expect(run([], { CDS_PII_SECRET: 's3cret' }).input).toMatchObject({ pii_key: 'secret', has_secret: true });
    expect(run([], { CDS_PII_SECRET: '' }).input).toMatchObject({ pii_key: 'seed', has_secret: false });
    const s = validate([], { CDS_PII_SECRET: 'x' });
    expect(s.ok && s.scenario.pii_key).toBe('secret');
  });

  it('--workers is a whole number >= 1', () => {
    expect(run(['--workers', '4']).workers).toBe(4);
    expect(argErrors(['--workers', '0'])).toEqual(['--workers must be a whole number of at least 1 (got 0)']);
    expect(argErrors(['--workers=1.5'])).toEqual(['--workers must be a whole number of at least 1 (got 1.5)']);
    expect(argErrors(['--workers', 'many'])).toEqual(['--workers must be a whole number of at least 1 (got many)']);
    expect(argErrors(['--workers='])).toEqual(['--workers must be a whole number of at least 1 (got "")']);
  });
});

describe('SPEC 14 argparse forms', () => {
  it('--flag value, --flag=value, -f value, attached short values', () => {
    for (const argv of [['--seed', '7'], ['--seed=7'], ['-s', '7'], ['-s7'], ['-s=7'], ['--see', '7'], ['--see=7']]) {
      expect(run(argv).input.seed, argv.join(' ')).toBe('7');
    }
    expect(run(['-o./out']).output).toBe('./out');
    expect(run(['--out', 'dir']).output).toBe('dir');
    expect(run(['--output=a=b']).output).toBe('a=b');
    expect(run(['-d30']).input.days).toBe('30');
  });

  it('switches may be clustered with a value flag last', () => {
    const result = run(['-ad30']);
    expect([result.input.preset, result.input.days]).toEqual(['legacy', '30']);
    expect(run(['-af', 'csv']).input.format).toBe('csv');
  });

  it('any unambiguous prefix of a long flag', () => {
    expect(run(['--inc']).input.pii).toBe('raw');
    expect(run(['--z']).zip).toBe(true);
    expect(run(['--compl', '5']).input.counts).toEqual({ compliance: '5' });
    expect(run(['--compr', 'zstd']).input.compression).toBe('zstd');
    expect(run(['--as', '2026-01-01']).input.as_of).toBe('2026-01-01');
    expect(run(['--e', '2026-01-01']).input.end).toBe('2026-01-01');
  });

  it('a repeated flag takes its last value', () => {
    expect(run(['--seed', '1', '-s', '2', '--seed=3']).input.seed).toBe('3');
    expect(run(['--format', 'csv', '--format', 'json']).input.format).toBe('json');
  });

  it('negative numbers are values, so their range error is reported', () => {
    expect(run(['--seed', '-5']).input.seed).toBe('-5');
    expect(messagesOf(['--slots', '-1'])).toEqual(['--slots must be a whole number from 0 to 100,000,000 (got -1)']);
  });
});

describe('SPEC 15 E_ARG messages', () => {
  it('ambiguous prefixes list the candidates in flag-table order', () => {
    expect(argErrors(['--s', '5'])).toEqual(['option --s is ambiguous (--seed, --slots, --security, --start, --shard)']);
    expect(argErrors(['--c=1'])).toEqual(['option --c is ambiguous (--compliance, --compression)']);
    expect(argErrors(['--f', 'csv'])).toEqual(['option --f is ambiguous (--format, --financial, --from-manifest)']);
    expect(argErrors(['--a'])).toEqual(['option --a is ambiguous (--all, --as-of)']);
  });

  it('--from-manifest takes only -o and --workers beside it (issue 7)', () => {
    expect(parseCliArgs(['--from', 'm.json', '-o', 'out', '--workers', '2'])).toEqual({ kind: 'manifest', path: 'm.json', output: 'out', workers: 2 });
    expect(parseCliArgs(['--from-manifest=m.json'])).toEqual({ kind: 'manifest', path: 'm.json', output: './output', workers: null });
    expect(argErrors(['--from-manifest', 'm.json', '-a', '-d7'])).toEqual([
      '--from-manifest takes the scenario and output options from the manifest: only -o/--output and --workers can be given with it (got --days, --all)',
    ]);
    expect(argErrors(['--from-manifest='])).toEqual(['--from-manifest needs the path of a manifest.json (got "")']);
  });

  it('unknown options and stray arguments', () => {
    expect(argErrors(['--bogus'])).toEqual(['unknown option --bogus']);
    expect(argErrors(['--bogus', '5', '--all'])).toEqual(['unknown option --bogus']);
    expect(argErrors(['-x'])).toEqual(['unknown option -x']);
    expect(argErrors(['-ax'])).toEqual(['unknown option -x']);
    expect(argErrors(['output'])).toEqual(['unknown option output']);
    expect(argErrors(['--all', '--', '--seed'])).toEqual(['unknown option --seed']);
    expect(argErrors(['--=5'])).toEqual(['unknown option --']);
  });

  it('a value flag without its value', () => {
    expect(argErrors(['--seed'])).toEqual(['option --seed needs a value']);
    expect(argErrors(['--seed', '--all'])).toEqual(['option --seed needs a value']);
    expect(argErrors(['-d'])).toEqual(['option -d needs a value']);
    expect(argErrors(['--out'])).toEqual(['option --out needs a value']);
    expect(argErrors(['-o', '-x'])).toEqual(['option -o needs a value', 'unknown option -x']);
  });

  it('a switch given a value', () => {
    expect(argErrors(['--zip=yes'])).toEqual(['option --zip does not take a value']);
  });

  it('reports every argument error, in command-line order', () => {
    expect(argErrors(['--bogus', '--seed=1', '--s', '1', '--days'])).toEqual([
      'unknown option --bogus',
      'option --s is ambiguous (--seed, --slots, --security, --start, --shard)',
      'option --days needs a value',
    ]);
  });
});

describe('SPEC 14 --help', () => {
  it('--help, -h and prefixes print usage, even after unknown options', () => {
    for (const argv of [['--help'], ['-h'], ['--he'], ['--h'], ['--seed', '1', '-h'], ['--bogus', '--help'], ['-ah']]) {
      expect(parseCliArgs(argv).kind, argv.join(' ')).toBe('help');
    }
  });

  it('as in argparse, an ambiguity anywhere or a missing value before it wins over --help', () => {
    expect(parseCliArgs(['--help', '--s', '1']).kind).toBe('error');
    expect(parseCliArgs(['--seed', '--help']).kind).toBe('error');
    expect(parseCliArgs(['--help', '--seed']).kind).toBe('help');
  });

  it('--dictionary is a switch (issue 6), refused with --shard', () => {
    expect(run(['--all', '--dictionary']).dictionary).toBe(true);
    expect(run(['--all']).dictionary).toBe(false);
    expect(argErrors(['--all', '--dictionary', '--shard', '1/2'])).toEqual(['--dictionary describes a whole run and cannot be combined with --shard']);
    expect(argErrors(['--dictionary=yes'])).toEqual(['option --dictionary does not take a value']);
    // Like --a (--all, --as-of), --d is now ambiguous; --da and --di are not.
    expect(argErrors(['--d', '7'])).toEqual(['option --d is ambiguous (--days, --dictionary)']);
    expect(run(['--all', '--da', '7', '--di']).dictionary).toBe(true);
  });

  it('USAGE lists every flag with its meaning and default', () => {
    for (const flag of FLAGS) expect(USAGE).toContain(flag.long);
    expect(USAGE).toMatch(/^usage: casino-data-studio \[-h\] \[-o DIR\]/);
    expect(USAGE).toContain('(default: ./output)');
    expect(USAGE).toContain('(default: 42)');
    expect(USAGE).toContain('(default: legacy)');
    for (const line of USAGE.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('SPEC 15 through the CLI', () => {
  it('E_DAYS_CONFLICT when --days comes with both --start and --end', () => {
    expect(messagesOf(['-d', '7', '--start', '2026-01-01', '--end', '2026-01-08'])).toEqual([
      'use --days with at most one of --start/--end',
    ]);
    const one = validate(['-d', '7', '--start', '2026-01-01']);
    expect(one.ok && one.scenario.end).toBe(parseInstantText('2026-01-08'));
  });

  it('names fields by their flags and reports all failures in table order', () => {
    expect(messagesOf(['--players', '0', '--jurisdiction', 'EU', '--start', '2026-02-30', '-s', 'x', '--slots', '1.5', '--tables', '3'])).toEqual([
      '--slots must be a whole number from 0 to 100,000,000 (got 1.5)',
      'seed must be a whole number from 0 to 4294967295 (got x)',
      '--start must be a date (YYYY-MM-DD) or an ISO-8601 instant between 1970-01-01 and 2100-01-01 (got 2026-02-30)',
      'unknown jurisdiction "EU": use US-2025 or US-2026',
      'players must be at least 1 when other tables are generated (got 0)',
    ]);
  });

  it('--as-of uses the --as-of label in E_DATE', () => {
    expect(messagesOf(['--as-of', 'later'])).toEqual([
      '--as-of must be a date (YYYY-MM-DD) or an ISO-8601 instant between 1970-01-01 and 2100-01-01 (got later)',
    ]);
  });

  it('an invalid --preset is E_PRESET', () => {
    expect(messagesOf(['--preset', 'huge'])).toEqual(['unknown preset "huge": use small, demo, production or legacy']);
  });
});
