/**
 * Streaming Parquet encoder (SPEC 13.2): whole 65,536-row chunks in, one output chunk per
 * row group out, through parquet-wasm's `transformParquetStream`. Memory stays flat: at most
 * one input chunk and one row group are in flight. Writer settings are pinned so the same rows
 * give the same bytes (STACK_NOTES: bytes depend on batch sizes and writer settings).
 */
import type * as ParquetWasm from 'parquet-wasm';
import type { ColumnBatch } from '../generators/columns';
import type { TableSchema } from '../generators/schema/types';
import { CHUNK_ROWS } from '../generators/tables';
import { DESCRIPTIONS_METADATA_KEY, describeColumns } from './arrow';
import { ExportError } from './export-error';
import { IpcStreamEncoder } from './ipc-stream';
import { columnEncoding } from './parquet-columns';
import { PARQUET_CREATED_BY, ROW_GROUP_ROWS } from './parquet-layout';
import { loadParquetWasm, type ParquetWasmModule } from './parquet-wasm';

export type ParquetCompression = 'snappy' | 'zstd' | 'none';

export interface ParquetOptions {
  compression: ParquetCompression;
}

/**
 * Encodes a table as Parquet. Every batch but the last must hold exactly 65,536 rows.
 * The generator's return value is the row count.
 * Example: `for await (const bytes of encodeParquet(SCHEMAS.slots, chunks, { compression: 'snappy' })) sink.write(bytes);`
 */
export async function* encodeParquet(
  schema: TableSchema,
  batches: AsyncIterable<ColumnBatch> | Iterable<ColumnBatch>,
  opts: ParquetOptions,
): AsyncGenerator<Uint8Array, number, undefined> {
  return yield* encodeParquetWith(await loadParquetWasm(), schema, batches, opts);
}

/** encodeParquet with an explicit parquet-wasm module (Node build or initialised browser build). */
export async function* encodeParquetWith(
  pw: ParquetWasmModule,
  schema: TableSchema,
  batches: AsyncIterable<ColumnBatch> | Iterable<ColumnBatch>,
  opts: ParquetOptions,
): AsyncGenerator<Uint8Array, number, undefined> {
  const ipc = new IpcStreamEncoder(schema);
  const source = new ChunkSource(schema, batches);
  try {
    const first = await source.next();
    if (first === null) {
      yield writeEmptyTable(pw, schema, ipc, opts);
      return 0;
    }
    let pending: ParquetWasm.RecordBatch | null = toWasmBatch(pw, schema, ipc, first);
    let failure: unknown = null;
    let stopped = false;
    const input = new ReadableStream<ParquetWasm.RecordBatch>(
      {
        async pull(controller) {
          try {
            if (pending !== null) {
              controller.enqueue(pending);
              pending = null;
              return;
            }
            const batch = stopped ? null : await source.next();
            if (batch === null) return controller.close();
            await macrotask(); // lets the writer flush before the next chunk (STACK_NOTES)
            controller.enqueue(toWasmBatch(pw, schema, ipc, batch));
          } catch (error) {
            // Closing (not erroring) the input: the writer skips errored items silently.
            failure = error;
            controller.close();
          }
        },
      },
      { highWaterMark: 0 },
    );
    const output: ReadableStream<Uint8Array> = await pw.transformParquetStream(
      input,
      writerProperties(pw, schema, opts),
    );
    const reader = output.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (failure !== null) throw failure;
        if (done) break;
        yield value;
      }
    } finally {
      stopped = true;
      await reader.cancel();
    }
    return source.rows;
  } finally {
    await source.close();
  }
}

/** Pinned writer settings: every value that affects the bytes is set explicitly, per column from the schema. */
function writerProperties(pw: ParquetWasmModule, schema: TableSchema, opts: ParquetOptions): ParquetWasm.WriterProperties {
  let builder = new pw.WriterPropertiesBuilder()
    .setWriterVersion(pw.WriterVersion.V1)
    .setCompression(compressionOf(pw, opts.compression))
    .setMaxRowGroupSize(ROW_GROUP_ROWS)
    .setCreatedBy(PARQUET_CREATED_BY)
    .setDictionaryEnabled(true)
    .setStatisticsEnabled(pw.EnabledStatistics.Chunk)
    .setDataPageSizeLimit(1024 * 1024)
    .setDictionaryPageSizeLimit(1024 * 1024)
    .setWriteBatchSize(1024)
    .setKeyValueMetadata(new Map([[DESCRIPTIONS_METADATA_KEY, describeColumns(schema)]]));
  for (const column of schema.columns) {
    const { dictionary, statistics } = columnEncoding(column);
    if (!dictionary) builder = builder.setColumnDictionaryEnabled(column.name, false);
    if (!statistics) builder = builder.setColumnStatisticsEnabled(column.name, pw.EnabledStatistics.None);
  }
  return builder.build();
}

/** parquet-wasm's ZSTD is parquet-rs `ZstdLevel::default()`, which is level 3 (SPEC 13.2). */
function compressionOf(pw: ParquetWasmModule, compression: ParquetCompression): ParquetWasm.Compression {
  switch (compression) {
    case 'snappy':
      return pw.Compression.SNAPPY;
    case 'zstd':
      return pw.Compression.ZSTD;
    case 'none':
      return pw.Compression.UNCOMPRESSED;
  }
}

/** The streaming writer rejects an empty stream; a 0-row table keeps the schema (I1). */
function writeEmptyTable(
  pw: ParquetWasmModule,
  schema: TableSchema,
  ipc: IpcStreamEncoder,
  opts: ParquetOptions,
): Uint8Array {
  const table = pw.Table.fromIPCStream(ipc.empty());
  return pw.writeParquet(table, writerProperties(pw, schema, opts));
}

/** ColumnBatch -> wasm-side batch, via IPC bytes (STACK_NOTES). */
function toWasmBatch(
  pw: ParquetWasmModule,
  schema: TableSchema,
  ipc: IpcStreamEncoder,
  batch: ColumnBatch,
): ParquetWasm.RecordBatch {
  const table = ipc.encode(batch, (stream) => pw.Table.fromIPCStream(stream));
  try {
    const wasmBatch = table.recordBatch(0);
    if (wasmBatch === undefined || wasmBatch.numRows !== batch.length) {
      throw new ExportError('E_PARQUET', `${schema.stem}: a ${batch.length}-row chunk did not reach the Parquet writer`);
    }
    return wasmBatch;
  } finally {
    table.free();
  }
}

/** Pulls batches, enforcing whole chunks (SPEC 3.2) and counting rows. */
class ChunkSource {
  rows = 0;
  private sawShort = false;
  private readonly iterator: AsyncIterator<ColumnBatch> | Iterator<ColumnBatch>;

  constructor(
    private readonly schema: TableSchema,
    batches: AsyncIterable<ColumnBatch> | Iterable<ColumnBatch>,
  ) {
    this.iterator = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  }

  /** The next non-empty batch, or null at the end. */
  async next(): Promise<ColumnBatch | null> {
    for (;;) {
      const step = await this.iterator.next();
      if (step.done) return null;
      const batch = step.value;
      if (batch.length > CHUNK_ROWS || (this.sawShort && batch.length > 0)) {
        throw new ExportError(
          'E_CHUNKING',
          `${this.schema.stem}: batches must be whole ${CHUNK_ROWS}-row chunks (only the last may be shorter); ` +
            `got ${batch.length} rows after row ${this.rows}`,
        );
      }
      if (batch.length < CHUNK_ROWS) this.sawShort = true;
      if (batch.length === 0) continue;
      this.rows += batch.length;
      return batch;
    }
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
