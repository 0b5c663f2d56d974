/**
 * SPEC 3.2 "output never depends on worker count or batch size": the worker pool against the
 * engine in this thread, and the programmatic API's batch sizes against the CLI's files.
 * The pool runs the built worker (dist-cli/generator-worker.mjs; `npm test` builds it).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ColumnBatch, ColumnData } from '../generators/columns';
import { createWorld, generateGroup, planTables } from '../generators/engine';
import { resolveScenario } from '../generators/scenario/validate';
import type { Scenario } from '../generators/scenario/types';
import { SCHEMAS } from '../generators/schema';
import { CHUNK_ROWS } from '../generators/tables';
import { encodeTable } from '../export/encode';
import { encodeSegment, rowGroupUnits, type EncodedSegment } from '../export/segments';
import { tallyUnit } from '../export/unit-tally';
import { createRun } from './api';
import { WorkerPool } from './pool';

const WORKER = new URL('../../dist-cli/generator-worker.mjs', import.meta.url);
const MAIN = fileURLToPath(new URL('../../dist-cli/main.mjs', import.meta.url));
const ROOT = mkdtempSync(join(realpathSync(tmpdir()), 'cds-parallel-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

/** 200,000 slots: chunk groups [0], [1] and [2, 3] (the short last chunk joins the one before it). */
const SLOTS = 200_000;
const CLI_ARGS = ['--slots', String(SLOTS), '--start', '2026-09-01', '--end', '2026-10-01', '--seed', '7'];

function scenarioOf(format: Scenario['format']): Scenario {
  const result = resolveScenario({ counts: { slots: SLOTS }, start: '2026-09-01', end: '2026-10-01', seed: 7, format, today: 0 });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.scenario;
}

/** The byte views of a column: validity first, then values (or offsets and UTF-8 bytes). */
function columnParts(c: ColumnData): [string, Uint8Array | null][] {
  const view = (a: ArrayBufferView | null) => (a ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength) : null);
  const data: [string, Uint8Array | null][] =
    c.type === 'string' ? [['offsets', view(c.offsets)], ['bytes', view(c.bytes)]] : [['values', view(c.values)]];
  return [[`type ${c.type}`, null], ['valid', view(c.valid)], ...data];
}

function expectSameBatches(actual: readonly ColumnBatch[], expected: readonly ColumnBatch[], where: string): void {
  expect(actual.map((b) => b.length), where).toEqual(expected.map((b) => b.length));
  expected.forEach((batch, b) => {
    expect(actual[b].columns.length).toBe(batch.columns.length);
    batch.columns.forEach((column, c) => {
      const name = `${where} batch ${b} column ${SCHEMAS.slots.columns[c].name}`;
      const want = columnParts(column);
      const got = columnParts(actual[b].columns[c]);
      expect(got.map(([k]) => k), name).toEqual(want.map(([k]) => k));
      want.forEach(([part, bytes], i) => {
        const other = got[i][1];
        if (bytes === null || other === null) expect(other === null, `${name} ${part} nullness`).toBe(bytes === null);
        else expect(Buffer.compare(Buffer.from(other), Buffer.from(bytes)), `${name} ${part}`).toBe(0);
      });
    });
  });
}

async function concatStream(pieces: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const p of pieces) parts.push(p);
  return Buffer.concat(parts);
}

