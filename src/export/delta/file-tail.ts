/**
 * The last bytes of a file as it streams past, for its Parquet footer: the newest pieces are kept until they hold
 * at least `limit` bytes besides the newest, so memory stays bounded however large the file grows.
 */
import { concat } from '../rechunk';

/** More than the footer of any file we write (a 50M-row slot file's footer is about 1.5 MB). */
const TAIL_LIMIT = 32 * 1024 * 1024;

export class FileTail {
  private pieces: Uint8Array[] = [];
  private kept = 0;

  constructor(private readonly limit = TAIL_LIMIT) {}

  /** Passes the pieces through, keeping the last ones. */
  async *watch(pieces: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const piece of pieces) {
      this.keep(piece);
      yield piece;
    }
  }

  private keep(piece: Uint8Array): void {
    this.pieces.push(piece);
    this.kept += piece.length;
    while (this.pieces.length > 1 && this.kept - this.pieces[0].length >= this.limit) this.kept -= this.pieces.shift()!.length;
  }

  /** The bytes kept: the file's end. */
  bytes(): Uint8Array {
    return concat(Uint8Array, this.pieces);
  }
}
