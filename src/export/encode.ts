/** One entry point for the output formats (SPEC 13; a Delta table's data files are Parquet). */
import type { ColumnBatch } from '../generators/columns';
import type { TableSchema } from '../generators/schema/types';
import { writesParquet, type Compression, type OutputFormat } from '../generators/scenario/types';
import { encodeCsv } from './csv';
import { encodeJsonl } from './jsonl';
import { encodeParquetLazily } from './parquet-lazy';
import { rechunk } from './rechunk';

/** How a format's data files are encoded: a Delta table's are Parquet. */
export type FileEncoding = Exclude<OutputFormat, 'delta'>;

export function encodingOf(format: OutputFormat): FileEncoding {
  return format === 'delta' ? 'parquet' : format;
}

/** File name of a table: `<stem>.parquet|.csv|.json` (SPEC 13.1). */
export function fileName(schema: TableSchema, format: FileEncoding): string {
  return `${schema.stem}.${format}`;
}

/** Encodes a table from batches of any size (re-cut into whole chunks first). */
export function encodeTable(
  schema: TableSchema,
  batches: AsyncIterable<ColumnBatch> | Iterable<ColumnBatch>,
  format: OutputFormat,
  compression: Compression,
): AsyncIterable<Uint8Array> {
  const chunks = rechunk(batches);
  if (writesParquet(format)) return encodeParquetLazily(schema, chunks, { compression });
  if (format === 'csv') return encodeCsv(schema, chunks);
  return encodeJsonl(schema, chunks);
}
