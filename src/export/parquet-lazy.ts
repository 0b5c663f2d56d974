/**
 * The Parquet encoder, loaded on first use: it brings apache-arrow and parquet-wasm, which a thread that only joins
 * the workers' files never needs (the CLI's main thread starts its workers about 0.1 s sooner without them).
 */
import type { ColumnBatch } from '../generators/columns';
import type { TableSchema } from '../generators/schema/types';
import type { ParquetOptions } from './parquet';

/** encodeParquet (parquet.ts), imported when first called. */
export async function* encodeParquetLazily(
  schema: TableSchema,
  batches: AsyncIterable<ColumnBatch> | Iterable<ColumnBatch>,
  opts: ParquetOptions,
): AsyncGenerator<Uint8Array, number, undefined> {
  const { encodeParquet } = await import('./parquet');
  return yield* encodeParquet(schema, batches, opts);
}

/**
 * Starts loading the encoder now, for a thread that will encode once its first rows arrive (the CLI's main thread
 * with one worker, while the worker builds the world). A failure here is reported by the first encode.
 */
export function warmParquetEncoder(): void {
  void import('./parquet').catch(() => undefined);
  void import('./parquet-wasm').then(({ loadParquetWasm }) => loadParquetWasm()).catch(() => undefined);
}
