/**
 * Issue 7, bad input on the command line: generated invalid argument lists, each run through the whole CLI
 * in-process (runCli) with its own output folder: exit 2, one `error: <message>` line per problem matching a SPEC
 * 14/15 template, nothing on stdout, and no file or folder created (not even the output folder). A sample also runs
 * as a real child process (dist-cli/main.mjs) and must print the same.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { COUNT_MAX } from '../generators/scenario/counts';
import { badDateText, badWholeNumber, nonNumericText, overlongText, unknownChoice } from '../testing/bad-values';
import { describeFailures, judgeCases, sampleCases } from '../testing/property-cases';
import { recordTally } from '../testing/robustness';
import { matchesAnyTemplate } from '../testing/spec15-templates';
import { TABLE_KEYS } from '../generators/tables';
import { FLAGS } from './args';
import { runCli } from './run-cli';

const WORKER_URL = new URL('../../dist-cli/generator-worker.mjs', import.meta.url);
const MAIN = fileURLToPath(new URL('../../dist-cli/main.mjs', import.meta.url));
const ROOT = mkdtempSync(join(realpathSync(tmpdir()), 'cds-bad-args-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
const RUNS = 600;
const CHILD_SAMPLE = 20;

/** A planted fault: its tokens, where they go, and a pattern one of the error lines must match. */
interface Fault {
  readonly kind: string;
  readonly tokens: readonly string[];
  readonly expect: RegExp;
  /** Faults of one group set the same flags (the last value would win), so a list plants at most one per group. */
  readonly group: string;
  /** Missing-value faults must end the list. */
  readonly last?: boolean;
}

/** A fault before its group is known. */
type Planted = Omit<Fault, 'group'>;

const LONGS = FLAGS.map((f) => f.long);
const VALUE_LONGS = FLAGS.filter((f) => f.value).map((f) => f.long);
const SWITCH_LONGS = FLAGS.filter((f) => !f.value && f.long !== '--help').map((f) => f.long);
/** Prefixes (3+ characters) that more than one long flag starts with, none a flag itself. */
const AMBIGUOUS = [...new Set(LONGS.flatMap((l) => Array.from({ length: l.length - 3 }, (_, i) => l.slice(0, i + 3))))].filter(
  (p) => !LONGS.includes(p) && LONGS.filter((l) => l.startsWith(p)).length > 1,
);

/** A flag and a value in one of the accepted spellings: `--flag v`, `--flag=v`, or a unique prefix `--fla=v`. */
const spelled = (long: string, value: string): fc.Arbitrary<string[]> => {
  const short = FLAGS.find((f) => f.long === long)?.short;
  const prefix = Array.from({ length: long.length - 2 }, (_, i) => long.slice(0, long.length - i)).filter(
    (p) => p.length > 2 && LONGS.filter((l) => l.startsWith(p)).length === 1,
  );
  const forms: string[][] = [[`${long}=${value}`], ...prefix.map((p) => [`${p}=${value}`])];
  if (!value.startsWith('-')) forms.push([long, value]);
  if (short && value !== '') forms.push([`${short}${value}`]);
  return fc.constantFrom(...forms);
};

/** argparse reads a token with a space as a positional, so `--seed=1 2` is a stray argument, not a bad seed. */
const valueFault = (kind: string, long: string, values: fc.Arbitrary<string | number>, expect: RegExp): fc.Arbitrary<Planted> =>
  values.map(String).chain((v) =>
    spelled(long, v).map((tokens) =>
      tokens.length === 1 && tokens[0].includes(' ') && tokens[0].startsWith('-')
        ? { kind: `${kind} (a stray argument)`, tokens, expect: /^unknown option / }
        : { kind, tokens, expect },
    ),
  );

const unknownLong: fc.Arbitrary<Planted> = fc
  .oneof(fc.stringMatching(/^--[a-z][a-z-]{1,12}$/), fc.string({ minLength: 1, maxLength: 10 }).map((s) => `--${s}`), overlongText.map((s) => `--${s}`))
  .filter((t) => !t.includes('=') && !t.includes(' ') && t !== '--' && LONGS.filter((l) => l.startsWith(t)).length === 0)
  .map((t) => ({ kind: 'unknown option', tokens: [t], expect: /^unknown option / }));

