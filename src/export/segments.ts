/**
 * Files encoded in parallel: a worker generates and encodes each work unit (a segment), and the writer joins
 * the segments in order into the bytes one encoder would have produced from the same rows. Parquet units cover
 * whole row groups and are stitched (parquet-stitch.ts); CSV and JSON Lines segments are simply concatenated
 * (their rows are encoded one by one; the CSV header goes with the file's first unit).
 */
import type { ColumnBatch } from '../generators/columns';
import type { TablePlan } from '../generators/engine';
import type { TableSchema } from '../generators/schema/types';
import { CHUNK_ROWS } from '../generators/tables';
import type { WorkUnit } from './chunk-stream';
import { writesParquet, type Compression, type OutputFormat } from '../generators/scenario/types';
import { encodeCsv } from './csv';
import { encodeJsonl } from './jsonl';
import { encodeParquetLazily } from './parquet-lazy';
import { ROW_GROUP_ROWS } from './parquet-layout';
import { concat } from './rechunk';
import type { TallyRequest, UnitPlace, UnitTally } from './unit-tally';

const CHUNKS_PER_ROW_GROUP = ROW_GROUP_ROWS / CHUNK_ROWS;

/** How a run's files are encoded. */
export interface SegmentEncoding {
  readonly format: OutputFormat;
  readonly compression: Compression;
}

/** One unit's rows encoded (a Parquet file of whole row groups, or text), and its tallies (the rows stay where they were made). */
export interface EncodedSegment {
  readonly bytes: Uint8Array;
  /** One per chunk group of the unit, in file order. */
  readonly tallies: readonly UnitTally[];
}

export type SegmentProducer = (unit: WorkUnit, encoding: SegmentEncoding, tallies: TallyRequest, place: UnitPlace) => Promise<EncodedSegment>;

/** Whether `unit` starts its plan's file (the CSV header goes there). */
export function startsFile(unit: WorkUnit): boolean {
  return unit.groups[0]?.[0] === unit.plan.groups[0]?.[0];
}

/**
 * A plan's chunk groups in runs that each end on a row-group boundary, counted from the plan's first chunk
 * as its file's writer counts (a shard may start on any chunk), or at the plan's end.
 */
export function rowGroupUnits(plan: TablePlan): WorkUnit[] {
  const units: WorkUnit[] = [];
  const start = plan.groups[0]?.[0] ?? 0;
  let run: (readonly [number, number])[] = [];
  for (const group of plan.groups) {
    run.push(group);
    if ((group[0] + group[1] - start) % CHUNKS_PER_ROW_GROUP === 0) {
      units.push({ plan, groups: run });
      run = [];
    }
  }
  if (run.length > 0) units.push({ plan, groups: run });
  return units;
}

/** Encodes whole chunks of one unit: a Parquet file, or text rows (after the CSV header when `first`). */
export async function encodeSegment(
  schema: TableSchema,
  batches: Iterable<ColumnBatch>,
  { format, compression }: SegmentEncoding,
  first: boolean,
): Promise<Uint8Array> {
  const encoder =
    writesParquet(format) ? encodeParquetLazily(schema, batches, { compression }) : format === 'csv' ? encodeCsv(schema, batches, first) : encodeJsonl(schema, batches);
  const pieces: Uint8Array[] = [];
  for await (const piece of encoder) pieces.push(piece);
  return concat(Uint8Array, pieces);
}
