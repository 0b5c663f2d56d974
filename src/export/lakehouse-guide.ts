/**
 * The two-line PySpark snippets of the "Load into a lakehouse" guide (issue 6), per format, for a table uploaded
 * under the lakehouse's `Files/` folder: read it, save it as a managed Delta table. CSV and JSON Lines are read
 * with the table's schema (a DDL string from SCHEMAS) so that no type is guessed, and with the timestamp form
 * the text files use (SPEC 13.1).
 */
import type { OutputFormat } from '../generators/scenario/types';
import type { TableSchema } from '../generators/schema';

/** Where the guide assumes the output folder was uploaded. */
export const LAKEHOUSE_FOLDER = 'Files/casino';

/** SPEC 13.1 timestamps (`2026-10-01T00:00:44.635458Z`) as a Spark datetime pattern. */
export const SPARK_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX";

/**
 * The lines that load one table: `path` is its file, or its folder (daily partitions, Delta) under `Files/`.
 * Example: `sparkSnippet('parquet', SCHEMAS.slots, 'Files/casino/bronze_slot_telemetry.parquet')`.
 */
export function sparkSnippet(format: OutputFormat, schema: TableSchema, path: string): string[] {
  const read = {
    parquet: `spark.read.parquet("${path}")`,
    csv: `spark.read.options(header=True, timestampFormat="${SPARK_TIMESTAMP_FORMAT}").schema(schema).csv("${path}")`,
    json: `spark.read.options(timestampFormat="${SPARK_TIMESTAMP_FORMAT}").schema(schema).json("${path}")`,
    delta: `spark.read.format("delta").load("${path}")`,
  }[format];
  return [`df = ${read}`, `df.write.mode("overwrite").saveAsTable("${schema.stem}")`];
}

/** Whether the snippet reads with `schema` (the DDL string shown with it). */
export const needsSchema = (format: OutputFormat): boolean => format === 'csv' || format === 'json';
