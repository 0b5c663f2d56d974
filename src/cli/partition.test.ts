/**
 * `--partition-by day` (issue 5): Hive-style daily folders on the UTC date of each table's timestamp; read
 * together (DuckDB, hive_partitioning) they are the flat run row for row, each row in its date's folder; the
 * manifest lists every file with its rows. Players stay one file.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partitionColumn } from '../export/partition';
import { SCHEMAS } from '../generators/schema';
import { TABLE_KEYS } from '../generators/tables';

const run = promisify(execFile);
const MAIN = 'dist-cli/main.mjs';
const ROOT = mkdtempSync(join(tmpdir(), 'cds-partition-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
/** 200,000 slots over 5 days: chunks cross day boundaries; a mid-day start makes a short first day. */
const ARGS = ['--slots', '200000', '--tables', '5000', '--players', '1000', '--financial', '2000', '--security', '500', '--compliance', '100',
  '--start', '2026-10-01T15:30:00Z', '--days', '5', '--seed', '8'];

beforeAll(async () => {
  await run(process.execPath, [MAIN, ...ARGS, '-o', join(ROOT, 'flat')]);
  await run(process.execPath, [MAIN, ...ARGS, '--partition-by', 'day', '-o', join(ROOT, 'daily')]);
}, 240_000);

describe('--partition-by day', () => {
  it('partition columns are named after the timestamp (event_date, transaction_date, filing_timestamp_date); players have none', () => {
    expect(TABLE_KEYS.map((k) => partitionColumn(SCHEMAS[k]))).toEqual(['event_date', 'event_date', null, 'transaction_date', 'event_date', 'filing_timestamp_date']);
    expect(existsSync(join(ROOT, 'daily', 'bronze_player_profile.parquet'))).toBe(true);
  });

  it('every table read from its folders is the flat file row for row, each row under its UTC date', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const count = (sql: string) => db.runAndReadAll(`SELECT count(*) AS c FROM (${sql})`).then((r) => Number(r.getRowObjectsJson()[0].c));
    try {
      await db.run(`SET TimeZone = 'UTC'`);
      for (const key of TABLE_KEYS) {
        const column = partitionColumn(SCHEMAS[key]);
        if (!column) continue;
        const stem = SCHEMAS[key].stem;
        const time = SCHEMAS[key].timestampColumn!;
        const flat = `SELECT * FROM read_parquet('${join(ROOT, 'flat', `${stem}.parquet`)}')`;
        const daily = `SELECT * FROM read_parquet('${join(ROOT, 'daily', stem, '*', '*.parquet')}', hive_partitioning = true)`;
        expect(await count(daily), key).toBe(await count(flat));
        expect(await count(`${flat} EXCEPT ALL SELECT * EXCLUDE (${column}) FROM (${daily})`), key).toBe(0);
        expect(await count(`SELECT * FROM (${daily}) WHERE CAST(${column} AS DATE) <> CAST(${time} AS DATE)`), key).toBe(0);
        expect(await count(`SELECT DISTINCT ${column} FROM (${daily})`), key).toBe(6); // 2026-10-01 (from 15:30) … 2026-10-06 (to 15:30)
      }
    } finally {
      db.closeSync();
    }
  });

  it('the manifest lists every partition file with its rows, in date order per table', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'daily', 'manifest.json'), 'utf8')) as { files: { table: string; file: string; rows: number }[] };
    const slots = manifest.files.filter((f) => f.table === 'slots');
    expect(slots.map((f) => f.file)).toEqual(['01', '02', '03', '04', '05', '06'].map((d) => `bronze_slot_telemetry/event_date=2026-10-${d}/part-00000.parquet`));
    expect(slots.reduce((a, f) => a + f.rows, 0)).toBe(200_000);
    for (const f of manifest.files) expect(existsSync(join(ROOT, 'daily', f.file)), f.file).toBe(true);
  });

  it('refuses an unknown partitioning with exit 2', async () => {
    const error = await run(process.execPath, [MAIN, '--slots', '10', '--partition-by', 'hour', '-o', join(ROOT, 'bad')]).then(() => null, (e: { code: number; stderr: string }) => e);
    expect(error?.code).toBe(2);
    expect(error?.stderr).toBe('error: unknown partitioning "hour": use none or day\n');
  });
});
