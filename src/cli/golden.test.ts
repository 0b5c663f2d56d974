/**
 * Golden files (SPEC 1: output is a function of the scenario and the engine version only). One fixed
 * scenario with every instant explicit, run through the built CLI; each file's sha256 is pinned.
 *
 * These hashes change only on purpose, together with ENGINE_VERSION (src/generators/version.ts):
 * when a change to the engine or an encoder alters output bytes, raise ENGINE_VERSION, then update
 * the version and the hashes below in the same change. A hash that changes by accident is a bug.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../generators/version';

const MAIN = fileURLToPath(new URL('../../dist-cli/main.mjs', import.meta.url));
const ROOT = mkdtempSync(join(realpathSync(tmpdir()), 'cds-golden-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

/** The engine version the hashes below were computed with. */
const GOLDEN_ENGINE_VERSION = 3;

const WINDOW = ['--start', '2026-10-01', '--end', '2026-10-08', '--as-of', '2026-10-08', '--seed', '42'];

/**
 * `--preset small`, all six tables, Parquet snappy. Engine version 3: Parquet settings per column from the schema
 * (no dictionary for mostly distinct columns, column-chunk statistics on numbers, dates and timestamps only; see
 * src/export/parquet-columns.ts). The rows are those of version 2 (CSV and JSON Lines unchanged).
 */
const PARQUET_SNAPPY: Record<string, string> = {
  'bronze_slot_telemetry.parquet': '5746ad4f18540231b80bf3851c0287a6a3280449e9694335faf5321bb1d06dc6',
  'bronze_table_games.parquet': 'fa9551bb45682e52602376f4167e4b53907faa6cf3d53d3b7c727be5e6b59cab',
  'bronze_player_profile.parquet': '47bde3287222bea4950f7bb69eb5acd1991e198aa820adabda9f81a74e4d92cd',
  'bronze_financial_txn.parquet': '5c4734d4e5983467b33967eb3ccf8d63656f590dfc04212ddde3056e65535030',
  'bronze_security_events.parquet': '08270cff57c116385808dc8027e0f13d433e61fc853531048b23351a797a8b13',
  'bronze_compliance.parquet': '6784de9b49ef61084f4512d1ac40b7c1aa02f51cbf270c6476a7b0cd0ddc32ed',
};

/** `--players 1000 --security 500` (the small preset's two smallest tables), same window and seed. */
const SMALL_TABLES = ['--players', '1000', '--security', '500'];
const PARQUET_ZSTD: Record<string, string> = {
  'bronze_player_profile.parquet': 'eb4fc014b6d3eff5d3dfe8ed20c7a8a689650c555f3b263c196f8482bb3448ab',
  'bronze_security_events.parquet': '9caea555d93bedd04c8f785d403af1d4c4839610ab71a15ea285b6398fa296f2',
};
const CSV: Record<string, string> = {
  'bronze_player_profile.csv': '4466ca89e4ed15d9f4b53049cafbd540a60f8d1bdf693a579489584c244fbcc8',
  'bronze_security_events.csv': '2b9cca21120c726f29b318f77e0ee82e443964f5a8fd662c90a790d387eecb59',
};
const JSONL: Record<string, string> = {
  'bronze_player_profile.json': 'c7736422e06ba371ccbe123b1a3acdb9a88e673de4afb26011556d7396032d48',
  'bronze_security_events.json': 'a3c16321123daa524a9bd9114184fd819b4559091e9474ff967c5b07d49f7c2b',
};

/** Issue 6 Delta tables: each part file is the Parquet snappy file; the commits are pinned too. */
const DELTA: Record<string, string> = {
  'bronze_player_profile/_delta_log/00000000000000000000.json': '0b1193cf01aa2ede136c212a0cd91afcdccace6179e6664e0ccc1d0c80465e6d',
  'bronze_player_profile/part-00000.parquet': '47bde3287222bea4950f7bb69eb5acd1991e198aa820adabda9f81a74e4d92cd',
  'bronze_security_events/_delta_log/00000000000000000000.json': 'cb0850ccdec5123f72a5cd396639626c460fbba7d37d819e1916444cd03a8f95',
  'bronze_security_events/part-00000.parquet': '08270cff57c116385808dc8027e0f13d433e61fc853531048b23351a797a8b13',
};

/** Runs the CLI into a fresh directory and returns the sha256 of each table file it wrote (not manifest.json). */
function generate(label: string, args: readonly string[], ext: string): Record<string, string> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run node scripts/build-cli.mjs (npm test does)`);
  const dir = join(ROOT, label);
  const env = { ...process.env };
  delete env.CDS_PII_SECRET;
  const run = spawnSync(process.execPath, [MAIN, ...args, ...WINDOW, '-o', dir], { env, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.startsWith('bronze_') && f.endsWith(ext) && statSync(join(dir, f)).isFile())
    .sort();
  return Object.fromEntries(files.map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

describe('golden files (SPEC 1, 13)', () => {
  it('ENGINE_VERSION is the version the golden hashes were computed with', () => {
    expect(ENGINE_VERSION).toBe(GOLDEN_ENGINE_VERSION);
  });

  it('SPEC 13.2 Parquet snappy files of --preset small have their pinned sha256', () => {
    expect(generate('small-snappy', ['--preset', 'small'], '.parquet')).toEqual(PARQUET_SNAPPY);
  });

  it('SPEC 13.2 Parquet zstd files have their pinned sha256', () => {
    expect(generate('zstd', [...SMALL_TABLES, '--compression', 'zstd'], '.parquet')).toEqual(PARQUET_ZSTD);
  });

  it('SPEC 13.3 CSV files have their pinned sha256', () => {
    expect(generate('csv', [...SMALL_TABLES, '--format', 'csv'], '.csv')).toEqual(CSV);
  });

  it('SPEC 13.3 JSON Lines files have their pinned sha256', () => {
    expect(generate('json', [...SMALL_TABLES, '--format', 'json'], '.json')).toEqual(JSONL);
  });

  it('issue 6 Delta part files and commits have their pinned sha256', () => {
    expect(generate('delta', [...SMALL_TABLES, '--format', 'delta'], '')).toEqual(DELTA);
  });
});
