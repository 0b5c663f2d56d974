/**
 * Issue 7, a manifest from another version or tampered with: `--from-manifest FILE` regenerates a real run's files
 * byte for byte, and refuses (exit 2, clear `error:` lines, nothing written, not even the output folder) manifests
 * of another engine, manifest or spec version, malformed JSON, removed keys, wrong types and edited values. A hash
 * edited to another valid one is found after generating: exit 1 and the files removed.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync as unzip } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailures, judgeCases, sampleCases } from '../testing/property-cases';
import { recordTally } from '../testing/robustness';
import { SPEC15_TEMPLATES } from '../testing/spec15-templates';
import { runCli } from './run-cli';
import { ENGINE_VERSION } from '../generators/version';

const WORKER_URL = new URL('../../dist-cli/generator-worker.mjs', import.meta.url);
const ROOT = mkdtempSync(join(realpathSync(tmpdir()), 'cds-manifest-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
const RUNS = 150;

const capture = () => {
  let text = '';
  return { write: (chunk: string | Uint8Array) => ((text += String(chunk)), true), text: () => text, isTTY: false };
};

async function cli(argv: readonly string[], env: Record<string, string> = {}) {
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(argv, { env, stdout, stderr, workerUrl: WORKER_URL });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Every file under a folder, by relative path. */
function tree(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${entry}` : entry;
    if (statSync(join(dir, rel)).isDirectory()) for (const [k, v] of tree(dir, rel)) files.set(k, v);
    else files.set(rel, readFileSync(join(dir, rel)));
  }
  return files;
}

const RUNS_TO_REPRODUCE: Record<string, string[]> = {
  'small preset, Parquet': ['--preset', 'small', '--start', '2026-10-01', '--end', '2026-10-08', '-s', '11'],
  'JSON Lines by day, raw PII, a mid-day window': ['-f', 'json', '--partition-by', 'day', '--slots', '900', '--players', '40', '--security', '30', '--include-pii', '--start', '2026-03-01T13:30:00Z', '--end', '2026-03-04T02:00:00Z', '--as-of', '2026-03-20'],
  'CSV zip bundle, US-2026': ['-f', 'csv', '--zip', '--tables', '300', '--players', '20', '--financial', '50', '--jurisdiction', 'US-2026', '--start', '2025-12-30', '-d', '3'],
};

let manifestText = '';
beforeAll(async () => {
  const r = await cli(['-o', join(ROOT, 'original'), '--workers', '1', ...RUNS_TO_REPRODUCE['small preset, Parquet']]);
  if (r.code !== 0) throw new Error(r.stderr);
  manifestText = readFileSync(join(ROOT, 'original', 'manifest.json'), 'utf8');
});

describe('issue 7: --from-manifest regenerates a run byte for byte', () => {
  for (const [label, args] of Object.entries(RUNS_TO_REPRODUCE)) {
    it(`${label}: the same files and manifest, with any --workers`, async () => {
      const first = join(ROOT, `${label}-a`);
      const again = join(ROOT, `${label}-b`);
      expect((await cli(['-o', first, '--workers', '1', ...args])).code).toBe(0);
      const manifest = args.includes('--zip') ? readManifestFromZip(first) : join(first, 'manifest.json');
      const r = await cli(['--from-manifest', manifest, '-o', again, '--workers', '2']);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('error') || l.startsWith('Error'))).toEqual([]);
      expect(r.code).toBe(0);
      const want = tree(first);
      const got = tree(again);
      expect([...got.keys()]).toEqual([...want.keys()]);
      for (const [name, bytes] of want) expect(got.get(name)?.equals(bytes), name).toBe(true);
    });
  }

  it('a hash edited to another valid one: generated, found different, exit 1 and the files removed', async () => {
    const edited = manifestText.replace(/"sha256": "([0-9a-f])/, (_m, c: string) => `"sha256": "${c === '0' ? '1' : '0'}`);
    const path = join(ROOT, 'edited-hash.json');
    writeFileSync(path, edited);
    const out = join(ROOT, 'edited-hash-out');
    const r = await cli(['--from-manifest', path, '-o', out, '--workers', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Error during generation: bronze_slot_telemetry\.parquet came out with sha256 [0-9a-f]{64} where .+ lists [0-9a-f]{40}…: the manifest was edited; the files written were removed\n$/);
    expect(readdirSync(out)).toEqual([]);
  });
});

