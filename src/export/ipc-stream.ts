/**
 * ColumnBatch -> Arrow IPC stream bytes, the only input parquet-wasm takes (STACK_NOTES), written
 * straight into one buffer: each column buffer is copied once, int64 is widened and booleans are
 * packed in place, and the table's Schema message is encoded once, not per chunk.
 *
 * Format (https://arrow.apache.org/docs/format/Columnar.html, "Serialization and Interprocess
 * Communication"): a stream is the Schema message, record batch messages, then the end marker
 * 0xFFFFFFFF 0x00000000. A message is 0xFFFFFFFF, an int32 size, the Message flatbuffer padded to a
 * multiple of 8 bytes, then the body. The body holds each column's buffers in field order, every
 * buffer padded to 8 bytes: validity (empty when there are no nulls), then offsets and UTF-8 bytes,
 * or the values. The flatbuffers come from apache-arrow's own encoder, and the bytes equal those of
 * its stream writer (tests compare them).
 */
import * as arrow from 'apache-arrow';
// The RecordBatch message classes are not exported by the package root; its exports map allows this path.
import { BufferRegion, FieldNode, RecordBatch as RecordBatchHeader } from 'apache-arrow/ipc/metadata/message';
import type { ColumnBatch, ColumnData } from '../generators/columns';
import type { TableSchema } from '../generators/schema/types';
import { packValidity, toArrowSchema, writeBits, writeInt64 } from './arrow';
import { validateBatch } from './validate-batch';

/** Continuation marker + int32 size in front of every message's flatbuffer. */
const PREFIX_BYTES = 8;
const END_OF_STREAM = new Uint8Array(new Int32Array([-1, 0]).buffer);

interface Layout {
  /** Validity bitmap (none without nulls) and null count per column. */
  validity: ReturnType<typeof packValidity>[];
  /** Unpadded size of each body buffer. */
  sizes: number[];
  regions: BufferRegion[];
  /** The RecordBatch message. */
  flatbuffer: Uint8Array;
  bodyStart: number;
  /** Bytes of the whole stream. */
  size: number;
}

/** IPC streams of one table: the schema encoded once, each batch as a stream of its own. */
export class IpcStreamEncoder {
  private readonly schemaMessage: Uint8Array;

  constructor(
    private readonly schema: TableSchema,
    arrowSchema: arrow.Schema = toArrowSchema(schema),
  ) {
    const flatbuffer = arrow.Message.encode(arrow.Message.from(arrowSchema));
    this.schemaMessage = new Uint8Array(PREFIX_BYTES + align8(flatbuffer.length));
    writeMessagePrefix(this.schemaMessage, 0, flatbuffer);
  }

  /** The stream of a table with no rows (schema only). */
  empty(): Uint8Array {
    const out = new Uint8Array(this.schemaMessage.length + END_OF_STREAM.length);
    out.set(this.schemaMessage);
    out.set(END_OF_STREAM, this.schemaMessage.length);
    return out;
  }

  /**
   * Passes `use` the stream of `batch` as one record batch (after validateBatch) and returns its
   * result. The bytes live in a buffer reused by the next encode, so they are valid only during
   * `use`: parquet-wasm's `Table.fromIPCStream` copies them into wasm memory at once.
   */
  encode<T>(batch: ColumnBatch, use: (stream: Uint8Array) => T): T {
    validateBatch(this.schema, batch);
    const layout = this.layout(batch);
    const buffer = borrowBuffer(layout.size);
    try {
      const out = buffer.subarray(0, layout.size);
      this.write(out, batch, layout);
      return use(out);
    } finally {
      spareBuffer = buffer;
    }
  }

  /** Where everything goes: body buffer sizes and regions, and the RecordBatch message. */
  private layout({ length, columns }: ColumnBatch): Layout {
    const validity = columns.map((column) => packValidity(column.valid, length));
    const sizes = columns.flatMap((column, c) => bufferSizes(column, length, validity[c].nullCount));
    const regions: BufferRegion[] = [];
    let bodyLength = 0;
    for (const size of sizes) {
      regions.push(new BufferRegion(bodyLength, align8(size)));
      bodyLength += align8(size);
    }
    const nodes = validity.map((v) => new FieldNode(length, v.nullCount));
    const header = new RecordBatchHeader(length, nodes, regions, null);
    // The constructor, not Message.from: no instanceof check that a second copy of the module would fail.
    const message = new arrow.Message(bodyLength, arrow.MetadataVersion.V5, arrow.MessageHeader.RecordBatch, header);
    const flatbuffer = arrow.Message.encode(message);
    const bodyStart = this.schemaMessage.length + PREFIX_BYTES + align8(flatbuffer.length);
    return { validity, sizes, regions, flatbuffer, bodyStart, size: bodyStart + bodyLength + END_OF_STREAM.length };
  }

