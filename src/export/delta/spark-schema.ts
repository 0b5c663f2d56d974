/**
 * The Spark schema string of a Delta table (Delta protocol "Schema Serialization Format"), from the table's schema:
 * one struct field per column with its description as field metadata `comment` (what Spark SQL's DESCRIBE shows),
 * then the partition column, which lives in the folder names, not in the Parquet files.
 */
import type { ColumnType } from '../../generators/schema';
import type { TableSchema } from '../../generators/schema/types';

/** Delta primitive type names; timestamps are UTC-adjusted microseconds, which Delta calls `timestamp`. */
export const DELTA_TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'string',
  int32: 'integer',
  int64: 'long',
  float64: 'double',
  bool: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
};

export interface SparkField {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly metadata: { readonly comment: string };
}

/** The date column a table is partitioned by, as the Delta schema declares it. */
export interface DeltaPartition {
  readonly column: string;
  readonly description: string;
}

export function sparkFields(schema: TableSchema, partition: DeltaPartition | null): SparkField[] {
  const fields: SparkField[] = schema.columns.map((c) => ({
    name: c.name,
    type: DELTA_TYPES[c.type],
    nullable: c.nullable,
    metadata: { comment: c.description },
  }));
  if (partition) fields.push({ name: partition.column, type: 'date', nullable: false, metadata: { comment: partition.description } });
  return fields;
}

/** The `schemaString` of the table's metaData action. */
export function sparkSchemaString(schema: TableSchema, partition: DeltaPartition | null): string {
  return JSON.stringify({ type: 'struct', fields: sparkFields(schema, partition) });
}