/** The zip's manifest.json, taken out with fflate into a file beside it. */
function readManifestFromZip(dir: string): string {
  const zip = readdirSync(dir).find((f) => f.endsWith('.zip'))!;
  const entries = unzip(readFileSync(join(dir, zip)));
  const path = join(dir, '..', `${zip}.manifest.json`);
  writeFileSync(path, entries['manifest.json']);
  return path;
}


type Json = Record<string, unknown>;
interface Tampered {
  readonly kind: string;
  readonly text: string;
}

const parse = (): Json => JSON.parse(manifestText) as Json;
const pretty = (m: unknown) => `${JSON.stringify(m, null, 2)}\n`;
/** A JSON value of the wrong kind for any key. */
const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, '', 'x', -1, 1.5, Number.MAX_SAFE_INTEGER + 2, [], {}, [1], { a: 1 }),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom('x'.repeat(20_000)),
);

/** Sets `path` (keys, or list indexes) in a manifest; `undefined` removes the key. */
function edit(path: readonly (string | number)[], value: unknown): string {
  const m = parse();
  let at: Record<string | number, unknown> = m;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(at)) at.splice(Number(last), 1);
    else delete at[last];
  } else at[last] = value;
  return pretty(m);
}

const TOP = ['manifest_version', 'generator', 'scenario', 'jurisdiction', 'files', 'schemas', 'filings'];
const SCENARIO_FIELDS = ['spec_version', 'seed', 'start', 'end', 'as_of', 'counts', 'pii', 'pii_key', 'format', 'compression', 'jurisdiction', 'bundle'];
const FILE_FIELDS = ['table', 'file', 'format', 'compression', 'rows', 'bytes', 'sha256'];

const tamperedManifests: fc.Arbitrary<Tampered> = fc.oneof(
  fc.oneof(fc.integer({ min: 0, max: 50 }).filter((v) => v !== ENGINE_VERSION), wrongValue).map((v) => ({ kind: 'another engine version', text: edit(['generator', 'engine_version'], v) })),
  fc.oneof(fc.integer({ min: 0, max: 50 }).filter((v) => v !== 1), wrongValue).map((v) => ({ kind: 'another manifest version', text: edit(['manifest_version'], v) })),
  fc.oneof(fc.integer({ min: 2, max: 50 }), wrongValue).map((v) => ({ kind: 'another spec version', text: edit(['generator', 'spec_version'], v) })),
  fc.oneof(fc.constantFrom('casino-data-generator', 'Casino Data Studio', ''), wrongValue).map((v) => ({ kind: 'another generator', text: edit(['generator', 'name'], v) })),
  fc.constantFrom(...TOP).map((k) => ({ kind: 'top-level key removed', text: edit([k], undefined) })),
  fc.tuple(fc.constantFrom(...TOP), wrongValue).map(([k, v]) => ({ kind: 'top-level key of the wrong type', text: edit([k], v) })),
  fc.constantFrom(...SCENARIO_FIELDS).map((k) => ({ kind: 'scenario field removed', text: edit(['scenario', k], undefined) })),
  fc.tuple(fc.constantFrom(...SCENARIO_FIELDS), wrongValue).map(([k, v]) => ({ kind: 'scenario field edited', text: edit(['scenario', k], v) })),
  fc.tuple(fc.constantFrom('slots', 'tables', 'players', 'financial', 'security', 'compliance'), fc.oneof(fc.constantFrom(-1, 1.5, 1e9, Number.MAX_SAFE_INTEGER, 7, 0), wrongValue))
    .map(([t, v]) => ({ kind: 'count edited', text: edit(['scenario', 'counts', t], v) })),
  fc.integer({ min: 0, max: 5 }).map((i) => ({ kind: 'file entry removed', text: edit(['files', i], undefined) })),
  fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...FILE_FIELDS)).map(([i, k]) => ({ kind: 'file entry key removed', text: edit(['files', i, k], undefined) })),
  fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...FILE_FIELDS), wrongValue).map(([i, k, v]) => ({ kind: 'file entry edited', text: edit(['files', i, k], v) })),
  fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom('/etc/passwd', '../x.parquet', 'a//b', 'bronze_x-part-00001.parquet', 'C:\\x')).map(([i, f]) => ({ kind: 'file name edited', text: edit(['files', i, 'file'], f) })),
  fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 1000 })).map(([i, d]) => ({
    kind: 'rows edited',
    text: edit(['files', i, 'rows'], (parse().files as { rows: number }[])[i].rows + d),
  })),
  fc.tuple(fc.constantFrom('ctr', 'sar', 'w2g', 'ctr_source_rows', 'sar_source_rows', 'w2g_jackpots', 'w2g_payouts'), fc.oneof(fc.constant(undefined), wrongValue))
    .map(([k, v]) => ({ kind: 'filings edited', text: edit(['filings', k], v) })),
  fc.tuple(fc.constantFrom('slots', 'players', 'compliance'), fc.integer({ min: 0, max: 10 })).map(([t, i]) => ({
    kind: 'schema edited',
    text: edit(['schemas', t, i, 'description'], 'edited'),
  })),
  fc.constantFrom('ctr_threshold', 'sar_minimum', 'backup_withholding_rate').map((k) => ({ kind: 'jurisdiction edited', text: edit(['jurisdiction', k], 1) })),
  fc.constantFrom('compact', 'CRLF', 'no final newline', 'BOM').map((how) => ({
    kind: 'reformatted',
    text: how === 'compact' ? JSON.stringify(parse()) : how === 'CRLF' ? manifestText.replace(/\n/g, '\r\n') : how === 'BOM' ? `\ufeff${manifestText}` : manifestText.trimEnd(),
  })),
  fc.integer({ min: 0, max: 4000 }).map((cut) => ({ kind: 'truncated', text: manifestText.slice(0, cut) })),
  fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', 'null', '[]', '"manifest"', '42', '{"manifest_version":1}', '\u0000\u0001\u0002')).map((text) => ({ kind: 'not a manifest', text })),
);

