/**
 * `--shard K/N` (issue 5): each shard writes only its chunks as part files; the N shards together are the
 * single run, row for row (every column, _batch_id included), and concatenated in part order they keep its
 * row order. Bad values are refused with exit 2.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../generators/schema';
import { TABLE_KEYS } from '../generators/tables';

const run = promisify(execFile);
const MAIN = 'dist-cli/main.mjs';
const ROOT = mkdtempSync(join(tmpdir(), 'cds-shard-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
/** 300,000 slots are 5 chunk groups: shards get 1, 2 and 2 of them; the small tables land in the last shard. */
const ARGS = ['--slots', '300000', '--tables', '70000', '--players', '1000', '--financial', '2000', '--security', '500', '--compliance', '100',
  '--start', '2026-10-01', '--days', '7', '--seed', '5', '--workers', '2'];
const SHARDS = 3;

beforeAll(async () => {
  await run(process.execPath, [MAIN, ...ARGS, '-o', join(ROOT, 'single')]);
  for (let k = 0; k < SHARDS; k++) await run(process.execPath, [MAIN, ...ARGS, '--shard', `${k}/${SHARDS}`, '-o', join(ROOT, 'parts')]);
}, 240_000);

describe('--shard K/N', () => {
  it('writes one part file per table and one part manifest per shard, each listing its own rows', () => {
    const files = readdirSync(join(ROOT, 'parts')).sort();
    const expected = [
      ...TABLE_KEYS.flatMap((key) => Array.from({ length: SHARDS }, (_, k) => `${SCHEMAS[key].stem}-part-0000${k}.parquet`)),
      ...Array.from({ length: SHARDS }, (_, k) => `manifest-part-0000${k}.json`),
    ].sort();
    expect(files).toEqual(expected);
    const slotRows = Array.from({ length: SHARDS }, (_, k) => {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'parts', `manifest-part-0000${k}.json`), 'utf8')) as { files: { file: string; rows: number }[] };
      return manifest.files.find((f) => f.file.startsWith('bronze_slot_telemetry'))!.rows;
    });
    expect(slotRows).toEqual([65_536, 131_072, 103_392]);
  });

  it('the union of the shards is the single run, row for row and in order, for every table', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      for (const key of TABLE_KEYS) {
        const stem = SCHEMAS[key].stem;
        const single = `SELECT * EXCLUDE (file_row_number), file_row_number AS n FROM read_parquet('${join(ROOT, 'single', `${stem}.parquet`)}', file_row_number = true)`;
        // Parts in shard order, numbered across them: the single run's row numbers.
        const parts = `SELECT * EXCLUDE (filename, file_row_number),
            row_number() OVER (ORDER BY filename, file_row_number) - 1 AS n
          FROM read_parquet('${join(ROOT, 'parts', `${stem}-part-*.parquet`)}', filename = true, file_row_number = true)`;
        const count = (sql: string) => db.runAndReadAll(`SELECT count(*) AS c FROM (${sql})`).then((r) => Number(r.getRowObjectsJson()[0].c));
        expect(await count(parts), key).toBe(await count(single));
        expect(await count(`${single} EXCEPT ALL ${parts}`), key).toBe(0);
        expect(await count(`${parts} EXCEPT ALL ${single}`), key).toBe(0);
      }
    } finally {
      db.closeSync();
    }
  });

  it('refuses malformed shards and --zip with exit 2', async () => {
    for (const [shard, extra, message] of [
      ['3/3', [], '--shard must be K/N with whole numbers 0 <= K < N <= 100,000 (got 3/3)'],
      ['1/0', [], '--shard must be K/N with whole numbers 0 <= K < N <= 100,000 (got 1/0)'],
      ['a/b', [], '--shard must be K/N with whole numbers 0 <= K < N <= 100,000 (got a/b)'],
      ['0/2', ['--zip'], '--shard writes part files and cannot be combined with --zip'],
    ] as const) {
      const dir = join(ROOT, `bad-${shard.replace('/', '-')}`);
      const error = await run(process.execPath, [MAIN, '--slots', '10', '--shard', shard, ...extra, '-o', dir]).then(() => null, (e: { code: number; stderr: string }) => e);
      expect(error?.code, shard).toBe(2);
      expect(error?.stderr).toBe(`error: ${message}\n`);
    }
  });
});