const ambiguous: fc.Arbitrary<Planted> = fc.constantFrom(...AMBIGUOUS).map((p) => ({ kind: 'ambiguous option', tokens: [p, '1'], expect: /is ambiguous \(/ }));

const unknownShort: fc.Arbitrary<Planted> = fc
  .constantFrom(...'bceghijklmnpqrtuvwxyzABCDEFGIJKLMNOPQRSTUVWXYZ!@#%^&*_'.split(''))
  .filter((c) => !FLAGS.some((f) => f.short === `-${c}`) && c !== 'h')
  .map((c) => ({ kind: 'unknown short option', tokens: [`-${c}`], expect: /^unknown option -/ }));

const missingValue: fc.Arbitrary<Planted> = fc.constantFrom(...VALUE_LONGS).map((l) => ({ kind: 'missing value', tokens: [l], expect: /needs a value$/, last: true }));

const switchWithValue: fc.Arbitrary<Planted> = fc
  .tuple(fc.constantFrom(...SWITCH_LONGS), fc.constantFrom('1', 'yes', '', 'x'.repeat(50)))
  .map(([l, v]) => ({ kind: 'switch given a value', tokens: [`${l}=${v}`], expect: /does not take a value$/ }));

const positional: fc.Arbitrary<Planted> = fc
  .oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), overlongText)
  .filter((t) => !t.startsWith('-') || t === '-')
  .map((t) => ({ kind: 'stray argument', tokens: [t], expect: /^unknown option / }));

const countFault: fc.Arbitrary<Planted> = fc.constantFrom(...TABLE_KEYS).chain((table) =>
  valueFault(`bad --${table}`, `--${table}`, badWholeNumber(0, COUNT_MAX[table]), new RegExp(`^--${table} must be a whole number`)),
);

const fixedFault = (kind: string, tokens: string[], expect: RegExp): fc.Arbitrary<Planted> => fc.constant({ kind, tokens, expect });

/** The flags a fault sets, as one group: the window's, the output's, the counts', or the flag itself. */
function groupOf(kind: string): string {
  if (/--start|--end|--as-of|--days|window|as_of/.test(kind)) return 'window';
  if (/--format|--compression|compression/.test(kind)) return 'output';
  if (/--slots|--tables|--players|--financial|--security|--compliance|players 0/.test(kind)) return 'counts';
  if (/--shard|--zip|--dictionary/.test(kind)) return 'shard';
  return kind;
}

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  unknownLong,
  ambiguous,
  unknownShort,
  missingValue,
  switchWithValue,
  positional,
  countFault,
  valueFault('bad --seed', '--seed', badWholeNumber(0, 4_294_967_295), /^seed must be a whole number/),
  valueFault('bad --days', '--days', badWholeNumber(1, 731), /^days must be a whole number/),
  fc.constantFrom('--start', '--end', '--as-of').chain((l) => valueFault(`bad ${l}`, l, badDateText, new RegExp(`^${l} must be a date`))),
  valueFault('bad --format', '--format', unknownChoice(['parquet', 'csv', 'json', 'delta']), /^unknown format "/),
  valueFault('bad --preset', '--preset', unknownChoice(['small', 'demo', 'production', 'legacy']), /^unknown preset "/),
  valueFault('bad --compression', '--compression', unknownChoice(['snappy', 'zstd', 'none']), /^compression "/),
  valueFault('bad --jurisdiction', '--jurisdiction', unknownChoice(['US-2025', 'US-2026']), /^unknown jurisdiction "/),
  valueFault('bad --workers', '--workers', fc.oneof(badWholeNumber(1, Number.MAX_SAFE_INTEGER), fc.constantFrom('0', '-0')), /^--workers must be/),
  valueFault('bad --partition-by', '--partition-by', unknownChoice(['none', 'day']), /^unknown partitioning "/),
  valueFault(
    'bad --shard',
    '--shard',
    fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 200_000 })).filter(([k, n]) => !(n >= 1 && n <= 100_000 && k < n)).map(([k, n]) => `${k}/${n}`),
      fc.constantFrom('1', '/', '0/', '/2', 'a/b', '-1/2', '0/2/3', '0.5/2', '1e1/20'),
      nonNumericText,
      overlongText,
    ),
    /^--shard must be K\/N/,
  ),
  fixedFault('--shard with --zip', ['--shard', '0/2', '--zip'], /^--shard writes part files and cannot be combined with --zip$/),
  fixedFault('--dictionary with --shard', ['--shard', '1/2', '--dictionary'], /^--dictionary describes a whole run/),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom('csv', 'json'), fc.constantFrom('snappy', 'zstd')).map(([, f, c]) => ({
    kind: 'parquet compression for text',
    tokens: ['-f', f, '--compression', c],
    expect: new RegExp(`^compression "${c}" is not available for ${f}`),
  })),
  fixedFault('--days with --start and --end', ['--start', '2026-01-01', '--end', '2026-01-08', '-d', '7'], /^use --days with at most one of --start\/--end$/),
  fc.integer({ min: 0, max: 500 }).map((d) => ({
    kind: 'reversed window',
    tokens: ['--start', '2026-06-01', `--end=2026-${d < 150 ? '05' : '04'}-${String(1 + (d % 28)).padStart(2, '0')}`],
    expect: /^end \(.+\) must be after start \(2026-06-01\)$/,
  })),
  fixedFault('window over 731 days', ['--start', '2020-01-01', '--end', '2026-01-01'], /^the window must be between 1 hour and 731 days/),
  fixedFault('as_of before end', ['--start', '2026-01-01', '--end', '2026-01-08', '--as-of', '2026-01-07'], /^as_of must be between end and end \+ 400 days/),
  fixedFault('players 0 with other rows', ['--players', '0', '--tables', '3'], /^players must be at least 1 when other tables are generated \(got 0\)$/),
).map((f) => ({ ...f, group: groupOf(f.kind) }));

