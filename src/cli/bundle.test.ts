/**
 * The CLI's manifest and zip bundle end to end (SPEC 13.4, 14), against the built CLI (dist-cli/main.mjs, built by
 * `npm test` before vitest runs; `node scripts/build-cli.mjs` when running this file alone).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist-cli/main.mjs');
const ZIP_NAME = 'casino_data_42_20261001_20261007.zip';
const BASE_ARGS = ['--preset', 'small', '--start', '2026-10-01'];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);

interface Manifest {
  scenario: Record<string, unknown>;
  files: { table: string; file: string; format: string; compression: string; rows: number; bytes: number; sha256: string }[];
  [key: string]: unknown;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { CDS_PII_SECRET: _secret, ...inherited } = process.env;
  const { stdout } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...inherited, ...env }, maxBuffer: 1 << 24 });
  return stdout;
}

/** Entries of a zip with their compression methods, in archive order. */
function readZip(zip: Uint8Array): { files: Record<string, Uint8Array>; methods: Record<string, number> } {
  const methods: Record<string, number> = {};
  const files = unzipSync(zip, {
    filter: (f) => {
      methods[f.name] = f.compression;
      return true;
    },
  });
  return { files, methods };
}

describe('CLI manifest.json and --zip bundle (SPEC 13.4, 14)', () => {
  let work: string;
  let looseDir: string;
  let zipDir: string;
  let looseOut: string;
  let zipOut: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist-cli/main.mjs is missing: run `node scripts/build-cli.mjs` first');
    work = await mkdtemp(join(tmpdir(), 'cds-bundle-'));
    looseDir = join(work, 'loose');
    zipDir = join(work, 'zip');
    [looseOut, zipOut] = await Promise.all([cli([...BASE_ARGS, '-o', looseDir]), cli([...BASE_ARGS, '-o', zipDir, '--zip'])]);
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('writes manifest.json beside the files, with each file\'s real size and SHA-256', async () => {
    const names = (await readdir(looseDir)).sort();
    const manifest = JSON.parse(await readFile(join(looseDir, 'manifest.json'), 'utf8')) as Manifest;
    const tableFiles = manifest.files.map((f) => f.file);
    expect(names).toEqual([...tableFiles, 'manifest.json'].sort());
    expect(tableFiles).toEqual([
      'bronze_slot_telemetry.parquet',
      'bronze_table_games.parquet',
      'bronze_player_profile.parquet',
      'bronze_financial_txn.parquet',
      'bronze_security_events.parquet',
      'bronze_compliance.parquet',
    ]);
    for (const entry of manifest.files) {
      const bytes = await readFile(join(looseDir, entry.file));
      expect(entry.bytes).toBe(bytes.length);
      expect(entry.sha256).toBe(sha256(bytes));
      expect([entry.format, entry.compression]).toEqual(['parquet', 'snappy']);
    }
    expect(manifest.scenario.bundle).toBe('files');
    expect(manifest.scenario.start).toBe('2026-10-01T00:00:00.000000Z');
    expect(manifest.files.map((f) => f.rows)).toEqual([10_000, 5_000, 1_000, 2_000, 500, 200]);
  });

  it('writes one zip named casino_data_<seed>_<D_start>_<D_end>.zip and no loose files with --zip', async () => {
    expect(await readdir(zipDir)).toEqual([ZIP_NAME]);
  });

  it('puts exactly the table files and manifest.json at the zip root, byte-identical to the loose files', async () => {
    const zip = await readFile(join(zipDir, ZIP_NAME));
    const { files, methods } = readZip(zip);
    const looseManifest = JSON.parse(await readFile(join(looseDir, 'manifest.json'), 'utf8')) as Manifest;
    const expected = [...looseManifest.files.map((f) => f.file), 'manifest.json'];
    expect(Object.keys(files)).toEqual(expected);
    for (const entry of looseManifest.files) {
      expect(sha256(files[entry.file])).toBe(sha256(await readFile(join(looseDir, entry.file))));
      expect(methods[entry.file]).toBe(0); // Parquet is stored
    }
    expect(methods['manifest.json']).toBe(8);
    const inner = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
    expect(inner.scenario.bundle).toBe('zip');
    expect({ ...inner, scenario: { ...inner.scenario, bundle: 'files' } }).toEqual(looseManifest);
  });

  it('dates the zip entries as_of (2026-10-08 00:00:00)', async () => {
    const zip = await readFile(join(zipDir, ZIP_NAME));
    expect([u16(zip, 10), u16(zip, 12)]).toEqual([0, ((2026 - 1980) << 9) | (10 << 5) | 8]);
  });

  it('prints a Saved line per table with the file size, and file sizes in the summary', async () => {
    const manifest = JSON.parse(await readFile(join(looseDir, 'manifest.json'), 'utf8')) as Manifest;
    for (const entry of manifest.files) {
      const mb = (entry.bytes / 1_000_000).toFixed(2);
      expect(zipOut).toContain(`  Saved: ${entry.file} (${mb} MB)\n`);
      expect(looseOut).toContain(`  Saved: ${entry.file} (${mb} MB)\n`);
    }
    const total = manifest.files.reduce((a, f) => a + f.bytes, 0);
    const totalLine = `TOTAL${'18,700'.padStart(32)} records${(total / 1_000_000).toFixed(2).padStart(8)} MB`;
    expect(zipOut).toContain(totalLine);
    expect(looseOut).toContain(totalLine);
    const zipBytes = (await readFile(join(zipDir, ZIP_NAME))).length;
    expect(zipOut).toContain(`Zip bundle: ${ZIP_NAME} (${(zipBytes / 1_000_000).toFixed(2)} MB)\n`);
    expect(looseOut).not.toContain('Zip bundle:');
  });

  it('gives the same zip bytes with another worker count and a non-UTC time zone', async () => {
    const again = join(work, 'again');
    await cli([...BASE_ARGS, '-o', again, '--zip', '--workers', '1'], { TZ: 'America/New_York' });
    const a = await readFile(join(zipDir, ZIP_NAME));
    const b = await readFile(join(again, ZIP_NAME));
    expect(sha256(b)).toBe(sha256(a));
  });

  it('deflates CSV entries, and the manifest hashes match the unzipped files', async () => {
    const dir = join(work, 'csv');
    await cli(['--players', '50', '--security', '20', '--start', '2026-10-01', '--days', '7', '-f', 'csv', '--zip', '-o', dir]);
    expect(await readdir(dir)).toEqual([ZIP_NAME]);
    const { files, methods } = readZip(await readFile(join(dir, ZIP_NAME)));
    expect(Object.keys(files)).toEqual(['bronze_player_profile.csv', 'bronze_security_events.csv', 'manifest.json']);
    expect(Object.values(methods)).toEqual([8, 8, 8]);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
    for (const entry of manifest.files) {
      expect(entry.sha256).toBe(sha256(files[entry.file]));
      expect(entry.bytes).toBe(files[entry.file].length);
      expect([entry.format, entry.compression]).toEqual(['csv', 'none']);
    }
  });
});