/** Runs the CLI for the same scenario (in the background) and resolves to the slots file. */
function cliFile(format: Scenario['format']): Promise<Buffer> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run node scripts/build-cli.mjs (npm test does)`);
  const dir = join(ROOT, `cli-${format}`);
  const env = { ...process.env };
  delete env.CDS_PII_SECRET;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...CLI_ARGS, '--format', format, '-o', dir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(readFileSync(join(dir, `${SCHEMAS.slots.stem}.${format}`)));
      else reject(new Error(`CLI exited with ${code}: ${stderr}`));
    });
  });
}

/** Rows per yielded batch of the API, and the file bytes encoded from those batches. */
async function encodeFromApi(scenario: Scenario, batchSize: number): Promise<{ sizes: number[]; bytes: Buffer }> {
  const sizes: number[] = [];
  async function* counted() {
    for await (const batch of createRun(scenario).table('slots').chunks({ batchSize })) {
      sizes.push(batch.length);
      yield batch;
    }
  }
  const bytes = await concatStream(encodeTable(SCHEMAS.slots, counted(), scenario.format, scenario.compression));
  return { sizes, bytes };
}

/** Every batch holds `size` rows except a shorter last one, and they add up to the table. */
function expectBatchSizes(sizes: readonly number[], size: number): void {
  expect(sizes.reduce((a, s) => a + s, 0)).toBe(SLOTS);
  expect(sizes.slice(0, -1).every((s) => s === size), `batch sizes ${sizes.slice(0, 5)}…`).toBe(true);
  expect(sizes.at(-1)).toBeLessThanOrEqual(size);
}

describe('SPEC 3.2 worker pool', () => {
  it('SPEC 3.2 two workers share the chunk groups and give the in-process engine’s batches byte for byte', async () => {
    if (!existsSync(fileURLToPath(WORKER))) throw new Error(`${WORKER} is missing: run node scripts/build-cli.mjs`);
    const scenario = scenarioOf('parquet');
    const [plan] = planTables(scenario);
    expect(plan.key).toBe('slots');
    expect(plan.groups).toEqual([[0, 1], [1, 1], [2, 2]]);

    const pool = new WorkerPool(2, WORKER);
    let pooled: ColumnBatch[][];
    try {
      await pool.init(scenario);
      pooled = await Promise.all(plan.groups.map(([first, count]) => pool.produce(plan, first, count)));
      expect(pool.chunksByWorker.size, `chunks by worker: ${[...pool.chunksByWorker]}`).toBeGreaterThanOrEqual(2);
      expect([...pool.chunksByWorker.values()].reduce((a, n) => a + n, 0)).toBe(Math.ceil(SLOTS / CHUNK_ROWS));
    } finally {
      await pool.close();
    }

    const world = createWorld(scenario);
    plan.groups.forEach(([first, count], g) => {
      expectSameBatches(pooled[g], generateGroup(world, 'slots', first, count), `group [${first}, ${count}]`);
    });
  });

  it('SPEC 3.2 two workers encode row groups in parallel: the segments, with their tallies per chunk group, are the in-process encoding and tallies', async () => {
    const scenario = scenarioOf('parquet');
    const [plan] = planTables(scenario);
    const units = rowGroupUnits(plan);
    expect(units.map((u) => u.groups)).toEqual([[[0, 1], [1, 1]], [[2, 2]]]);
    const TALLIES = { checks: true, examples: true, previewRows: 1_000 };
    const placeOf = (i: number) => ({ firstRow: units[i].groups[0][0] * CHUNK_ROWS, tableRows: plan.rows, startsFile: i === 0 });
    const pool = new WorkerPool(2, WORKER);
    let segments: EncodedSegment[];
    try {
      await pool.init(scenario);
      segments = await Promise.all(units.map((unit, i) => pool.segments(unit, { format: 'parquet', compression: 'snappy' }, TALLIES, placeOf(i))));
      expect(pool.chunksByWorker.size, `chunks by worker: ${[...pool.chunksByWorker]}`).toBe(2);
    } finally {
      await pool.close();
    }
    const world = createWorld(scenario);
    for (const [i, unit] of units.entries()) {
      const batches = unit.groups.flatMap(([first, count]) => generateGroup(world, 'slots', first, count));
      expect(Buffer.from(segments[i].bytes).equals(Buffer.from(await encodeSegment(SCHEMAS.slots, batches, { format: 'parquet', compression: 'snappy' }, i === 0))), `unit ${i}`).toBe(true);
      // One tally per chunk group, each over its own rows and place in the file.
      const perGroup = unit.groups.map(([first, count], g) => tallyUnit(scenario, TALLIES, 'slots', { ...placeOf(i), firstRow: first * CHUNK_ROWS, startsFile: i === 0 && g === 0 }, generateGroup(world, 'slots', first, count)));
      expect(segments[i].tallies, `unit ${i} tallies`).toEqual(perGroup);
      expect(segments[i].tallies.reduce((n, t) => n + (t.sample?.length ?? 0), 0), `unit ${i} preview rows`).toBeGreaterThan(0);
    }
  });
});

describe('SPEC 3.2 programmatic API batch sizes', () => {
  it.each(['parquet', 'csv'] as const)(
    'SPEC 3.2 %s: chunks({ batchSize: 1000 }) and ({ batchSize: 100_000 }) encode to the CLI’s file',
    async (format) => {
      const scenario = scenarioOf(format);
      const cli = cliFile(format);
      cli.catch(() => undefined); // awaited below
      const small = await encodeFromApi(scenario, 1_000);
      expectBatchSizes(small.sizes, 1_000);
      const large = await encodeFromApi(scenario, 100_000);
      expectBatchSizes(large.sizes, 100_000);
      expect(small.bytes.equals(large.bytes), 'batch size 1,000 vs 100,000').toBe(true);
      const file = await cli;
      expect(file.length).toBeGreaterThan(0);
      expect(small.bytes.equals(file), 'API vs CLI file').toBe(true);
    },
  );
});
