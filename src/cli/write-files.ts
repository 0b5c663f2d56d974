/**
 * Writes the selected tables of a run, then manifest.json (SPEC 13.4, 14): as loose files in `dir` (each streamed
 * to `<name>.partial`, then renamed) or, with `bundle` = zip, as one zip in `dir`. On failure or cancellation every
 * file of the run is removed, so nothing unfinished (and no half dataset) is left under a final name.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TablePlan } from '../generators/engine';
import { SCHEMAS } from '../generators/schema';
import type { Scenario } from '../generators/scenario/types';
import { ENGINE_VERSION } from '../generators/version';
import { ChunkScheduler, type GroupProducer } from '../export/chunk-stream';
import { encodeTable, fileName } from '../export/encode';
import { buildManifest, MANIFEST_FILE, NO_FILINGS, type ManifestFilings } from '../export/manifest';
import { FilingCounter } from '../export/filing-counts';
import { zipFileName, zipMethodFor } from '../export/zip';
import { directoryTarget, zipTarget, type BundleStats, type OutputTarget } from './output-target';

export type { BundleStats } from './output-target';

export interface WrittenFile {
  readonly key: TablePlan['key'];
  readonly file: string;
  readonly rows: number;
  /** The file's own size, also when it sits in a zip. */
  readonly bytes: number;
  readonly sha256: string;
}

export interface WriteHooks {
  /** Before a table starts. */
  onTableStart?(plan: TablePlan): void;
  /** Rows done so far in the current table. */
  onRows?(plan: TablePlan, rowsDone: number): void;
  onTableDone?(file: WrittenFile): void;
  /** The zip bundle, once complete (bundle = zip only). */
  onBundleDone?(bundle: BundleStats): void;
  /** Checked between chunks; when aborted the run stops and its files are removed. */
  signal?: AbortSignal;
  /** The filing counts read from the compliance rows, once that table is written. */
  onFilings?(filings: ManifestFilings): void;
}

export class CancelledError extends Error {
  constructor() {
    super('Generation cancelled by user.');
    this.name = 'CancelledError';
  }
}

/** Chunk groups requested ahead of the writer per worker: a bounded window keeps memory flat. */
const GROUPS_AHEAD_PER_WORKER = 1;

export async function writeTables(
  scenario: Scenario,
  plans: readonly TablePlan[],
  dir: string,
  produce: GroupProducer,
  workers: number,
  hooks: WriteHooks = {},
): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true });
  const target = await openTarget(scenario, dir);
  const scheduler = new ChunkScheduler(plans, produce, Math.max(2, workers * GROUPS_AHEAD_PER_WORKER));
  const counter = new FilingCounter();
  try {
    const files: WrittenFile[] = [];
    for (const plan of plans) {
      hooks.onTableStart?.(plan);
      const file = await writeTable(scenario, plan, target, scheduler, hooks, counter);
      files.push(file);
      hooks.onTableDone?.(file);
    }
    const manifest = buildManifest({
      scenario,
      engineVersion: ENGINE_VERSION,
      files: files.map((f) => ({ ...f, format: scenario.format, compression: scenario.compression })),
      filings: plans.some((p) => p.key === 'compliance') ? counter.result() : NO_FILINGS,
    });
    if (plans.some((p) => p.key === 'compliance')) hooks.onFilings?.(counter.result());
    await target.write(MANIFEST_FILE, 'deflate', [new TextEncoder().encode(manifest)]);
    const bundle = await target.commit();
    if (bundle) hooks.onBundleDone?.(bundle);
    return files;
  } catch (error) {
    await target.discard();
    throw error;
  }
}

/** A loose-files run first removes an earlier manifest.json: a manifest never describes files that are gone. */
async function openTarget(scenario: Scenario, dir: string): Promise<OutputTarget> {
  if (scenario.bundle === 'zip') return zipTarget(dir, zipFileName(scenario), scenario.as_of);
  await rm(join(dir, MANIFEST_FILE), { force: true });
  return directoryTarget(dir);
}

async function writeTable(
  scenario: Scenario,
  plan: TablePlan,
  target: OutputTarget,
  scheduler: ChunkScheduler,
  hooks: WriteHooks,
  counter: FilingCounter,
): Promise<WrittenFile> {
  const schema = SCHEMAS[plan.key];
  const name = fileName(schema, scenario.format);
  const chunks = scheduler.stream(plan, (rows) => {
    if (hooks.signal?.aborted) throw new CancelledError();
    hooks.onRows?.(plan, rows);
  });
  const rows = plan.key === 'compliance' ? counter.tap(chunks) : chunks;
  const pieces = untilAborted(encodeTable(schema, rows, scenario.format, scenario.compression), hooks.signal);
  const { bytes, sha256 } = await target.write(name, zipMethodFor(scenario.format), pieces);
  return { key: plan.key, file: name, rows: plan.rows, bytes, sha256 };
}

async function* untilAborted(pieces: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
  for await (const piece of pieces) {
    if (signal?.aborted) throw new CancelledError();
    yield piece;
  }
}
