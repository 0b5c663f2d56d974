/**
 * Streams a table's chunks in file order from a producer of chunk groups (a worker pool or the
 * engine in-process), keeping a bounded window of groups in flight so memory stays flat.
 */
import type { ColumnBatch } from '../generators/columns';
import type { TablePlan } from '../generators/engine';

export type GroupProducer = (plan: TablePlan, first: number, count: number) => Promise<ColumnBatch[]>;

export interface ChunkProgress {
  (rowsDone: number): void;
}

/** Yields every chunk of the table in order; at most `window` groups are requested ahead. */
export async function* streamChunks(
  plan: TablePlan,
  produce: GroupProducer,
  window: number,
  onRows?: ChunkProgress,
): AsyncGenerator<ColumnBatch> {
  const pending: Promise<ColumnBatch[]>[] = [];
  let next = 0;
  let done = 0;
  const fill = () => {
    while (pending.length < window && next < plan.groups.length) {
      const [first, count] = plan.groups[next++];
      const request = produce(plan, first, count);
      request.catch(() => undefined); // surfaced when awaited in order
      pending.push(request);
    }
  };
  fill();
  while (pending.length > 0) {
    const batches = await pending.shift()!;
    fill();
    for (const batch of batches) {
      done += batch.length;
      yield batch;
    }
    onRows?.(done);
  }
}
