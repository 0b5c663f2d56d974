/**
 * Streams tables' chunks in file order from a producer of chunk groups (a worker pool or the
 * engine in-process). One window of requests spans all tables of a run, so workers generate the
 * next table while the writer is still encoding the current one, and memory stays bounded by the
 * window whatever the row count.
 */
import type { ColumnBatch } from '../generators/columns';
import type { TablePlan } from '../generators/engine';

export type GroupProducer = (plan: TablePlan, first: number, count: number) => Promise<ColumnBatch[]>;

export class ChunkScheduler {
  private readonly tasks: { plan: TablePlan; group: number }[];
  private readonly requests = new Map<number, Promise<ColumnBatch[]>>();
  private next = 0;
  private consumed = 0;

  /** `window`: groups requested ahead of the consumer, across tables. */
  constructor(plans: readonly TablePlan[], private readonly produce: GroupProducer, private readonly window: number) {
    this.tasks = plans.flatMap((plan) => plan.groups.map((_, group) => ({ plan, group })));
  }

  /**
   * Every chunk of one table in order; tables must be streamed in the order given. `onRows`
   * gets the rows done after each chunk.
   */
  async *stream(plan: TablePlan, onRows?: (rowsDone: number) => void): AsyncGenerator<ColumnBatch> {
    let done = 0;
    while (this.consumed < this.tasks.length && this.tasks[this.consumed].plan === plan) {
      this.fill();
      const task = this.consumed++;
      const batches = await this.requests.get(task)!;
      this.requests.delete(task);
      this.fill();
      for (const batch of batches) {
        done += batch.length;
        onRows?.(done);
        yield batch;
      }
    }
  }

  private fill(): void {
    while (this.next < this.tasks.length && this.next - this.consumed < this.window) {
      const { plan, group } = this.tasks[this.next];
      const [first, count] = plan.groups[group];
      const request = this.produce(plan, first, count);
      request.catch(() => undefined); // surfaced when awaited in order
      this.requests.set(this.next++, request);
    }
  }
}

/** Every chunk of one table, in order, with at most `window` groups requested ahead. */
export function streamChunks(plan: TablePlan, produce: GroupProducer, window: number, onRows?: (rowsDone: number) => void): AsyncGenerator<ColumnBatch> {
  return new ChunkScheduler([plan], produce, window).stream(plan, onRows);
}
