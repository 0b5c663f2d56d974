/**
 * Table schemas as data: the single source of truth for column names, types, order,
 * nullability and descriptions (SPEC 4.1–9.1, 12 I2). Encoders, preview, manifest and the
 * data dictionary read these; nobody restates a column list by hand.
 */
import type { ColumnType } from '../columns';
import type { TableKey } from '../tables';

export type { ColumnType };

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** Exact cents, written with two decimals in text formats (SPEC 1 "Money", 13.1). */
  money?: boolean;
  /** One analyst-facing sentence: what the value means. */
  description: string;
  /** `many`: most values differ (ids, instants, personal details), so a dictionary would not pay in Parquet. */
  distinct?: 'many';
}

export interface TableSchema {
  key: TableKey;
  /** File stem, e.g. `bronze_slot_telemetry` (SPEC 1). */
  stem: string;
  /** `_source` value, e.g. `SlotMachineGenerator` (SPEC 1). */
  source: string;
  /** The column the file is sorted by (SPEC 3.2); null for players. */
  timestampColumn: string | null;
  columns: readonly ColumnSpec[];
}

type Nullability = 'required' | 'nullable';

/** A column of the given type. */
export function col(name: string, type: ColumnType, nullability: Nullability, description: string): ColumnSpec {
  return { name, type, nullable: nullability === 'nullable', description };
}

/** A float64 money column (exact cents, SPEC 1). */
export function money(name: string, nullability: Nullability, description: string): ColumnSpec {
  return { name, type: 'float64', nullable: nullability === 'nullable', money: true, description };
}

/** The same column, declared to have mostly distinct values (see ColumnSpec.distinct). */
export function mostlyDistinct(column: ColumnSpec): ColumnSpec {
  return { ...column, distinct: 'many' };
}

/** The three lineage columns that end every table (SPEC 3.2). */
export const METADATA_COLUMNS: readonly ColumnSpec[] = [
  col('_ingested_at', 'timestamp', 'required', 'Snapshot instant (the scenario as-of time) at which the row counts as ingested; the same on every row.'),
  col('_source', 'string', 'required', 'Name of the generator component that produced the row.'),
  col('_batch_id', 'string', 'required', 'Eight-hex-character id of the 65,536-row chunk the row belongs to, constant within a chunk and distinct between chunks.'),
];

/** Builds a table schema, appending the metadata columns. */
export function defineTable(
  table: Omit<TableSchema, 'columns'>,
  columns: readonly ColumnSpec[],
): TableSchema {
  return Object.freeze({ ...table, columns: Object.freeze([...columns, ...METADATA_COLUMNS]) });
}
