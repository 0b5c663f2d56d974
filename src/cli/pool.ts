/** The CLI's generator pool: worker_threads running generator-worker.mjs (see src/workers/generator-pool.ts). */
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { GeneratorApi } from '../workers/generator-api';
import type { SegmentProducer } from '../export/segments';
import { GeneratorPool, type PoolWorker } from '../workers/generator-pool';

export class WorkerPool extends GeneratorPool {
  constructor(size: number, workerUrl: URL) {
    super(Array.from({ length: size }, () => nodeWorker(workerUrl)));
  }
}

/**
 * Files encoded in the workers from 2 workers on; with 1, this thread encodes while the worker generates
 * (two threads busy instead of one: 4.5 s instead of 5.6 s for `--all`). The bytes are the same either way.
 */
export function segmentsOf(pool: WorkerPool): SegmentProducer | undefined {
  return pool.size > 1 ? pool.segments : undefined;
}

function nodeWorker(url: URL): PoolWorker {
  // A small young generation: each unit's arrays die young, and are returned sooner (about 50 MB less per worker).
  const worker = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  return {
    api: wrap<GeneratorApi>(nodeEndpoint(worker)),
    onDeath(die) {
      worker.once('error', (e) => die(new Error(`it crashed: ${e.message}`)));
      worker.once('exit', (code) => die(new Error(`it stopped unexpectedly (exit code ${code})`)));
    },
    terminate: () => worker.terminate(),
  };
}
