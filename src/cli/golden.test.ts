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
const GOLDEN_ENGINE_VERSION = 2;

const WINDOW = ['--start', '2026-10-01', '--end', '2026-10-08', '--as-of', '2026-10-08', '--seed', '42'];

/**
 * `--preset small`, all six tables, Parquet snappy. Engine version 2: the plan (W-2G jackpots in the slot
 * table, the Unusual Transaction Pattern days without a rating) and the financial and compliance tables.
 */
const PARQUET_SNAPPY: Record<string, string> = {
  'bronze_slot_telemetry.parquet': 'bd7e0b4d48b2b6e2a52a3b15cfc8d77012facdf147dd73e3f7629cf2770ace13',
  'bronze_table_games.parquet': '9d21d3c25ab65168a8871dbe71fde3e29e074ede5702df49a21a1c14f872a650',
  'bronze_player_profile.parquet': '3f63c52f44bf8047f6d2f441c778ff8c3298f8d86c9b5daa5a437e7131a83db8',
  'bronze_financial_txn.parquet': '5d73913dbb42c2eba95dd31bebf282b0ff33fe5faa6e1951b3d04c4a7be5bcb7',
  'bronze_security_events.parquet': '610c2d95264317f4c1a06da134b8a169cb3c3e70e88c33957a1ba8234ad55356',
  'bronze_compliance.parquet': '8c393803b1b3a59b615bf7049696860b623f711e49a5bfcfd2af6b77fdfbc777',
};

/** `--players 1000 --security 500` (the small preset's two smallest tables), same window and seed. */
const SMALL_TABLES = ['--players', '1000', '--security', '500'];
const PARQUET_ZSTD: Record<string, string> = {
  'bronze_player_profile.parquet': 'e2920509d59d174ef4408e1efb968cce94704c9a0680f795d14485eb9cb426ad',
  'bronze_security_events.parquet': '0de43eec4be4b5109bf7bb9f0cd839a630d8abc86a77048058bc43aff128524b',
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
  'bronze_player_profile/_delta_log/00000000000000000000.json': 'fb4fc980deccd5a2b5f5aa55a59d3d42e2219481d93a365245e1510972e2379e',
  'bronze_player_profile/part-00000.parquet': '3f63c52f44bf8047f6d2f441c778ff8c3298f8d86c9b5daa5a437e7131a83db8',
  'bronze_security_events/_delta_log/00000000000000000000.json': '4ae5652c1722863d58feeee1864020698a2ce63f07f27a70163306228e57208f',
  'bronze_security_events/part-00000.parquet': '610c2d95264317f4c1a06da134b8a169cb3c3e70e88c33957a1ba8234ad55356',
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
