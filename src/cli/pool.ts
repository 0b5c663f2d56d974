/**
 * A pool of worker_threads generators. Each request goes to the least-busy worker; results come
 * back as transferred buffers. A worker that dies fails every request in flight with its error.
 */
import { Worker } from 'node:worker_threads';
import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { ColumnBatch } from '../generators/columns';
import type { TablePlan } from '../generators/engine';
import type { Scenario } from '../generators/scenario/types';
import type { GeneratorApi } from '../workers/generator-api';

interface PoolMember {
  readonly worker: Worker;
  readonly api: Remote<GeneratorApi>;
  busy: number;
  failure: Promise<never>;
}

export class WorkerPool {
  private readonly members: PoolMember[];
  /** Chunks produced per worker id (tests check that the work was spread). */
  readonly chunksByWorker = new Map<number, number>();

  constructor(size: number, workerUrl: URL) {
    this.members = Array.from({ length: size }, () => {
      const worker = new Worker(workerUrl);
      const failure = new Promise<never>((_, reject) => {
        worker.once('error', (e) => reject(new Error(`worker crashed: ${e.message}`)));
        worker.once('exit', (code) => reject(new Error(`worker exited with code ${code}`)));
      });
      failure.catch(() => undefined);
      return { worker, api: wrap<GeneratorApi>(nodeEndpoint(worker)), busy: 0, failure };
    });
  }

  async init(scenario: Scenario, piiSecret?: string): Promise<void> {
    await Promise.all(this.members.map((m) => Promise.race([m.api.init(scenario, piiSecret), m.failure])));
  }

  readonly produce = async (plan: TablePlan, first: number, count: number): Promise<ColumnBatch[]> => {
    const member = this.members.reduce((a, b) => (b.busy < a.busy ? b : a));
    member.busy++;
    try {
      const group = await Promise.race([member.api.generate(plan.key, first, count), member.failure]);
      this.chunksByWorker.set(group.worker, (this.chunksByWorker.get(group.worker) ?? 0) + group.batches.length);
      return group.batches;
    } finally {
      member.busy--;
    }
  };

  get size(): number {
    return this.members.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.members.map((m) => m.worker.terminate()));
  }
}
