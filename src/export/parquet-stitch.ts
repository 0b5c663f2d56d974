/**
 * Joins Parquet files of whole row groups, encoded in parallel by workers, into the one file a single writer
 * would have written from the same rows: byte for byte, since each row group's pages depend only on its own
 * rows. A segment's row-group bytes are copied through as they come; its column indexes and offset indexes
 * (the page index, written after all row groups: column indexes first, then offset indexes) and its footer
 * entries are kept, shifted to their new positions, and written at the end. Memory: the page indexes and
 * footer entries only, kept serialized (kilobytes per row group).
 */
import { ExportError } from './export-error';
import { concat } from './rechunk';
import { CHUNK, FILE, GROUP, MAGIC, META, magicAt, readFooter } from './parquet-footer';
import { intField, listField, readStruct, setIntField, structField, T, writeStruct, type TRawStruct, type TStruct } from './thrift-compact';

/** OffsetIndex and PageLocation field ids (parquet.thrift). */
const OFFSET_INDEX_PAGES = 1;
const PAGE_OFFSET = 1;

/**
 * A row group as kept until the footer is written: serialized (a few kilobytes, where the parsed form took
 * ~200 KB of heap per slot row group), with its column chunks' page indexes, the offset indexes already shifted.
 */
interface StoredGroup {
  readonly bytes: Uint8Array;
  readonly columnIndexes: readonly (Uint8Array | null)[];
  readonly offsetIndexes: readonly (Uint8Array | null)[];
}

export class ParquetStitcher {
  /** Bytes emitted so far (the next row group starts here). */
  private position = MAGIC.length;
  private rows = 0;
  private meta: TStruct | null = null;
  private readonly groups: StoredGroup[] = [];

  /** The file's first bytes. */
  start(): Uint8Array {
    return MAGIC.slice();
  }

  /** Takes one complete Parquet file of whole row groups; returns its row-group bytes, to emit next. */
  add(file: Uint8Array): Uint8Array {
    if (file.length < 12 || !magicAt(file, 0) || !magicAt(file, file.length - 4)) throw new ExportError('E_PARQUET', 'a Parquet segment is not a Parquet file');
    const { meta, footerStart } = readFooter(file, 'a Parquet segment');
    const groups = listField(meta, FILE.rowGroups) as TStruct[];
    let dataEnd = MAGIC.length;
    for (const group of groups) for (const chunk of listField(group, GROUP.columns) as TStruct[]) dataEnd += intField(structField(chunk, CHUNK.meta), META.compressedSize)!;
    if (dataEnd > footerStart) throw new ExportError('E_PARQUET', 'a Parquet segment has row groups beyond its footer');
    const shift = this.position - MAGIC.length;
    for (const group of groups) {
      shiftField(group, GROUP.fileOffset, shift);
      if (intField(group, GROUP.ordinal) !== undefined) setIntField(group, GROUP.ordinal, this.groups.length);
      const chunks = listField(group, GROUP.columns) as TStruct[];
      for (const chunk of chunks) {
        const chunkMeta = structField(chunk, CHUNK.meta);
        for (const id of [META.dataPageOffset, META.indexPageOffset, META.dictionaryPageOffset, META.bloomFilterOffset]) shiftField(chunkMeta, id, shift);
        if (intField(chunk, CHUNK.fileOffset)) shiftField(chunk, CHUNK.fileOffset, shift);
      }
      this.groups.push({
        bytes: writeStruct(group),
        columnIndexes: chunks.map((chunk) => columnIndexOf(file, chunk, dataEnd)),
        offsetIndexes: chunks.map((chunk) => offsetIndexOf(file, chunk, dataEnd, shift)),
      });
      this.rows += intField(group, GROUP.numRows)!;
    }
    if (!this.meta) {
      this.meta = meta;
      listField(meta, FILE.rowGroups).length = 0; // the row groups are kept serialized above
    }
    this.position += dataEnd - MAGIC.length;
    return file.subarray(MAGIC.length, dataEnd);
  }

