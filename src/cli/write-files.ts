/**
 * Writes the selected tables of a run as files: each streamed to `<name>.partial`, then renamed.
 * On failure or cancellation every file of the run is removed, so nothing unfinished (and no
 * half dataset) is left under a final name (SPEC 14).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TablePlan } from '../generators/engine';
import { SCHEMAS } from '../generators/schema';
import type { Scenario } from '../generators/scenario/types';
import { streamChunks, type GroupProducer } from '../export/chunk-stream';
import { encodeTable, fileName } from '../export/encode';

export interface WrittenFile {
  readonly key: TablePlan['key'];
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

export interface WriteHooks {
  /** Before a table starts. */
  onTableStart?(plan: TablePlan): void;
  /** Rows done so far in the current table. */
  onRows?(plan: TablePlan, rowsDone: number): void;
  onTableDone?(file: WrittenFile): void;
  /** Checked between chunks; when aborted the run stops and its files are removed. */
  signal?: AbortSignal;
}

export class CancelledError extends Error {
  constructor() {
    super('Generation cancelled by user.');
    this.name = 'CancelledError';
  }
}

/** Chunk groups requested ahead of the writer per worker: a bounded window keeps memory flat. */
const GROUPS_AHEAD_PER_WORKER = 2;

export async function writeTables(
  scenario: Scenario,
  plans: readonly TablePlan[],
  dir: string,
  produce: GroupProducer,
  workers: number,
  hooks: WriteHooks = {},
): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const files: WrittenFile[] = [];
  try {
    for (const plan of plans) {
      hooks.onTableStart?.(plan);
      const schema = SCHEMAS[plan.key];
      const name = fileName(schema, scenario.format);
      const finalPath = join(dir, name);
      const partial = `${finalPath}.partial`;
      written.push(partial);
      const chunks = streamChunks(plan, produce, Math.max(2, workers * GROUPS_AHEAD_PER_WORKER), (rows) => {
        if (hooks.signal?.aborted) throw new CancelledError();
        hooks.onRows?.(plan, rows);
      });
      const hash = createHash('sha256');
      let bytes = 0;
      const handle = await open(partial, 'w');
      try {
        for await (const piece of encodeTable(schema, chunks, scenario.format, scenario.compression)) {
          if (hooks.signal?.aborted) throw new CancelledError();
          hash.update(piece);
          bytes += piece.length;
          await handle.write(piece);
        }
      } finally {
        await handle.close();
      }
      await rename(partial, finalPath);
      written.push(finalPath);
      const file = { key: plan.key, file: name, rows: plan.rows, bytes, sha256: hash.digest('hex') };
      files.push(file);
      hooks.onTableDone?.(file);
    }
    return files;
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true })));
    throw error;
  }
}
