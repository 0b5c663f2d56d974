/**
 * Issue 6 `--dictionary` as a user runs it (`node dist-cli/main.mjs`, built by `npm test`): both files beside the
 * tables and listed on stdout, the same bytes whatever the worker count, format or layout (with 2 workers the files are encoded in
 * the workers and only each table's first unit sends its rows back), inside the zip with `--zip`, and refused
 * with `--shard`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { DICTIONARY_CSV, DICTIONARY_MARKDOWN } from '../export/dictionary';

const MAIN = fileURLToPath(new URL('../../dist-cli/main.mjs', import.meta.url));
const ROOT = mkdtempSync(join(realpathSync(tmpdir()), 'cds-dict-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

/** Slots past one 65,536-row chunk (and one Parquet row group of two chunks), the other tables of the small preset. */
const SCENARIO = ['--preset', 'small', '--slots', '140000', '--start', '2026-10-01', '--end', '2026-10-08', '--seed', '42', '--dictionary'];

async function runCli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build:cli (npm test does)`);
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [MAIN, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const runs = new Map<string, Promise<{ code: number; stdout: string; stderr: string; dir: string }>>();
/** One run per argument list, shared by the tests (their order is shuffled). */
function run(extra: readonly string[]) {
  const key = extra.join(' ');
  if (!runs.has(key)) {
    const dir = join(ROOT, `run-${runs.size}`);
    runs.set(key, runCli([...SCENARIO, ...extra, '-o', dir]).then((r) => ({ ...r, dir })));
  }
  return runs.get(key)!;
}

describe('issue 6 CLI --dictionary', () => {
  it('writes data_dictionary.md and data_dictionary.csv beside the tables and lists them on stdout', async () => {
    const r = await run(['--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(r.dir).filter((f) => f.startsWith('data_dictionary'))).toEqual([DICTIONARY_CSV, DICTIONARY_MARKDOWN]);
    expect(r.stdout).toMatch(/^ {2}Saved: data_dictionary\.md \(\d+\.\d\d MB\)$/m);
    expect(r.stdout).toMatch(/^ {2}Saved: data_dictionary\.csv \(\d+\.\d\d MB\)$/m);
    const md = readFileSync(join(r.dir, DICTIONARY_MARKDOWN), 'utf8');
    expect(md).toContain('File stem `bronze_slot_telemetry`, 140,000 rows.');
    expect(md.match(/^## /gm)).toHaveLength(6);
    const manifest = JSON.parse(readFileSync(join(r.dir, 'manifest.json'), 'utf8')) as { files: { file: string }[] };
    expect(manifest.files).toHaveLength(6);
  });

  it('--workers 1 and --workers 2 write the same dictionary bytes, also as CSV with daily partitions', async () => {
    const [one, two, daily] = [await run(['--workers', '1']), await run(['--workers', '2']), await run(['--workers', '2', '-f', 'csv', '--partition-by', 'day'])];
    expect([one.code, two.code, daily.code], one.stderr + two.stderr + daily.stderr).toEqual([0, 0, 0]);
    for (const name of [DICTIONARY_MARKDOWN, DICTIONARY_CSV]) {
      expect(readFileSync(join(two.dir, name)).equals(readFileSync(join(one.dir, name))), name).toBe(true);
      expect(readFileSync(join(daily.dir, name)).equals(readFileSync(join(one.dir, name))), `${name} (csv, daily)`).toBe(true);
    }
  });

  it('--zip puts both files in the zip, before manifest.json, with the same bytes', async () => {
    const [loose, zipped] = [await run(['--workers', '1']), await run(['--workers', '2', '--zip'])];
    expect(zipped.code, zipped.stderr).toBe(0);
    const [zipName] = readdirSync(zipped.dir);
    const entries = unzipSync(readFileSync(join(zipped.dir, zipName)));
    expect(Object.keys(entries).slice(-3)).toEqual([DICTIONARY_MARKDOWN, DICTIONARY_CSV, 'manifest.json']);
    for (const name of [DICTIONARY_MARKDOWN, DICTIONARY_CSV]) {
      expect(Buffer.from(entries[name]).equals(readFileSync(join(loose.dir, name))), name).toBe(true);
    }
  });

  it('is refused with --shard (exit 2, nothing written): a shard cannot describe the whole run', async () => {
    const r = await runCli([...SCENARIO, '--shard', '0/2', '-o', join(ROOT, 'shard')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --dictionary describes a whole run and cannot be combined with --shard\n');
    expect(existsSync(join(ROOT, 'shard'))).toBe(false);
  });
});
