/**
 * A file's size and SHA-256, counted as its bytes stream past on their way to a target: the FileStats every output
 * target reports. The hash is pluggable: the CLI passes Node's native one, the browser targets use noble's.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { FileStats } from './write-run';

export interface StreamHash {
  update(bytes: Uint8Array): unknown;
  /** The digest as lowercase hex (called once, at the end). */
  hex(): string;
}

/** SHA-256 in JavaScript (the same bytes in every runtime). */
export function nobleSha256(): StreamHash {
  const hash = sha256.create();
  return { update: (bytes) => hash.update(bytes), hex: () => bytesToHex(hash.digest()) };
}

export class Measured {
  private bytes = 0;

  constructor(private readonly hash: StreamHash = nobleSha256()) {}

  /** Passes the bytes through, counting and hashing them. */
  async *pass(data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of data) {
      this.hash.update(chunk);
      this.bytes += chunk.length;
      yield chunk;
    }
  }

  /** The size and hash of everything passed, once the stream has ended. */
  stats(): FileStats {
    return { bytes: this.bytes, sha256: this.hash.hex() };
  }
}
