/**
 * The Node programmatic API: `createRun` plus `write`, which writes the run's files the way the
 * CLI does (same bytes), optionally on a worker pool.
 *
 *   import { createRun, resolveScenario } from 'casino-data-studio';
 *   const { scenario } = resolveScenario({ preset: 'small', start: '2026-10-01', today: 0 });
 *   const run = createRun(scenario);
 *   await run.write('./output');
 */
import { createRun as createBaseRun, inProcessProducer, withFormat, type Run, type RunOptions } from '../export/run';
import type { Scenario } from '../generators/scenario/types';
import { segmentsOf, WorkerPool } from './pool';
import { writeTables, type WrittenFile } from './write-files';

export { resolveScenario } from '../generators/scenario/validate';
export type { Scenario } from '../generators/scenario/types';
export type { Run, TableRun, BatchOptions } from '../export/run';

export interface WriteOptions {
  /** Output format instead of the scenario's (compression then defaults as in SPEC 2.1). */
  readonly format?: Scenario['format'];
  /** worker_threads to generate on; 0 = this thread (default). */
  readonly workers?: number;
}

export interface NodeRun extends Run {
  write(dir: string, opts?: WriteOptions): Promise<WrittenFile[]>;
}

export function createRun(scenario: Scenario, options: RunOptions = {}): NodeRun {
  const run = createBaseRun(scenario, options);
  return {
    ...run,
    async write(dir, opts = {}) {
      const plans = run.plans;
      const target = withFormat(scenario, opts.format);
      const pool = opts.workers ? new WorkerPool(opts.workers, new URL('./generator-worker.mjs', import.meta.url)) : null;
      try {
        const volumes = pool ? await pool.init(target, options.piiSecret) : null;
        if (volumes) throw new Error(volumes);
        return await writeTables(target, plans, dir, pool ? pool.produce : (options.produce ?? inProcessProducer(target, options.piiSecret)), opts.workers ?? 1, {
          segments: pool ? segmentsOf(pool) : undefined,
        });
      } finally {
        await pool?.close();
      }
    },
  };
}
