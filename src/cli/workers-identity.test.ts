/**
 * Issue 5 / SPEC 3.2: output bytes never depend on the worker count or the batch size — for all six tables,
 * with multi-chunk slot, table and financial files: the CLI with 1, 2 and 4 workers (and CSV and JSON Lines with
 * 1 and 2), and the programmatic API encoding batches of 1,000 rows, give the same sha256 for every file.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTable, fileName } from '../export/encode';
import { createRun } from '../export/run';
import { resolveScenario } from '../generators/scenario/validate';
import { SCHEMAS } from '../generators/schema';

const run = promisify(execFile);
const ROOT = mkdtempSync(join(tmpdir(), 'cds-workers-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
const COUNTS = { slots: 200_000, tables: 140_000, players: 3_000, financial: 70_000, security: 2_000, compliance: 600 };
const WINDOW = { start: '2026-09-01', end: '2026-10-01', seed: 13 };
const ARGS = [...Object.entries(COUNTS).flatMap(([k, n]) => [`--${k}`, String(n)]), '--start', WINDOW.start, '--end', WINDOW.end, '--seed', String(WINDOW.seed)];
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const hashes: Record<number, Record<string, string>> = {};
beforeAll(async () => {
  for (const workers of [1, 2, 4]) {
    const dir = join(ROOT, `w${workers}`);
    await run(process.execPath, ['dist-cli/main.mjs', ...ARGS, '--workers', String(workers), '-o', dir]);
    hashes[workers] = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.parquet')).map((f) => [f, sha(readFileSync(join(dir, f)))]));
  }
}, 300_000);

describe('bytes never depend on parallelism', () => {
  it('--workers 1, 2 and 4 write the same six files byte for byte', () => {
    expect(Object.keys(hashes[1])).toHaveLength(6);
    expect(hashes[2]).toEqual(hashes[1]);
    expect(hashes[4]).toEqual(hashes[1]);
  });

  it.each(['csv', 'json'] as const)('%s: --workers 1 (this thread encodes) and 2 (the workers encode, the writer concatenates) write the same files', async (format) => {
    const files: Record<number, Record<string, string>> = {};
    for (const workers of [1, 2]) {
      const dir = join(ROOT, `${format}${workers}`);
      await run(process.execPath, ['dist-cli/main.mjs', ...ARGS, '--format', format, '--workers', String(workers), '-o', dir]);
      files[workers] = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(`.${format}`) && f !== 'manifest.json').map((f) => [f, sha(readFileSync(join(dir, f)))]));
    }
    expect(Object.keys(files[1])).toHaveLength(6);
    expect(files[2]).toEqual(files[1]);
  }, 120_000);

  it('the API encoding batches of 1,000 rows gives the CLI’s bytes for every table', async () => {
    const result = resolveScenario({ ...WINDOW, counts: COUNTS, today: 0 });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const api = createRun(result.scenario);
    for (const plan of api.plans) {
      const schema = SCHEMAS[plan.key];
      const parts: Uint8Array[] = [];
      for await (const piece of encodeTable(schema, api.table(plan.key).chunks({ batchSize: 1_000 }), 'parquet', 'snappy')) parts.push(piece);
      expect(sha(Buffer.concat(parts)), plan.key).toBe(hashes[1][fileName(schema, 'parquet')]);
    }
  });
});
