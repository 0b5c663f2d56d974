/**
 * A pool of generator workers (worker_threads in the CLI, Web Workers in the browser): each request goes to
 * the least busy member and comes back as transferred buffers. A member that dies fails every request in
 * flight, and any later one, with its error. Environment-agnostic: each shell supplies its workers.
 */
import type { Remote } from 'comlink';
import type { ColumnBatch } from '../generators/columns';
import type { TablePlan } from '../generators/engine';
import type { Scenario } from '../generators/scenario/types';
import type { SegmentProducer } from '../export/parquet-segments';
import type { GeneratorApi } from './generator-api';

/** One worker as the pool sees it. */
export interface PoolWorker {
  readonly api: Remote<GeneratorApi>;
  /** Registers the callback for the worker's death (crash or exit). */
  onDeath(die: (error: Error) => void): void;
  terminate(): Promise<unknown> | void;
}

interface Member {
  readonly worker: PoolWorker;
  busy: number;
  /** Rejects every call in flight when the worker dies. */
  readonly inFlight: Set<(error: Error) => void>;
  /** Set once the worker has died: later calls fail at once. */
  dead: Error | null;
}

export class GeneratorPool {
  private readonly members: Member[];
  /** Chunks produced per worker id (tests check that the work was spread). */
  readonly chunksByWorker = new Map<number, number>();

  constructor(workers: readonly PoolWorker[]) {
    this.members = workers.map((worker) => {
      const member: Member = { worker, busy: 0, inFlight: new Set(), dead: null };
      worker.onDeath((error) => {
        member.dead ??= error;
        for (const reject of member.inFlight) reject(error);
        member.inFlight.clear();
      });
      return member;
    });
  }

  get size(): number {
    return this.members.length;
  }

  /** Builds the world in every worker; resolves to the E_VOLUME message, if any (the same in every worker). */
  async init(scenario: Scenario, piiSecret?: string): Promise<string | null> {
    const errors = await Promise.all(this.members.map((m) => this.call(m, () => m.worker.api.init(scenario, piiSecret))));
    return errors[0] ?? null;
  }

  readonly produce = (plan: TablePlan, first: number, count: number): Promise<ColumnBatch[]> =>
    this.onLeastBusy(async ({ api }) => {
      const group = await api.generate(plan.key, first, count);
      this.count(group.worker, group.batches.length);
      return group.batches;
    });

  /** Row groups generated and encoded in the workers (see write-run's `parquetSegments`). */
  readonly segments: SegmentProducer = (unit, compression, withRows) =>
    this.onLeastBusy(async ({ api }) => {
      const segment = await api.segment(unit.plan.key, unit.groups, compression, withRows);
      this.count(segment.worker, unit.groups.reduce((n, [, count]) => n + count, 0));
      return segment;
    });

  async close(): Promise<void> {
    await Promise.all(this.members.map((m) => m.worker.terminate()));
  }

  private count(worker: number, chunks: number): void {
    this.chunksByWorker.set(worker, (this.chunksByWorker.get(worker) ?? 0) + chunks);
  }

  private async onLeastBusy<T>(run: (worker: PoolWorker) => Promise<T>): Promise<T> {
    const member = this.members.reduce((a, b) => (b.busy < a.busy ? b : a));
    member.busy++;
    try {
      return await this.call(member, () => run(member.worker));
    } finally {
      member.busy--;
    }
  }

  /**
   * Runs one call on a member, failing it if the worker dies first. (Racing every call against one
   * never-settling promise would keep every result reachable: that leaked whole batches.)
   */
  private call<T>(member: Member, run: () => Promise<T>): Promise<T> {
    if (member.dead) return Promise.reject(member.dead);
    return new Promise<T>((resolve, reject) => {
      member.inFlight.add(reject);
      run()
        .then(resolve, reject)
        .finally(() => member.inFlight.delete(reject));
    });
  }
}
