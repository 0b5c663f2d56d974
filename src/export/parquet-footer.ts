/**
 * Reading a Parquet file's footer (its Thrift FileMetaData) from the file's last bytes, and the parquet.thrift field
 * ids the stitcher and the Delta statistics read from it.
 */
import { ExportError } from './export-error';
import { readStruct, type TStruct } from './thrift-compact';

export const MAGIC = new TextEncoder().encode('PAR1');

/** FileMetaData, RowGroup, ColumnChunk and ColumnMetaData field ids (parquet.thrift). */
export const FILE = { numRows: 3, rowGroups: 4 } as const;
export const GROUP = { columns: 1, numRows: 3, fileOffset: 5, ordinal: 7 } as const;
export const CHUNK = { fileOffset: 2, meta: 3, offsetIndexOffset: 4, offsetIndexLength: 5, columnIndexOffset: 6, columnIndexLength: 7 } as const;
export const META = {
  pathInSchema: 3, compressedSize: 7, dataPageOffset: 9, indexPageOffset: 10, dictionaryPageOffset: 11, statistics: 12, bloomFilterOffset: 14,
} as const;

/** Whether the magic `PAR1` sits at `at`. */
export function magicAt(bytes: Uint8Array, at: number): boolean {
  return at >= 0 && MAGIC.every((b, i) => bytes[at + i] === b);
}

/**
 * The footer at the end of `bytes` (a whole file, or only its last bytes) and where it starts; `what` names the
 * file in errors, e.g. `a Parquet segment`.
 */
export function readFooter(bytes: Uint8Array, what: string): { meta: TStruct; footerStart: number } {
  const n = bytes.length;
  if (n < 8 || !magicAt(bytes, n - 4)) throw new ExportError('E_PARQUET', `${what} does not end like a Parquet file`);
  const length = new DataView(bytes.buffer, bytes.byteOffset, n).getUint32(n - 8, true);
  if (length + 8 > n) throw new ExportError('E_PARQUET', `a Parquet footer of ${length} bytes is longer than the ${n} bytes kept of ${what}`);
  const footerStart = n - 8 - length;
  const { struct, end } = readStruct(bytes, footerStart);
  if (end !== n - 8) throw new ExportError('E_PARQUET', `${what} has an unreadable footer`);
  return { meta: struct, footerStart };
}
