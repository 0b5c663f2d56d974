/**
 * Hive-style partitioning by day (issue 5 `--partition-by day`): a table's rows, sorted by their timestamp,
 * split into one stream per UTC date, written as `<stem>/<column>=YYYY-MM-DD/part-NNNNN.<ext>`.
 */
import { sliceBatch, type ColumnBatch } from '../generators/columns';
import { formatDate } from '../generators/scenario/instant';
import type { TableSchema } from '../generators/schema/types';
import { DAY_US } from '../generators/time/units';

export type Partitioning = 'none' | 'day';

/**
 * The partition column of a table: its timestamp column's date, named `<stem>_date` from `<stem>_timestamp`
 * (event_date, transaction_date), or `filing_timestamp_date` where that name is already a column
 * (compliance has transaction_date and filing_date). Null for players (no timestamp).
 */
export function partitionColumn(schema: TableSchema): string | null {
  if (!schema.timestampColumn) return null;
  const name = schema.timestampColumn.replace(/_timestamp$/, '_date');
  return schema.columns.some((c) => c.name === name) ? `${schema.timestampColumn}_date` : name;
}

/** A part number as file names carry it: 5 digits, `00003`. */
export function partNumber(part: number): string {
  return String(part).padStart(5, '0');
}

/** The file of one partition: `bronze_slot_telemetry/event_date=2026-11-01/part-00000.parquet`. */
export function partitionFile(schema: TableSchema, column: string, day: number, ext: string, part = 0): string {
  return `${schema.stem}/${column}=${formatDate(day)}/part-${partNumber(part)}.${ext}`;
}

/**
 * Splits time-sorted batches into consecutive runs of one UTC date. Each yielded `batches` must be read to
 * its end (or abandoned) before the next partition is requested; nothing is buffered beyond one batch.
 */
export async function* splitByDay(source: AsyncIterable<ColumnBatch>, timeColumn: number): AsyncGenerator<{ day: number; batches: AsyncGenerator<ColumnBatch> }> {
  const it = source[Symbol.asyncIterator]();
  let pending: ColumnBatch | null = null;
  let exhausted = false;
  const next = async (): Promise<ColumnBatch | null> => {
    if (pending) {
      const p = pending;
      pending = null;
      return p;
    }
    if (exhausted) return null;
    const r = await it.next();
    if (r.done) {
      exhausted = true;
      return null;
    }
    return r.value;
  };
  const dayOf = (batch: ColumnBatch, r: number) => Math.floor((batch.columns[timeColumn] as { values: Float64Array }).values[r] / DAY_US);
  for (;;) {
    const first = await next();
    if (!first) return;
    if (first.length === 0) continue;
    const day = dayOf(first, 0);
    pending = first;
    async function* rowsOfDay(): AsyncGenerator<ColumnBatch> {
      for (;;) {
        const batch = await next();
        if (!batch) return;
        // Rows are sorted: the first row of a later day is found by bisection.
        let lo = 0;
        let hi = batch.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (dayOf(batch, mid) === day) lo = mid + 1;
          else hi = mid;
        }
        if (lo === batch.length) {
          yield batch;
          continue;
        }
        if (lo > 0) yield sliceBatch(batch, 0, lo);
        pending = sliceBatch(batch, lo, batch.length);
        return;
      }
    }
    const batches = rowsOfDay();
    yield { day, batches };
    for await (const rest of batches) void rest; // a partition left unread is skipped, not mixed into the next
  }
}

/** The partition column's meaning, for schemas that declare it (a Delta table's). */
export function partitionDescription(schema: TableSchema): string {
  return `UTC date of ${schema.timestampColumn} (the partition folder the row is stored in).`;
}
