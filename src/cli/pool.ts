/** The CLI's generator pool: worker_threads running generator-worker.mjs (see src/workers/generator-pool.ts). */
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { GeneratorApi } from '../workers/generator-api';
import { GeneratorPool, type PoolWorker } from '../workers/generator-pool';

export class WorkerPool extends GeneratorPool {
  constructor(size: number, workerUrl: URL) {
    super(Array.from({ length: size }, () => nodeWorker(workerUrl)));
  }
}

function nodeWorker(url: URL): PoolWorker {
  // A small young generation: each unit's arrays die young, and are returned sooner (about 50 MB less per worker).
  const worker = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  return {
    api: wrap<GeneratorApi>(nodeEndpoint(worker)),
    onDeath(die) {
      worker.once('error', (e) => die(new Error(`worker crashed: ${e.message}`)));
      worker.once('exit', (code) => die(new Error(`worker exited with code ${code}`)));
    },
    terminate: () => worker.terminate(),
  };
}
