/**
 * A pool of generator workers (worker_threads in the CLI, Web Workers in the browser). Requests wait in one
 * queue and each goes, in request order, to a worker as soon as it is idle: a long request (the compliance
 * table's first unit builds the ledger and the filing book) never holds up short ones queued behind it on the
 * same worker. The cage and compliance tables stay with the first worker that builds their ledger, so no
 * other worker spends seconds and hundreds of megabytes building it again. A member that dies fails every
 * request in flight, and any later one, with its error. Environment-agnostic: each shell supplies its workers.
 */
import type { Remote } from 'comlink';
import type { ColumnBatch } from '../generators/columns';
import type { TablePlan } from '../generators/engine';
import type { Scenario } from '../generators/scenario/types';
import type { TableKey } from '../generators/tables';
import type { SegmentProducer } from '../export/segments';
import type { GeneratorApi } from './generator-api';
import type { WorldParts } from '../generators/world';

/** A generator worker's failure as the user reads it: which work it was doing and why it stopped. */
export class WorkerFailure extends Error {
  override readonly name = 'WorkerFailure';
}

/** `error` from a worker (thrown in a request, or its death) named for what it was doing; wrapped once. */
function failureOf(doing: string, error: unknown): WorkerFailure {
  if (error instanceof WorkerFailure) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new WorkerFailure(`a generator worker failed while ${doing}: ${reason}`);
}

/** One worker as the pool sees it. */
export interface PoolWorker {
  readonly api: Remote<GeneratorApi>;
  /** Registers the callback for the worker's death (crash or exit); the error says how, e.g. `it crashed: …`. */
  onDeath(die: (error: Error) => void): void;
  terminate(): Promise<unknown> | void;
}

interface Member {
  readonly worker: PoolWorker;
  busy: boolean;
  /** Rejects the call in flight when the worker dies. */
  fail: ((error: Error) => void) | null;
  /** Set once the worker has died: later calls fail at once. */
  dead: Error | null;
}

interface Job {
  readonly key: TableKey;
  readonly run: (worker: PoolWorker) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** Tables generated from one whole-table structure per world (the cage ledger and the filing book). */
const LEDGER_TABLES: ReadonlySet<TableKey> = new Set(['financial', 'compliance']);

export class GeneratorPool {
  private readonly members: Member[];
  private readonly queue: Job[] = [];
  /** The member that builds the ledger: the first to take a ledger table's request. */
  private ledgerOwner: Member | null = null;
  /** Chunks produced per worker id (tests check that the work was spread). */
  readonly chunksByWorker = new Map<number, number>();

  constructor(workers: readonly PoolWorker[]) {
    this.members = workers.map((worker) => {
      const member: Member = { worker, busy: false, fail: null, dead: null };
      worker.onDeath((error) => {
        member.dead ??= error;
        member.fail?.(error);
        this.dispatch();
      });
      return member;
    });
  }

  get size(): number {
    return this.members.length;
  }

  /**
   * Gives every worker the world; resolves to the E_VOLUME message, if any (the same in every worker). With `parts`
   * (drawn elsewhere for this scenario: by the browser's volume check, or by the CLI's main thread while its workers
   * start) no worker draws it again. Without, each worker draws its own at once; one worker drawing and handing its
   * parts to the others was measured slower (1.047x wall at the production preset): they wait instead of drawing.
   */
  async init(scenario: Scenario, piiSecret?: string, parts?: WorldParts): Promise<string | null> {
    const init = (m: Member) =>
      this.runOn(m, () => m.worker.api.init(scenario, piiSecret, parts)).catch((e: unknown) => Promise.reject(failureOf('building the world', e)));
    const errors = await Promise.all(this.members.map(init));
    return errors[0] ?? null;
  }

  readonly produce = (plan: TablePlan, first: number, count: number): Promise<ColumnBatch[]> =>
    this.enqueue(plan.key, async ({ api }) => {
      const group = await api.generate(plan.key, first, count);
      this.count(group.worker, group.batches.length);
      return group.batches;
    });

  /** Units generated and encoded in the workers (see write-run's `segments`). */
  readonly segments: SegmentProducer = (unit, encoding, tallies, place) =>
    this.enqueue(unit.plan.key, async ({ api }) => {
      const segment = await api.segment(unit.plan.key, unit.groups, encoding, tallies, place);
      this.count(segment.worker, unit.groups.reduce((n, [, count]) => n + count, 0));
      return segment;
    });

  async close(): Promise<void> {
    await Promise.all(this.members.map((m) => m.worker.terminate()));
  }

  private count(worker: number, chunks: number): void {
    this.chunksByWorker.set(worker, (this.chunksByWorker.get(worker) ?? 0) + chunks);
  }

  private enqueue<T>(key: TableKey, run: (worker: PoolWorker) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ key, run, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Hands queued requests, oldest first, to idle members (a ledger table's only to the ledger's owner). */
  private dispatch(): void {
    if (this.members.every((m) => m.dead)) {
      for (const job of this.queue.splice(0)) job.reject(failureOf(`generating ${job.key}`, this.members[0].dead));
      return;
    }
    if (this.ledgerOwner?.dead) {
      for (const job of this.queue.filter((j) => LEDGER_TABLES.has(j.key))) job.reject(failureOf(`generating ${job.key}`, this.ledgerOwner.dead));
      this.queue.splice(0, this.queue.length, ...this.queue.filter((j) => !LEDGER_TABLES.has(j.key)));
    }
    for (const member of this.members) {
      if (member.busy || member.dead) continue;
      const at = this.queue.findIndex((job) => !LEDGER_TABLES.has(job.key) || (this.ledgerOwner ?? member) === member);
      if (at < 0) continue;
      const [job] = this.queue.splice(at, 1);
      if (LEDGER_TABLES.has(job.key)) this.ledgerOwner ??= member;
      this.start(member, job);
    }
  }

  private start(member: Member, job: Job): void {
    this.runOn(member, () => job.run(member.worker)).then(job.resolve, (e: unknown) => job.reject(failureOf(`generating ${job.key}`, e)));
  }

  /** Runs one call on an idle member, failing it if the worker dies first; then the member takes the next request. */
  private runOn<T>(member: Member, run: () => Promise<T>): Promise<T> {
    if (member.dead) return Promise.reject(member.dead);
    member.busy = true;
    return new Promise<T>((resolve, reject) => {
      member.fail = reject;
      run().then(resolve, reject);
    }).finally(() => {
      member.busy = false;
      member.fail = null;
      this.dispatch();
    });
  }
}
