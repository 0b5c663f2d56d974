/**
 * Checks every event file shares (SPEC 12 I5–I7), as queries over a run's view: timestamps inside
 * the window and non-decreasing in file order; `_ingested_at`, `_source`, and `_batch_id` per chunk.
 */
import { expect } from 'vitest';
import { SCHEMAS } from '../generators/schema';
import { ALL_KEYS, chunkBatches, ts, window, type GeneratedKey, type InvariantDb } from './invariant-db';
import { RUNS, type RunName } from './invariant-runs';

const CHUNK = 65_536;

/** I5 every timestamp in [start, end); I6 non-decreasing in file order. */
export async function expectTimestampsInOrder(db: InvariantDb, run: RunName, key: GeneratedKey, column: string): Promise<void> {
  const { start, end } = window(run);
  const outside = `SELECT file_row_number, ${column} FROM ${run}_${key} WHERE NOT (${column} >= ${start} AND ${column} < ${end})`;
  expect(await db.violations(outside)).toEqual([]);
  const decreasing = `SELECT * FROM (SELECT file_row_number, ${column},
      lag(${column}) OVER (ORDER BY file_row_number) AS previous FROM ${run}_${key}) WHERE ${column} < previous`;
  expect(await db.violations(decreasing)).toEqual([]);
}

/** I7 `_ingested_at` = as_of and the table's `_source`; `_batch_id` constant per chunk, distinct from every other chunk of the run. */
export async function expectMetadata(db: InvariantDb, run: RunName, key: GeneratedKey): Promise<void> {
  const wrong = `SELECT file_row_number, _ingested_at, _source FROM ${run}_${key}
    WHERE _ingested_at <> ${ts(RUNS[run].end)} OR _source <> '${SCHEMAS[key].source}'`;
  expect(await db.violations(wrong)).toEqual([]);
  await db.all(`CREATE OR REPLACE TEMP TABLE batches_${run} AS ${chunkBatches(run, ALL_KEYS)}`);
  expect(await db.violations(`SELECT * FROM batches_${run} WHERE tbl = '${key}' AND (ids <> 1 OR NOT regexp_full_match(batch_id, '[0-9a-f]{8}'))`)).toEqual([]);
  expect(await db.violations(`SELECT batch_id, list(tbl || '#' || chunk) AS chunks FROM batches_${run} GROUP BY 1
    HAVING count(*) > 1 AND bool_or(tbl = '${key}')`)).toEqual([]);
  expect(await db.num(`SELECT count(*) FROM batches_${run} WHERE tbl = '${key}'`)).toBe(Math.ceil((RUNS[run].counts[key] ?? 0) / CHUNK));
}
