/**
 * HMAC-SHA-256 (RFC 2104, FIPS 180-4) specialised for many short messages under one key: the key's
 * inner and outer pad blocks are compressed once, and each message then costs its own blocks plus
 * one outer block, in preallocated word arrays (no allocation per call). Same bytes as any
 * HMAC-SHA-256; keyed-hash.test.ts checks it against Node's crypto.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { compress } from './sha256-compress';

const BLOCK = 64;
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** Loads bytes[from, from + 64) as 16 big-endian words into w. */
function loadBlock(w: Int32Array, bytes: Uint8Array, from: number): void {
  for (let i = 0, at = from; i < 16; i++, at += 4) w[i] = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
}

export class KeyedSha256 {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);
  private readonly state = new Int32Array(8);
  private readonly w = new Int32Array(16);

  constructor(key: Uint8Array) {
    const block = new Uint8Array(BLOCK);
    block.set(key.length > BLOCK ? sha256(key) : key);
    for (const [pad, state] of [[0x36, this.inner], [0x5c, this.outer]] as const) {
      state.set(IV);
      loadBlock(this.w, block.map((b) => b ^ pad), 0);
      compress(state, this.w);
    }
  }

  /** Writes the 32-byte MAC of message[0, length) into tag. */
  macInto(message: Uint8Array, length: number, tag: Uint8Array): void {
    // Inner hash: the message, 0x80, zeros, then the bit length of pad block + message, read as words straight
    // from the message (no padded copy): whole words first, the word holding the message's end byte by byte.
    const blocks = Math.ceil((length + 9) / BLOCK);
    const bits = (BLOCK + length) * 8;
    const { state, w } = this;
    state.set(this.inner);
    for (let b = 0, at = 0; b < blocks; b++) {
      for (let i = 0; i < 16; i++, at += 4) {
        if (at + 4 <= length) {
          w[i] = (message[at] << 24) | (message[at + 1] << 16) | (message[at + 2] << 8) | message[at + 3];
          continue;
        }
        let word = 0;
        for (let j = 0; j < 4; j++) word |= (at + j < length ? message[at + j] : at + j === length ? 0x80 : 0) << (24 - 8 * j);
        w[i] = word;
      }
      if (b === blocks - 1) {
        w[14] = Math.floor(bits / 2 ** 32);
        w[15] = bits;
      }
      compress(state, w);
    }
    // Outer hash: one block holding the inner digest, 0x80, zeros and the bit length (64 + 32) × 8.
    for (let i = 0; i < 8; i++) w[i] = state[i];
    w[8] = 0x80000000;
    w.fill(0, 9, 15);
    w[15] = (BLOCK + 32) * 8;
    state.set(this.outer);
    compress(state, w);
    for (let i = 0; i < 8; i++) {
      const v = state[i];
      tag[4 * i] = v >>> 24;
      tag[4 * i + 1] = v >>> 16;
      tag[4 * i + 2] = v >>> 8;
      tag[4 * i + 3] = v;
    }
  }
}
