import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../generators/schema/index';
import { CHUNK_ROWS } from '../generators/tables';
import { DESCRIPTIONS_METADATA_KEY } from './arrow';
import { ExportError } from './export-error';
import { MINI_SCHEMA, fakeBatch, fakeChunks, fakeIsNull, fakeValue } from './fake-batches';
import { encodeParquet } from './parquet';
import { PARQUET_CREATED_BY, ROW_GROUP_ROWS } from './parquet-layout';
import { DUCKDB_TYPES, collect, comparableSelect, makeTempDir, normalise, query } from './test-helpers';
import type { TableSchema } from '../generators/schema/types';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
const slots = SCHEMAS.slots;

async function describeFile(path: string) {
  return query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${path}'))`);
}

async function repetitions(path: string) {
  const rows = await query(`SELECT name, repetition_type FROM parquet_schema('${path}') WHERE num_children IS NULL`);
  return rows.map((r) => [r.name, r.repetition_type]);
}

function expectedSchema(schema: TableSchema) {
  return {
    describe: schema.columns.map((c) => ({ column_name: c.name, column_type: DUCKDB_TYPES[c.type] })),
    repetitions: schema.columns.map((c) => [c.name, c.nullable ? 'OPTIONAL' : 'REQUIRED']),
  };
}

/** Compares every `step`-th row of a Parquet file with the fake values it was written from. */
async function expectFakeRows(schema: TableSchema, path: string, step: number) {
  const rows = await query(
    `SELECT file_row_number AS "#", ${comparableSelect(schema)} FROM read_parquet('${path}', file_row_number = true)
     WHERE file_row_number % ${step} = 0 ORDER BY file_row_number`,
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    const row = Number(r['#']);
    schema.columns.forEach((spec, c) => {
      const expected = fakeIsNull(spec, row, c) ? null : fakeValue(spec, row, c);
      expect(normalise(spec, r[spec.name]), `${spec.name} row ${row}`).toEqual(expected);
    });
  }
}

