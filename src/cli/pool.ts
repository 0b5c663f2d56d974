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
  /** Rejects every call in flight when the worker dies. */
  readonly inFlight: Set<(error: Error) => void>;
  /** Set once the worker has died: later calls fail at once. */
  dead: Error | null;
}

export class WorkerPool {
  private readonly members: PoolMember[];
  /** Chunks produced per worker id (tests check that the work was spread). */
  readonly chunksByWorker = new Map<number, number>();

  constructor(size: number, workerUrl: URL) {
    this.members = Array.from({ length: size }, () => {
      const worker = new Worker(workerUrl);
      const member: PoolMember = { worker, api: wrap<GeneratorApi>(nodeEndpoint(worker)), busy: 0, inFlight: new Set(), dead: null };
      const die = (error: Error) => {
        member.dead ??= error;
        for (const reject of member.inFlight) reject(error);
        member.inFlight.clear();
      };
      worker.once('error', (e) => die(new Error(`worker crashed: ${e.message}`)));
      worker.once('exit', (code) => die(new Error(`worker exited with code ${code}`)));
      return member;
    });
  }

  /**
   * Runs one call on a member, failing it if the worker dies first. (Racing every call against one
   * never-settling promise would keep every result reachable: that leaked whole batches.)
   */
  private call<T>(member: PoolMember, run: () => Promise<T>): Promise<T> {
    if (member.dead) return Promise.reject(member.dead);
    return new Promise<T>((resolve, reject) => {
      member.inFlight.add(reject);
      run()
        .then(resolve, reject)
        .finally(() => member.inFlight.delete(reject));
    });
  }

  /** Builds the world in every worker; resolves to the E_VOLUME message, if any (the same in every worker). */
  async init(scenario: Scenario, piiSecret?: string): Promise<string | null> {
    const errors = await Promise.all(this.members.map((m) => this.call(m, () => m.api.init(scenario, piiSecret))));
    return errors[0] ?? null;
  }

  readonly produce = async (plan: TablePlan, first: number, count: number): Promise<ColumnBatch[]> => {
    const member = this.members.reduce((a, b) => (b.busy < a.busy ? b : a));
    member.busy++;
    try {
      const group = await this.call(member, () => member.api.generate(plan.key, first, count));
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