  /** The page indexes and footer, once every segment was added. */
  finish(): Uint8Array {
    if (!this.meta) throw new ExportError('E_PARQUET', 'no Parquet segment to stitch');
    const parts: Uint8Array[] = [];
    let at = this.position;
    // Column indexes of every row group first, then the offset indexes, as one writer lays them out.
    const place = (indexes: readonly (Uint8Array | null)[]) =>
      indexes.map((bytes) => {
        if (!bytes) return -1;
        parts.push(bytes);
        at += bytes.length;
        return at - bytes.length;
      });
    const columnIndexAt = this.groups.map((g) => place(g.columnIndexes));
    const offsetIndexAt = this.groups.map((g) => place(g.offsetIndexes));
    // One row group parsed at a time, and serialized again at once: the footer never holds them all as objects.
    const groups: TRawStruct[] = this.groups.map((stored, g) => {
      const { struct } = readStruct(stored.bytes);
      (listField(struct, GROUP.columns) as TStruct[]).forEach((chunk, c) => {
        if (columnIndexAt[g][c] >= 0) setIntField(chunk, CHUNK.columnIndexOffset, columnIndexAt[g][c]);
        if (offsetIndexAt[g][c] >= 0) {
          setIntField(chunk, CHUNK.offsetIndexOffset, offsetIndexAt[g][c]);
          setIntField(chunk, CHUNK.offsetIndexLength, stored.offsetIndexes[c]!.length);
        }
      });
      return { type: T.STRUCT, raw: writeStruct(struct) };
    });
    setIntField(this.meta, FILE.numRows, this.rows);
    const rowGroups = this.meta.fields.find((f) => f.id === FILE.rowGroups)!;
    rowGroups.value = { type: T.LIST, elementType: T.STRUCT, items: groups };
    const footer = writeStruct(this.meta);
    const tail = new Uint8Array(8);
    new DataView(tail.buffer).setUint32(0, footer.length, true);
    tail.set(MAGIC, 4);
    parts.push(footer, tail);
    return concat(Uint8Array, parts);
  }
}

/** Stitches segments in order into one Parquet file, streaming the row groups through. */
export async function* stitchParquet(segments: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const stitcher = new ParquetStitcher();
  yield stitcher.start();
  for await (const segment of segments) yield stitcher.add(segment);
  yield stitcher.finish();
}

function shiftField(struct: TStruct, id: number, shift: number): void {
  const value = intField(struct, id);
  if (value !== undefined) setIntField(struct, id, value + shift);
}

/** The column index bytes (position-free), copied out of the segment. */
function columnIndexOf(file: Uint8Array, chunk: TStruct, dataEnd: number): Uint8Array | null {
  const offset = intField(chunk, CHUNK.columnIndexOffset);
  const length = intField(chunk, CHUNK.columnIndexLength);
  if (offset === undefined || length === undefined) return null;
  if (offset < dataEnd || offset + length > file.length) throw new ExportError('E_PARQUET', 'a Parquet segment has a misplaced column index');
  return file.slice(offset, offset + length);
}

/** The offset index, its page offsets moved by `shift`, serialized again. */
function offsetIndexOf(file: Uint8Array, chunk: TStruct, dataEnd: number, shift: number): Uint8Array | null {
  const offset = intField(chunk, CHUNK.offsetIndexOffset);
  const length = intField(chunk, CHUNK.offsetIndexLength);
  if (offset === undefined || length === undefined) return null;
  if (offset < dataEnd) throw new ExportError('E_PARQUET', 'a Parquet segment has a misplaced offset index');
  const { struct, end } = readStruct(file, offset);
  if (end !== offset + length) throw new ExportError('E_PARQUET', 'a Parquet segment has an unreadable offset index');
  for (const page of listField(struct, OFFSET_INDEX_PAGES) as TStruct[]) shiftField(page, PAGE_OFFSET, shift);
  return writeStruct(struct);
}