describe('encodeParquet (SPEC 13.2)', () => {
  it('I2 columns, order, types and required/optional are the schema; values round-trip', async () => {
    const { bytes, rows } = await collect(encodeParquet(MINI_SCHEMA, fakeChunks(MINI_SCHEMA, 70_000), { compression: 'none' }));
    expect(rows).toBe(70_000);
    const path = temp.write('mini.parquet', bytes);
    const expected = expectedSchema(MINI_SCHEMA);
    expect(await describeFile(path)).toEqual(expected.describe);
    expect(await repetitions(path)).toEqual(expected.repetitions);
    expect(await query(`SELECT count(*)::INT AS n FROM '${path}'`)).toEqual([{ n: 70_000 }]);
    await expectFakeRows(MINI_SCHEMA, path, 7);
  });

  it('slots: row groups of exactly 131,072 rows, one output chunk per row group, metadata', async () => {
    const { bytes, rows, parts } = await collect(encodeParquet(slots, fakeChunks(slots, 300_000), { compression: 'snappy' }));
    expect(rows).toBe(300_000);
    expect(parts).toBeGreaterThanOrEqual(3);
    const path = temp.write('slots.parquet', bytes);
    const groups = await query(
      `SELECT row_group_id::INT AS id, any_value(row_group_num_rows)::INT AS n, any_value(compression) AS codec
       FROM parquet_metadata('${path}') GROUP BY ALL ORDER BY id`,
    );
    expect(groups).toEqual([
      { id: 0, n: ROW_GROUP_ROWS, codec: 'SNAPPY' },
      { id: 1, n: ROW_GROUP_ROWS, codec: 'SNAPPY' },
      { id: 2, n: 300_000 - 2 * ROW_GROUP_ROWS, codec: 'SNAPPY' },
    ]);
    expect(await query(`SELECT created_by FROM parquet_file_metadata('${path}')`)).toEqual([{ created_by: PARQUET_CREATED_BY }]);
    const kv = await query(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${path}')`);
    const descriptions = kv.find((r) => r.k === DESCRIPTIONS_METADATA_KEY);
    expect(JSON.parse(descriptions!.v as string)).toEqual(Object.fromEntries(slots.columns.map((c) => [c.name, c.description])));
    const expected = expectedSchema(slots);
    expect(await describeFile(path)).toEqual(expected.describe);
    expect(await repetitions(path)).toEqual(expected.repetitions);
    await expectFakeRows(slots, path, 997);
  });

  it('the same rows give byte-identical files (zstd)', async () => {
    const encode = () => collect(encodeParquet(slots, fakeChunks(slots, CHUNK_ROWS + 1234), { compression: 'zstd' }));
    const [a, b] = [await encode(), await encode()];
    expect(a.bytes.length).toBeGreaterThan(1000);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const path = temp.write('zstd.parquet', a.bytes);
    expect(await query(`SELECT DISTINCT compression FROM parquet_metadata('${path}')`)).toEqual([{ compression: 'ZSTD' }]);
  });

  it('I1 an empty table keeps its full schema', async () => {
    for (const input of [[], [fakeBatch(slots, 0, 0)]]) {
      const { bytes, rows, parts } = await collect(encodeParquet(slots, input, { compression: 'snappy' }));
      expect([rows, parts]).toEqual([0, 1]);
      const path = temp.write('empty.parquet', bytes);
      expect(await query(`SELECT count(*)::INT AS n FROM '${path}'`)).toEqual([{ n: 0 }]);
      const expected = expectedSchema(slots);
      expect(await describeFile(path)).toEqual(expected.describe);
      expect(await repetitions(path)).toEqual(expected.repetitions);
    }
  });

  it('accepts async batch sources', async () => {
    async function* source() {
      yield* fakeChunks(MINI_SCHEMA, CHUNK_ROWS + 10);
    }
    const sync = await collect(encodeParquet(MINI_SCHEMA, fakeChunks(MINI_SCHEMA, CHUNK_ROWS + 10), { compression: 'snappy' }));
    const async = await collect(encodeParquet(MINI_SCHEMA, source(), { compression: 'snappy' }));
    expect(Buffer.compare(sync.bytes, async.bytes)).toBe(0);
  });

  it('SPEC 3.2 rejects batches that are not whole 65,536-row chunks', async () => {
    const shortFirst = [fakeBatch(MINI_SCHEMA, 0, 1000), fakeBatch(MINI_SCHEMA, 1000, CHUNK_ROWS)];
    await expect(collect(encodeParquet(MINI_SCHEMA, shortFirst, { compression: 'none' }))).rejects.toMatchObject({
      name: 'ExportError',
      code: 'E_CHUNKING',
    });
    const tooLong = [fakeBatch(MINI_SCHEMA, 0, CHUNK_ROWS + 1)];
    await expect(collect(encodeParquet(MINI_SCHEMA, tooLong, { compression: 'none' }))).rejects.toThrow(ExportError);
  });

  it('a bad batch after the first fails the encode instead of being dropped', async () => {
    const good = fakeBatch(MINI_SCHEMA, 0, CHUNK_ROWS);
    const bad = fakeBatch(MINI_SCHEMA, CHUNK_ROWS, 10);
    const broken = { ...bad, columns: bad.columns.map((c, i) => (i === 0 ? bad.columns[1] : c)) };
    const three = [good, fakeBatch(MINI_SCHEMA, CHUNK_ROWS, CHUNK_ROWS), broken];
    await expect(collect(encodeParquet(MINI_SCHEMA, three, { compression: 'none' }))).rejects.toMatchObject({
      code: 'E_BATCH_SCHEMA',
    });
  });

  it('a consumer that stops early leaves the encoder usable', async () => {
    for await (const part of encodeParquet(slots, fakeChunks(slots, ROW_GROUP_ROWS + 1000), { compression: 'snappy' })) {
      expect(part.length).toBeGreaterThan(0);
      break;
    }
    const { rows } = await collect(encodeParquet(MINI_SCHEMA, fakeChunks(MINI_SCHEMA, 100), { compression: 'snappy' }));
    expect(rows).toBe(100);
  });
});