  private write(out: Uint8Array, { length, columns }: ColumnBatch, layout: Layout): void {
    const { validity, sizes, regions, flatbuffer, bodyStart } = layout;
    out.set(this.schemaMessage);
    writeMessagePrefix(out, this.schemaMessage.length, flatbuffer);
    const words = new Int32Array(out.buffer); // the buffer's length is a multiple of 8
    let r = 0;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      const at = (i: number) => bodyStart + regions[r + i].offset;
      const { nullBitmap, nullCount } = validity[c];
      if (nullBitmap) out.set(nullBitmap, at(0));
      writeValues(column, length, nullCount, out, words, at(1));
      if (column.type === 'string') copyBytes(column.bytes.subarray(column.offsets[0], column.offsets[length]), out, at(2));
      r += column.type === 'string' ? 3 : 2;
    }
    // The buffer holds the previous batch: zero every padding so the bytes depend on this batch alone.
    for (let i = 0; i < sizes.length; i++) {
      const start = bodyStart + regions[i].offset;
      out.fill(0, start + sizes[i], start + regions[i].length);
    }
    out.set(END_OF_STREAM, out.length - END_OF_STREAM.length);
  }
}

/*
 * One buffer per thread, lent to one encode at a time: a fresh 10-20 MB buffer per chunk paid its
 * page faults and garbage collection every time. A nested encode (from `use`) gets a new one.
 */
let spareBuffer: Uint8Array = new Uint8Array(0);

function borrowBuffer(size: number): Uint8Array {
  const spare = spareBuffer;
  spareBuffer = new Uint8Array(0);
  // Grown by at least a quarter; a multiple of 8 so that it can be viewed as 32-bit words.
  return spare.length >= size ? spare : new Uint8Array(align8(Math.max(size, spare.length * 1.25)));
}

/** Unpadded byte sizes of a column's body buffers, in the order the format reads them. */
function bufferSizes(column: ColumnData, length: number, nulls: number): number[] {
  const validity = nulls > 0 ? (length + 7) >> 3 : 0;
  switch (column.type) {
    case 'string':
      return [validity, 4 * (length + 1), column.offsets[length] - column.offsets[0]];
    case 'int32':
    case 'date':
      return [validity, 4 * length];
    case 'int64':
    case 'timestamp':
    case 'float64':
      return [validity, 8 * length];
    case 'bool':
      return [validity, (length + 7) >> 3];
  }
}

/** Writes the buffer after validity: string offsets (from 0) or the values. */
function writeValues(column: ColumnData, length: number, nulls: number, out: Uint8Array, words: Int32Array, at: number): void {
  switch (column.type) {
    case 'string': {
      const { offsets } = column;
      const base = offsets[0];
      if (base === 0) copyBytes(offsets.subarray(0, length + 1), out, at);
      else for (let i = 0; i <= length; i++) words[(at >> 2) + i] = offsets[i] - base;
      return;
    }
    case 'int32':
    case 'date':
    case 'float64':
      return copyBytes(column.values.subarray(0, length), out, at);
    case 'int64':
    case 'timestamp':
      return writeInt64(column.values.subarray(0, length), words, at >> 2);
    case 'bool':
      // An all-null column gets zero bits, as apache-arrow writes it.
      if (nulls < length) writeBits(column.values, length, out, at);
      else out.fill(0, at, at + ((length + 7) >> 3));
  }
}

function copyBytes(values: Int32Array | Float64Array | Uint8Array, out: Uint8Array, at: number): void {
  out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), at);
}

/** Continuation marker, padded size, flatbuffer and zero padding at `at`. */
function writeMessagePrefix(out: Uint8Array, at: number, flatbuffer: Uint8Array): void {
  const view = new DataView(out.buffer, out.byteOffset + at);
  const padded = align8(flatbuffer.length);
  view.setInt32(0, -1, true);
  view.setInt32(4, padded, true);
  out.set(flatbuffer, at + PREFIX_BYTES);
  out.fill(0, at + PREFIX_BYTES + flatbuffer.length, at + PREFIX_BYTES + padded);
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
