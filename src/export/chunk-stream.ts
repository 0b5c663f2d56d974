/**
 * Streams tables' work units in file order from a producer (a worker pool or the engine in-process). One
 * window of requests spans all tables of a run, so workers generate the next table while the writer is
 * still writing the current one, and memory stays bounded by the window whatever the row count.
 */
import type { ColumnBatch } from '../generators/columns';
import type { TablePlan } from '../generators/engine';

/** Chunks [first, first + count) of a table, one batch per chunk. */
export type GroupProducer = (plan: TablePlan, first: number, count: number) => Promise<ColumnBatch[]>;

/** A run of consecutive chunk groups of one table, produced together. */
export interface WorkUnit {
  readonly plan: TablePlan;
  readonly groups: readonly (readonly [first: number, count: number])[];
}

export class UnitScheduler<R> {
  private readonly units: WorkUnit[];
  /** Unit indices in the order they are requested: the `early` ones first, then file order. */
  private readonly order: number[];
  private readonly requests = new Map<number, Promise<R>>();
  private nextRequest = 0;
  private consumed = 0;
  private readonly window: number;

  /**
   * `window`: units requested ahead of the consumer, across tables. `early` units (slow ones that would
   * otherwise leave the other workers idle at the end) are requested first and held until their turn.
   */
  constructor(
    plans: readonly TablePlan[],
    unitsOf: (plan: TablePlan) => WorkUnit[],
    private readonly produce: (unit: WorkUnit) => Promise<R>,
    window: number,
    early: (unit: WorkUnit) => boolean = () => false,
  ) {
    this.units = plans.flatMap(unitsOf);
    const indices = this.units.map((_, i) => i);
    const first = indices.filter((i) => early(this.units[i]));
    this.order = [...first, ...indices.filter((i) => !early(this.units[i]))];
    this.window = window + first.length;
  }

  /** Every unit's result of one table, in order; tables must be streamed in the order given. */
  async *stream(plan: TablePlan): AsyncGenerator<R> {
    while (this.consumed < this.units.length && this.units[this.consumed].plan === plan) {
      this.fill();
      const unit = this.consumed++;
      if (!this.requests.has(unit)) this.request(unit);
      const result = await this.requests.get(unit)!;
      this.requests.delete(unit);
      this.fill();
      yield result;
    }
  }

  private fill(): void {
    while (this.nextRequest < this.order.length && this.requests.size < this.window) {
      const unit = this.order[this.nextRequest++];
      if (unit >= this.consumed && !this.requests.has(unit)) this.request(unit);
    }
  }

  private request(unit: number): void {
    const request = this.produce(this.units[unit]);
    request.catch(() => undefined); // surfaced when awaited in order
    this.requests.set(unit, request);
  }
}

/** Each chunk group of a plan as its own unit. */
export function groupUnits(plan: TablePlan): WorkUnit[] {
  return plan.groups.map((group) => ({ plan, groups: [group] }));
}

/** Every chunk of one table, in order, with at most `window` groups requested ahead. */
export async function* streamChunks(
  plan: TablePlan,
  produce: GroupProducer,
  window: number,
  onRows?: (rowsDone: number) => void,
): AsyncGenerator<ColumnBatch> {
  const scheduler = new UnitScheduler([plan], groupUnits, ({ groups: [[first, count]] }) => produce(plan, first, count), window);
  let done = 0;
  for await (const batches of scheduler.stream(plan)) {
    for (const batch of batches) {
      done += batch.length;
      onRows?.(done);
      yield batch;
    }
  }
}
