/**
 * Named random streams (SPEC 1.1 "Streams"): the state of stream (purpose, table, index) is the first 16 bytes
 * of SHA-256 of the UTF-8 text `<seed>|<purpose>|<table or ->|<index>`, read as four little-endian uint32.
 *
 * @example openStream(42, 'skeleton', 'slots', 3).uniform()
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { Rng } from './xoshiro';

/** Opens the stream (purpose, table, index) of a seed; `table` null is written `-`. */
export function openStream(seed: number, purpose: string, table: string | null, index: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`stream seed must be an integer (got ${seed})`);
  if (!Number.isSafeInteger(index)) throw new RangeError(`stream index must be an integer (got ${index})`);
  const digest = sha256(utf8ToBytes(`${seed}|${purpose}|${table ?? '-'}|${index}`));
  const state = new Uint32Array(4);
  for (let w = 0; w < 4; w++) {
    const b = 4 * w;
    state[w] = digest[b] | (digest[b + 1] << 8) | (digest[b + 2] << 16) | (digest[b + 3] << 24);
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[3] = 1;
  return new Rng(state);
}
