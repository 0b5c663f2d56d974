/**
 * HMAC-SHA-256 (RFC 2104, FIPS 180-4) specialised for many short messages under one key: the key's
 * inner and outer pad blocks are compressed once, and each message then costs its own blocks plus
 * one outer block, in preallocated word arrays (no allocation per call). Same bytes as any
 * HMAC-SHA-256; keyed-hash.test.ts checks it against Node's crypto.
 */
import { sha256 } from '@noble/hashes/sha2.js';

const BLOCK = 64;
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** One compression: state ← state + rounds(state, the block whose first 16 words are w[0..16)). */
function compress(state: Int32Array, w: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15];
    const b = w[i - 2];
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let e = state[4];
  let f = state[5];
  let g = state[6];
  let h = state[7];
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
  state[4] += e;
  state[5] += f;
  state[6] += g;
  state[7] += h;
}

/** Loads bytes[from, from + 64) as 16 big-endian words into w. */
function loadBlock(w: Int32Array, bytes: Uint8Array, from: number): void {
  for (let i = 0, at = from; i < 16; i++, at += 4) w[i] = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
}

export class KeyedSha256 {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);
  private readonly state = new Int32Array(8);
  private readonly w = new Int32Array(64);
  private padded = new Uint8Array(2 * BLOCK);

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
    // Inner hash: the message, 0x80, zeros, then the bit length of pad block + message.
    const blocks = Math.ceil((length + 9) / BLOCK);
    if (this.padded.length < blocks * BLOCK) this.padded = new Uint8Array(blocks * BLOCK);
    const padded = this.padded;
    const end = blocks * BLOCK;
    for (let i = 0; i < length; i++) padded[i] = message[i];
    padded[length] = 0x80;
    padded.fill(0, length + 1, end);
    const bits = (BLOCK + length) * 8;
    const high = Math.floor(bits / 2 ** 32);
    for (let i = 0; i < 4; i++) {
      padded[end - 5 - i] = high >>> (8 * i);
      padded[end - 1 - i] = bits >>> (8 * i);
    }
    const { state, w } = this;
    state.set(this.inner);
    for (let b = 0; b < blocks; b++) {
      loadBlock(w, padded, b * BLOCK);
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
