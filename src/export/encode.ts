/** One entry point for the three output formats (SPEC 13). */
import type { ColumnBatch } from '../generators/columns';
import type { TableSchema } from '../generators/schema/types';
import type { Compression, OutputFormat } from '../generators/scenario/types';
import { encodeCsv } from './csv';
import { encodeJsonl } from './jsonl';
import { encodeParquet } from './parquet';
import { rechunk } from './rechunk';

/** File name of a table: `<stem>.parquet|.csv|.json` (SPEC 13.1). */
export function fileName(schema: TableSchema, format: OutputFormat): string {
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
  if (format === 'parquet') return encodeParquet(schema, chunks, { compression });
  if (format === 'csv') return encodeCsv(schema, chunks);
  return encodeJsonl(schema, chunks);
}