/** A refusal line names the manifest and says what is wrong, or quotes a SPEC 15 message for a scenario value. */
const REFUSALS: readonly RegExp[] = [
  /^.+ is not valid JSON \(.+\)$/,
  /^.+ must hold a JSON object \(got .+\)$/,
  /^.+ has manifest_version \d+; this version of Casino Data Studio reads manifest_version 1 only$/,
  /^.+: manifest_version must be 1 \(got .+\)$/,
  /^.+: generator must be an object with name, engine_version and spec_version \(got .+\)$/,
  /^.+ was not written by casino-data-studio \(generator\.name is .+\)$/,
  /^.+: generator\.engine_version must be a whole number \(got .+\)$/,
  new RegExp(`^.+ was written by engine version \\d+; this is engine version ${ENGINE_VERSION}, which writes different bytes for the same scenario: use casino-data-studio with engine version \\d+ to reproduce it, or drop --from-manifest to generate anew$`),
  /^.+ was written for spec version \d+; this version of Casino Data Studio reads spec version 1 only$/,
  /^.+: generator\.spec_version must be 1 \(got .+\)$/,
  /^.+: files must be a list \(got .+\)$/,
  /^.+: files\[\d+\](?: must be an object \(got .+\)| has no "[a-z0-9]+"|\.table must be one of .+ \(got .+\)| lists [a-z]+, which the scenario does not generate|\.file must be a relative file name \(got .+\)| is .+\/.+ but the scenario says [a-z]+\/[a-z]+|\.(?:rows|bytes) must be a whole number of at least 0 \(got .+\)|\.sha256 must be 64 lowercase hex digits \(got .+\))$/,
  /^.+ describes one shard of a sharded run \(.+\), and a shard's manifest does not record how many shards there were: generate it again with its --shard K\/N flag$/,
  /^.+ lists no file of bronze_[a-z_]+, which the scenario generates$/,
  /^.+ lists [\d,]+ rows of bronze_[a-z_]+ but its scenario asks for [\d,]+: the manifest of one shard, or edited$/,
  /^.+: filings must be an object \(got .+\)$/,
  /^.+: filings\.[a-z0-9_]+ must be a whole number of at least 0 \(got .+\)$/,
  /^.+ is not as casino-data-studio writes it for its own scenario: line \d+ reads .+ instead of .+ \(it was edited\)$/,
  /^.+: the manifest lists .+ twice$/,
  // The scenario's own problems: E_SCENARIO shapes (serialize.ts) and the SPEC 15 messages, after `<name>: `.
  /^.+?: (?:the scenario must be a JSON object|unknown scenario field ".*"|scenario field "[a-z_]+" is missing|scenario field "[a-z_]+" must be a (?:number|string)|unknown table ".*"|table "[a-z]+" is missing|count "[a-z]+" must be a number or null|spec_version must be 1 \(got .+\)|this scenario was written by spec version \d+ \(spec_version=\d+\); this version of Casino Data Studio reads spec version 1 only|scenario field "counts" must be an object)$/,
];
const SPEC15 = Object.values(SPEC15_TEMPLATES).flat();

