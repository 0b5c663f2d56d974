/**
 * How each column type lands in a lakehouse (issue 6 "Load into a lakehouse"): the Parquet physical and logical
 * type the encoders write (SPEC 13.2), the Spark SQL type, the Delta schema type, and the type Fabric's SQL
 * analytics endpoint shows for it. One table, read by the app's guide and checked by a test against SCHEMAS.
 */
import type { ColumnType, TableSchema } from '../generators/schema';
import { DELTA_TYPES } from './delta/spark-schema';
import { TYPE_NAMES } from './manifest';

export interface LakehouseType {
  /** As in the dictionary and manifest, e.g. `timestamp[us, UTC]`. */
  readonly column: string;
  /** Physical type, then the logical annotation in parentheses. */
  readonly parquet: string;
  readonly spark: string;
  /** The type name in a Delta log's schema string. */
  readonly delta: string;
  readonly fabricSql: string;
  readonly note: string;
}

/** The Delta type is the one the Delta writer puts in the schema string. */
const row = (type: ColumnType, parquet: string, spark: string, fabricSql: string, note = ''): LakehouseType =>
  ({ column: TYPE_NAMES[type], parquet, spark, delta: DELTA_TYPES[type], fabricSql, note });

export const LAKEHOUSE_TYPES: Readonly<Record<ColumnType, LakehouseType>> = {
  string: row('string', 'BYTE_ARRAY (STRING)', 'STRING', 'varchar(8000)', 'UTF-8'),
  int32: row('int32', 'INT32', 'INT', 'int'),
  int64: row('int64', 'INT64', 'BIGINT', 'bigint'),
  float64: row('float64', 'DOUBLE', 'DOUBLE', 'float', 'money columns hold exact cents: cast to DECIMAL(18,2) before summing'),
  bool: row('bool', 'BOOLEAN', 'BOOLEAN', 'bit'),
  date: row('date', 'INT32 (DATE)', 'DATE', 'date'),
  timestamp: row('timestamp', 'INT64 (TIMESTAMP(MICROS, UTC))', 'TIMESTAMP', 'datetime2(6)', 'UTC instants; Spark shows them in the session time zone'),
};

/**
 * A table's columns as a Spark DDL schema string, for reading CSV or JSON Lines with their declared types.
 * Example: `sparkSchema(SCHEMAS.players)` starts with `player_id STRING, `.
 */
export function sparkSchema(schema: TableSchema): string {
  return schema.columns.map((c) => `${c.name} ${LAKEHOUSE_TYPES[c.type].spark}`).join(', ');
}
