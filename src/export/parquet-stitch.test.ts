import { afterAll, describe, expect, it } from 'vitest';
import { chunkGroups } from '../generators/chunks';
import type { ColumnBatch } from '../generators/columns';
import type { TablePlan } from '../generators/engine';
import { SCHEMAS } from '../generators/schema/index';
import { CHUNK_ROWS } from '../generators/tables';
import { ExportError } from './export-error';
import { fakeChunks } from './fake-batches';
import { encodeParquet, type ParquetCompression } from './parquet';
import { encodeSegment, rowGroupUnits } from './segments';
import { ParquetStitcher, stitchParquet } from './parquet-stitch';
import { collect, makeTempDir, query } from './test-helpers';
import { readStruct, writeStruct } from './thrift-compact';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
const schema = SCHEMAS.slots;

function planOf(rows: number, groups = chunkGroups(rows)): TablePlan {
  return { key: 'slots', rows, groups };
}

/** The file as workers would write it: each unit of `plan` encoded alone, then stitched in order. */
async function stitched(plan: TablePlan, chunks: readonly ColumnBatch[], compression: ParquetCompression): Promise<Uint8Array> {
  const first = plan.groups[0][0];
  const segments = await Promise.all(
    rowGroupUnits(plan).map((unit) => {
      const from = unit.groups[0][0] - first;
      const to = unit.groups.at(-1)![0] + unit.groups.at(-1)![1] - first;
      return encodeSegment(schema, chunks.slice(from, to), { format: 'parquet', compression }, from === 0);
    }),
  );
  return bytesOf(stitchParquet((async function* () { yield* segments; })()));
}

async function bytesOf(pieces: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const piece of pieces) parts.push(piece);
  return new Uint8Array(Buffer.concat(parts));
}

describe('Parquet stitching', () => {
  it.each([
    ['a short last chunk merged into the one before', 3 * CHUNK_ROWS + 1_000, 'snappy'],
    ['two whole chunks', 2 * CHUNK_ROWS, 'zstd'],
    ['one partial chunk', 12_345, 'none'],
    ['three chunks, the last over half a chunk', 2 * CHUNK_ROWS + 40_000, 'snappy'],
  ] as const)('gives the single writer\'s bytes: %s', async (_, rows, compression) => {
    const chunks = [...fakeChunks(schema, rows)];
    const single = (await collect(encodeParquet(schema, chunks, { compression }))).bytes;
    const joined = await stitched(planOf(rows), chunks, compression);
    expect(joined.length).toBe(single.length);
    expect(Buffer.compare(Buffer.from(joined), Buffer.from(single))).toBe(0);
    const path = temp.write(`stitched-${rows}.parquet`, joined);
    const [{ n }] = await query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${path}')`);
    expect(n).toBe(rows);
  });

  it('aligns row groups on the plan\'s own first chunk (a shard may start on an odd chunk)', async () => {
    const rows = 5 * CHUNK_ROWS;
    const shard = planOf(4 * CHUNK_ROWS, chunkGroups(rows).slice(1)); // chunks 1..4
    expect(rowGroupUnits(shard).map((u) => u.groups.map(([f]) => f))).toEqual([[1, 2], [3, 4]]);
    const chunks = [...fakeChunks(schema, rows)].slice(1);
    const single = (await collect(encodeParquet(schema, chunks, { compression: 'snappy' }))).bytes;
    expect(Buffer.compare(Buffer.from(await stitched(shard, chunks, 'snappy')), Buffer.from(single))).toBe(0);
  });

  it('cuts units after whole row groups only', () => {
    expect(rowGroupUnits(planOf(5 * CHUNK_ROWS + 1_000)).map((u) => u.groups)).toEqual([
      [[0, 1], [1, 1]],
      [[2, 1], [3, 1]],
      [[4, 2]],
    ]);
    expect(rowGroupUnits(planOf(2 * CHUNK_ROWS + 1_000)).map((u) => u.groups)).toEqual([[[0, 1], [1, 2]]]);
    expect(rowGroupUnits(planOf(0))).toEqual([]);
  });

  it('reads and writes footers and page indexes losslessly (Thrift compact protocol)', async () => {
    const file = (await collect(encodeParquet(schema, [...fakeChunks(schema, 3 * CHUNK_ROWS)], { compression: 'snappy' }))).bytes;
    const length = Buffer.from(file).readUInt32LE(file.length - 8);
    const footer = file.subarray(file.length - 8 - length, file.length - 8);
    const { struct, end } = readStruct(footer);
    expect(end).toBe(footer.length);
    expect(Buffer.compare(Buffer.from(writeStruct(struct)), Buffer.from(footer))).toBe(0);
  });

  it('refuses what is not a Parquet file, and finishing without segments', () => {
    expect(() => new ParquetStitcher().add(new TextEncoder().encode('PAR1 not really a parquet PAR1'))).toThrow(ExportError);
    expect(() => new ParquetStitcher().add(new Uint8Array(64))).toThrow(/not a Parquet file/);
    expect(() => new ParquetStitcher().finish()).toThrow(/no Parquet segment/);
  });
});