/** A valid base (a small run that would write files), then 1-3 faults of different groups in random order. */
const argLists = fc
  .tuple(fc.uniqueArray(faultArb, { minLength: 1, maxLength: 3, selector: (f) => f.group }), fc.shuffledSubarray(['--slots=10', '--players=5', '-s7', '--format=csv', '--include-pii'], { minLength: 1 }))
  .chain(([faults, base]) => {
    // The base comes first: a fault after it is the last value of its flag, as a user's typo would be.
    const groups = faults.filter((f) => !f.last).map((f) => f.tokens);
    return fc.shuffledSubarray(groups, { minLength: groups.length }).map((shuffled) => ({
      faults,
      argv: [...base, ...shuffled.flat(), ...faults.filter((f) => f.last).flatMap((f) => f.tokens)],
    }));
  });

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let cases = 0;
const freshOut = () => join(ROOT, `out-${++cases}`);

/** Writable that keeps what it is given. */
const capture = () => {
  let text = '';
  return { write: (chunk: string | Uint8Array) => ((text += String(chunk)), true), text: () => text, isTTY: false };
};

async function runInProcess(argv: readonly string[]): Promise<Outcome> {
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(argv, { env: {}, stdout, stderr, workerUrl: WORKER_URL });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Exit 2, stdout empty, each stderr line `error: <template>`, every fault named, and no folder or file made. */
function judge(outcome: Outcome, faults: readonly Fault[], out: string): string | null {
  if (outcome.code !== 2) return `exit ${outcome.code}`;
  if (outcome.stdout !== '') return `stdout: ${outcome.stdout.slice(0, 200)}`;
  if (existsSync(out)) return `the output folder was created: ${readdirSync(out).join(', ')}`;
  const lines = outcome.stderr.split('\n');
  if (lines.pop() !== '' || lines.length === 0) return `stderr is not whole lines: ${outcome.stderr.slice(0, 200)}`;
  for (const line of lines) {
    if (!line.startsWith('error: ') || !matchesAnyTemplate(line.slice(7))) return `unclear line: ${line.slice(0, 200)}`;
  }
  // Argument errors are reported alone (the values of a malformed command line are not trusted), so a value fault
  // need only be named when no argument error was found.
  const argErrors = lines.some((l) => /^error: (unknown option|option |--workers|--shard|--dictionary|unknown partitioning)/.test(l));
  for (const f of faults) {
    const isArgFault = /option|value|argument|--workers|--shard|--partition|--dictionary/.test(f.kind);
    if ((isArgFault || !argErrors) && !lines.some((l) => f.expect.test(l.slice(7)))) return `${f.kind} not reported: ${lines.join(' | ').slice(0, 300)}`;
  }
  return null;
}

describe('issue 7: invalid command lines are refused with exit 2 and nothing written', () => {
  const sample = sampleCases(argLists, RUNS, 2);

  it(`refuses ${RUNS} generated invalid argument lists in-process: exit 2, SPEC 15 lines, no output folder`, async () => {
    const results = await judgeCases(sample, async ({ argv, faults }) => {
      const out = freshOut();
      return judge(await runInProcess(['-o', out, ...argv]), faults, out);
    });
    const kinds = new Set(sample.flatMap((c) => c.faults.map((f) => f.kind)));
    recordTally({
      category: 'invalid CLI argument lists',
      tried: results.tried,
      ok: results.ok,
      failures: results.failures.length,
      figures: `${results.tried} invalid argument lists (${kinds.size} kinds of fault), ${results.ok} exit-2 refusals with clear messages and nothing written, ${results.crashes} crashes`,
    });
    expect(describeFailures(results)).toEqual([]);
    expect(kinds.size).toBeGreaterThanOrEqual(25);
    expect(readdirSync(ROOT)).toEqual([]);
  });

  it(`prints the same as a child process (node dist-cli/main.mjs) for ${CHILD_SAMPLE} of them`, async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build:cli`);
    // A process argument is at most 128 KiB on Linux (MAX_ARG_STRLEN): the overlong lists run in-process only.
    const fits = sample.filter(({ argv }) => argv.every((a) => Buffer.byteLength(a) < 100_000));
    expect(fits.length).toBeGreaterThanOrEqual(CHILD_SAMPLE);
    for (const { argv } of fits.slice(0, CHILD_SAMPLE)) {
      const out = freshOut();
      const args = ['-o', out, ...argv];
      const inProcess = await runInProcess(args);
      const env = { ...process.env };
      delete env.CDS_PII_SECRET;
      const child = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, env, encoding: 'utf8' });
      expect({ code: child.status, stdout: child.stdout, stderr: child.stderr }).toEqual(inProcess);
      expect(existsSync(out)).toBe(false);
    }
  });
});
