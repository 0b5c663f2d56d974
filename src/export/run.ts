/**
 * The programmatic API, tied to one scenario so every table shares one world:
 *
 *   const run = createRun(scenario);
 *   for await (const batch of run.table('slots').batches()) console.log(batch.numRows);
 *
 * Environment-agnostic: generation runs in-process unless a producer (a worker pool) is given.
 */
import type * as arrow from 'apache-arrow';
import type { ColumnBatch } from '../generators/columns';
import { createWorld, generateGroup, planTables, type TablePlan } from '../generators/engine';
import { SCHEMAS } from '../generators/schema';
import type { Scenario } from '../generators/scenario/types';
import { defaultCompression } from '../generators/scenario/validate';
import type { TableKey } from '../generators/tables';
import type { World } from '../generators/world';
import { toArrowSchema, toRecordBatch } from './arrow';
import { streamChunks, type GroupProducer } from './chunk-stream';
import { encodeTable } from './encode';
import { rechunk } from './rechunk';

export interface RunOptions {
  /** The PII secret when `pii_key` is `secret` (never stored). */
  readonly piiSecret?: string;
  /** Where chunk groups come from; default: the engine in this thread. */
  readonly produce?: GroupProducer;
}

export interface BatchOptions {
  /** Rows per yielded batch (default: the 65,536-row chunk). Never changes the rows or the files. */
  readonly batchSize?: number;
}

export interface TableRun {
  readonly plan: TablePlan;
  /** The table's rows as columnar batches, in file order. */
  chunks(opts?: BatchOptions): AsyncGenerator<ColumnBatch>;
  /** The table's rows as Arrow record batches against the table's declared schema. */
  batches(opts?: BatchOptions): AsyncGenerator<arrow.RecordBatch>;
  /** The table's file bytes in the scenario's format (or another one). */
  encode(format?: Scenario['format']): AsyncIterable<Uint8Array>;
}

export interface Run {
  readonly scenario: Scenario;
  readonly plans: readonly TablePlan[];
  table(key: TableKey): TableRun;
}

/** Generates groups in this thread, building the world on first use. */
export function inProcessProducer(scenario: Scenario, piiSecret?: string): GroupProducer {
  let world: World | null = null;
  return async (plan, first, count) => generateGroup((world ??= createWorld(scenario, piiSecret)), plan.key, first, count);
}

export function createRun(scenario: Scenario, options: RunOptions = {}): Run {
  const produce = options.produce ?? inProcessProducer(scenario, options.piiSecret);
  const plans = planTables(scenario);
  return {
    scenario,
    plans,
    table(key) {
      const plan = plans.find((p) => p.key === key);
      if (!plan) throw new Error(`${key} is not selected in this scenario`);
      const schema = SCHEMAS[key];
      const chunks = async function* (opts: BatchOptions = {}) {
        const all = streamChunks(plan, produce, 2);
        yield* opts.batchSize ? rechunk(all, opts.batchSize) : all;
      };
      return {
        plan,
        chunks,
        async *batches(opts) {
          const arrowSchema = toArrowSchema(schema);
          for await (const chunk of chunks(opts)) yield toRecordBatch(schema, chunk, arrowSchema);
        },
        encode: (format) => {
          const target = withFormat(scenario, format);
          return encodeTable(schema, chunks(), target.format, target.compression);
        },
      };
    },
  };
}

/** The scenario written in another format (the rows do not depend on it), with that format's default compression. */
export function withFormat(scenario: Scenario, format: Scenario['format'] | undefined): Scenario {
  if (!format || format === scenario.format) return scenario;
  return { ...scenario, format, compression: defaultCompression(format) };
}
