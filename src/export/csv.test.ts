import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../generators/schema/index';
import { CHUNK_ROWS } from '../generators/tables';
import { encodeCsv } from './csv';
import { ExportError } from './export-error';
import { MINI_SCHEMA, batchFromRows, fakeBatch, fakeChunks } from './fake-batches';
import { EDGE_ROWS, expectFakeRowsFromText } from './text-fixtures';
import { collect, duckdbColumns, makeTempDir } from './test-helpers';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('encodeCsv (SPEC 13.1, 13.3)', () => {
  it('writes RFC 4180 rows with CRLF, minimal quoting, empty nulls and SPEC value forms', async () => {
    const { bytes, rows, parts } = await collect(encodeCsv(MINI_SCHEMA, [batchFromRows(MINI_SCHEMA, EDGE_ROWS)]));
    expect([rows, parts]).toEqual([3, 1]);
    const meta = '2026-01-01T00:00:00.000000Z,MiniGenerator,deadbeef\r\n';
    expect(text(bytes)).toBe(
      'id,at,day,n32,n64,amount,ratio,flag,note,_ingested_at,_source,_batch_id\r\n' +
        `plain,2026-01-01T00:00:00.000001Z,2026-01-01,-5,9007199254740991,-0.05,0.1,true,"a,b",${meta}` +
        `"q""uote",1970-01-01T00:00:00.000000Z,,,,,,false,"line\nbreak",${meta}` +
        `ünï €,2024-02-29T23:59:59.999999Z,1969-12-31,2147483647,-42,0.00,1e-7,,"cr\r",${meta}`,
    );
  });

  it('money columns always have two decimals', async () => {
    const amounts = [12.5, 0, -0.05, -1234.5, 0.1, 99.99, 1e6];
    const base = { id: 'x', at: 0, _ingested_at: 0, _source: 's', _batch_id: 'b' };
    const { bytes } = await collect(encodeCsv(MINI_SCHEMA, [batchFromRows(MINI_SCHEMA, amounts.map((amount) => ({ ...base, amount })))]));
    const cells = text(bytes).split('\r\n').slice(1, -1).map((line) => line.split(',')[5]);
    expect(cells).toEqual(['12.50', '0.00', '-0.05', '-1234.50', '0.10', '99.99', '1000000.00']);
  });

  it('I1 an empty table is the header row only', async () => {
    for (const input of [[], [fakeBatch(MINI_SCHEMA, 0, 0)]]) {
      const { bytes, rows } = await collect(encodeCsv(MINI_SCHEMA, input));
      expect(rows).toBe(0);
      expect(text(bytes)).toBe('id,at,day,n32,n64,amount,ratio,flag,note,_ingested_at,_source,_batch_id\r\n');
    }
  });

  it('one output chunk per input batch, header in the first; bytes do not depend on batch sizes', async () => {
    const whole = await collect(encodeCsv(MINI_SCHEMA, [fakeBatch(MINI_SCHEMA, 0, 3000)]));
    const pieces = await collect(
      encodeCsv(MINI_SCHEMA, [fakeBatch(MINI_SCHEMA, 0, 1000), fakeBatch(MINI_SCHEMA, 1000, 1), fakeBatch(MINI_SCHEMA, 1001, 1999)]),
    );
    expect(pieces.parts).toBe(3);
    expect(Buffer.compare(whole.bytes, pieces.bytes)).toBe(0);
    expect(text(whole.bytes).split('\r\n').length).toBe(3002);
  });

  it('DuckDB read_csv reads back every column of the slots schema', async () => {
    const { bytes, rows } = await collect(encodeCsv(SCHEMAS.slots, fakeChunks(SCHEMAS.slots, CHUNK_ROWS + 500)));
    expect(rows).toBe(CHUNK_ROWS + 500);
    const path = temp.write('slots.csv', bytes);
    const source = `read_csv('${path}', header = true, delim = ',', quote = '"', escape = '"', columns = ${duckdbColumns(SCHEMAS.slots)})`;
    await expectFakeRowsFromText(SCHEMAS.slots, source, CHUNK_ROWS + 500, 101);
  });

  it('rejects a batch that does not match the schema', async () => {
    const batch = fakeBatch(MINI_SCHEMA, 0, 5);
    await expect(collect(encodeCsv(SCHEMAS.slots, [batch]))).rejects.toThrow(ExportError);
  });
});