function isClearRefusal(line: string): boolean {
  if (line.length > 600 || /[\r\n]/.test(line)) return false;
  if (REFUSALS.some((r) => r.test(line))) return true;
  const colon = line.indexOf(': ');
  return colon > 0 && SPEC15.some((t) => t.test(line.slice(colon + 2)));
}

let tried = 0;
describe('issue 7: manifests from other versions or tampered are refused, nothing written', () => {
  it(`refuses ${RUNS} generated tampered manifests with clear error lines, exit 2 and no output folder`, async () => {
    const cases = sampleCases(tamperedManifests, RUNS, 5);
    const results = await judgeCases(cases, async ({ text }) => {
      const n = ++tried;
      const path = join(ROOT, `tampered-${n}.json`);
      const out = join(ROOT, `tampered-out-${n}`);
      writeFileSync(path, text);
      const r = await cli(['--from-manifest', path, '-o', out, '--workers', '1']);
      if (r.code !== 2) return `exit ${r.code}: ${r.stderr.slice(0, 300)}`;
      if (r.stdout !== '') return `stdout: ${r.stdout.slice(0, 100)}`;
      if (existsSync(out)) return 'the output folder was created';
      const lines = r.stderr.split('\n').slice(0, -1);
      if (lines.length === 0 || !r.stderr.endsWith('\n')) return 'no error line';
      const unclear = lines.find((l) => !l.startsWith('error: ') || !isClearRefusal(l.slice(7)));
      return unclear === undefined ? null : `unclear: ${unclear.slice(0, 300)}`;
    });
    const kinds = new Set(cases.map((c) => c.kind));
    recordTally({
      category: 'manifests from other versions or tampered',
      tried: results.tried,
      ok: results.ok,
      failures: results.failures.length,
      figures: `${results.tried} tampered manifests (${kinds.size} kinds), ${results.ok} exit-2 refusals with clear messages and nothing written, ${results.crashes} crashes`,
    });
    expect(describeFailures(results)).toEqual([]);
    expect(kinds.size).toBeGreaterThanOrEqual(18);
  });

  it('takes only -o and --workers beside --from-manifest; a missing file or a folder is refused', async () => {
    const path = join(ROOT, 'original', 'manifest.json');
    expect(await cli(['--from-manifest', path, '-s', '3', '--zip', '-o', join(ROOT, 'x')])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --from-manifest takes the scenario and output options from the manifest: only -o/--output and --workers can be given with it (got --seed, --zip)\n',
    });
    expect((await cli(['--from-manifest', join(ROOT, 'nope.json'), '-o', join(ROOT, 'x')])).stderr).toMatch(/^error: cannot read the manifest .+ \(no such file\)\n$/);
    expect((await cli(['--from-manifest', ROOT, '-o', join(ROOT, 'x')])).stderr).toMatch(/^error: cannot read the manifest .+ \(a folder\)\n$/);
    // A long path keeps its end, where the file name is.
    const deep = join(ROOT, 'a-folder-with-a-long-name-that-goes-on-and-on', 'manifest.json');
    expect((await cli(['--from-manifest', deep, '-o', join(ROOT, 'x')])).stderr).toBe(`error: cannot read the manifest …${deep.slice(-39)} (no such file)\n`);
    expect(existsSync(join(ROOT, 'x'))).toBe(false);
  });
});
