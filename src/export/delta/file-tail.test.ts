/** The file tail keeps a file's end within its limit, and a footer it cannot hold is a clear error, not bad stats. */
import { describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../generators/schema';
import { encodeTable } from '../encode';
import { fakeChunks } from '../fake-batches';
import { FileTail } from './file-tail';
import { footerStats } from './footer-stats';

async function drain(tail: FileTail, pieces: Uint8Array[]): Promise<Uint8Array[]> {
  const seen: Uint8Array[] = [];
  for await (const piece of tail.watch((async function* () { yield* pieces; })())) seen.push(piece);
  return seen;
}

describe('FileTail', () => {
  it('passes every piece through and keeps at least the last `limit` bytes, dropping older pieces', async () => {
    const pieces = [1, 2, 3, 4, 5].map((n) => new Uint8Array(4).fill(n));
    const tail = new FileTail(6);
    expect(await drain(tail, pieces)).toEqual(pieces);
    expect([...tail.bytes()]).toEqual([4, 4, 4, 4, 5, 5, 5, 5]); // 8 bytes: dropping the 4s would leave fewer than 6
  });

  it('footerStats reads a whole Parquet file and refuses a tail shorter than its footer', async () => {
    const schema = SCHEMAS.security;
    const pieces: Uint8Array[] = [];
    for await (const piece of encodeTable(schema, fakeChunks(schema, 1000), 'parquet', 'snappy')) pieces.push(piece);
    const whole = new FileTail();
    await drain(whole, pieces);
    expect(footerStats(whole.bytes(), schema).numRecords).toBe(1000);
    const file = whole.bytes();
    expect(() => footerStats(file.subarray(file.length - 100), schema)).toThrow(/footer of \d+ bytes is longer than the 100 bytes kept/);
    expect(() => footerStats(file.subarray(0, file.length - 1), schema)).toThrow('does not end like a Parquet file');
  });
});
