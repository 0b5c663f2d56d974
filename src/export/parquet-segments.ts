/**
 * Parquet encoded in parallel: each work unit covers whole row groups, a worker generates and encodes it as a
 * small Parquet file (a segment), and the writer stitches the segments in order (parquet-stitch.ts) into the
 * bytes one writer would have produced from the same rows.
 */
import type { ColumnBatch } from '../generators/columns';
import type { TablePlan } from '../generators/engine';
import type { TableSchema } from '../generators/schema/types';
import { CHUNK_ROWS } from '../generators/tables';
import type { WorkUnit } from './chunk-stream';
import { encodeParquet, ROW_GROUP_ROWS, type ParquetCompression } from './parquet';
import { concat } from './rechunk';

const CHUNKS_PER_ROW_GROUP = ROW_GROUP_ROWS / CHUNK_ROWS;

/** One unit's rows as a Parquet file of whole row groups, and the rows themselves when asked for. */
export interface ParquetSegment {
  readonly parquet: Uint8Array;
  /** The unit's chunks, or [] when not asked for. */
  readonly batches: ColumnBatch[];
}

export type SegmentProducer = (unit: WorkUnit, compression: ParquetCompression, withRows: boolean) => Promise<ParquetSegment>;

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

/** Encodes whole chunks of one unit as one Parquet file. */
export async function encodeSegment(schema: TableSchema, batches: Iterable<ColumnBatch>, compression: ParquetCompression): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for await (const piece of encodeParquet(schema, batches, { compression })) pieces.push(piece);
  return concat(Uint8Array, pieces);
}
