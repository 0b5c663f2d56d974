/**
 * Generator Web Workers for the run worker: chunk groups go to the least busy one and come back as
 * transferred buffers. A worker that fails fails every request in flight with its error.
 */
import { wrap, type Remote } from 'comlink';
import type { ColumnBatch } from '../generators/columns';
import type { TablePlan } from '../generators/engine';
import type { Scenario } from '../generators/scenario/types';
import type { GeneratorApi } from './generator-api';

interface Member {
  readonly worker: Worker;
  readonly api: Remote<GeneratorApi>;
  busy: number;
  failure: Error | null;
  readonly pending: Set<(error: Error) => void>;
}

/** Loading a worker script and building its world takes well under a second; this is a failure. */
const START_TIMEOUT_MS = 60_000;

export class BrowserPool {
  private readonly members: Member[];

  constructor(size: number) {
    this.members = Array.from({ length: size }, (_, i) => {
      const worker = new Worker(new URL('./generator.worker.ts', import.meta.url), { type: 'module', name: `casino-data-generator-${i + 1}` });
      const member: Member = { worker, api: wrap<GeneratorApi>(worker), busy: 0, failure: null, pending: new Set() };
      worker.addEventListener('error', (e) => {
        member.failure = new Error(`A generator worker failed: ${e.message || 'it stopped unexpectedly'}`);
        for (const reject of member.pending) reject(member.failure);
      });
      return member;
    });
  }

  private call<T>(member: Member, run: () => Promise<T>): Promise<T> {
    if (member.failure) return Promise.reject(member.failure);
    return new Promise<T>((resolve, reject) => {
      member.pending.add(reject);
      run().then(resolve, reject).finally(() => member.pending.delete(reject));
    });
  }

  /** Builds the world in every worker; a worker that does not answer in time fails the run rather than hang it. */
  async init(scenario: Scenario, piiSecret?: string): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`A generator worker did not start within ${START_TIMEOUT_MS / 1000} s.`)), START_TIMEOUT_MS);
    });
    try {
      await Promise.race([Promise.all(this.members.map((m) => this.call(m, () => m.api.init(scenario, piiSecret)))), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  readonly produce = async (plan: TablePlan, first: number, count: number): Promise<ColumnBatch[]> => {
    const member = this.members.reduce((a, b) => (b.busy < a.busy ? b : a));
    member.busy++;
    try {
      return (await this.call(member, () => member.api.generate(plan.key, first, count))).batches;
    } finally {
      member.busy--;
    }
  };

  close(): void {
    for (const m of this.members) m.worker.terminate();
  }
}
