import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../generators/schema/index';
import { CHUNK_ROWS } from '../generators/tables';
import { MINI_SCHEMA, batchFromRows, fakeBatch, fakeChunks } from './fake-batches';
import { encodeJsonl } from './jsonl';
import { EDGE_ROWS, expectFakeRowsFromText } from './text-fixtures';
import { collect, duckdbColumns, makeTempDir } from './test-helpers';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const base = { id: 'x', at: 0, _ingested_at: 0, _source: 's', _batch_id: 'b' };

describe('encodeJsonl (SPEC 13.1, 13.3)', () => {
  it('writes compact objects in canonical key order, null for null, LF after each line', async () => {
    const { bytes, rows, parts } = await collect(encodeJsonl(MINI_SCHEMA, [batchFromRows(MINI_SCHEMA, EDGE_ROWS)]));
    expect([rows, parts]).toEqual([3, 1]);
    const meta = '"_ingested_at":"2026-01-01T00:00:00.000000Z","_source":"MiniGenerator","_batch_id":"deadbeef"}\n';
    expect(text(bytes)).toBe(
      '{"id":"plain","at":"2026-01-01T00:00:00.000001Z","day":"2026-01-01","n32":-5,"n64":9007199254740991,' +
        `"amount":-0.05,"ratio":0.1,"flag":true,"note":"a,b",${meta}` +
        '{"id":"q\\"uote","at":"1970-01-01T00:00:00.000000Z","day":null,"n32":null,"n64":null,' +
        `"amount":null,"ratio":null,"flag":false,"note":"line\\nbreak",${meta}` +
        '{"id":"ünï €","at":"2024-02-29T23:59:59.999999Z","day":"1969-12-31","n32":2147483647,"n64":-42,' +
        `"amount":0.00,"ratio":1e-7,"flag":null,"note":"cr\\r",${meta}`,
    );
  });

  it('money is a JSON number with two decimals', async () => {
    const amounts = [12.5, -0.05, 0, 7];
    const { bytes } = await collect(encodeJsonl(MINI_SCHEMA, [batchFromRows(MINI_SCHEMA, amounts.map((amount) => ({ ...base, amount })))]));
    const lines = text(bytes).split('\n').slice(0, -1);
    expect(lines.map((l) => /"amount":([^,]*),/.exec(l)![1])).toEqual(['12.50', '-0.05', '0.00', '7.00']);
    expect(lines.map((l) => JSON.parse(l).amount)).toEqual(amounts);
  });

  it('escapes strings exactly like JSON.stringify', async () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    const notes = [controls, 'quote " and \\ backslash', 'ünïcødé € 😀', '\u2028\u2029\u007f', '/slash/'];
    const { bytes } = await collect(encodeJsonl(MINI_SCHEMA, [batchFromRows(MINI_SCHEMA, notes.map((note) => ({ ...base, note })))]));
    const lines = text(bytes).split('\n').slice(0, -1);
    expect(lines.map((l) => /"note":(".*"),"_ingested_at"/s.exec(l)![1])).toEqual(notes.map((n) => JSON.stringify(n)));
    expect(lines.map((l) => JSON.parse(l).note)).toEqual(notes);
  });

  it('I1 an empty table is an empty file', async () => {
    const { bytes, rows } = await collect(encodeJsonl(MINI_SCHEMA, []));
    expect([bytes.length, rows]).toEqual([0, 0]);
    const zeroRows = await collect(encodeJsonl(MINI_SCHEMA, [fakeBatch(MINI_SCHEMA, 0, 0)]));
    expect(zeroRows.bytes.length).toBe(0);
  });

  it('every line parses as JSON with the canonical keys', async () => {
    const { bytes } = await collect(encodeJsonl(SCHEMAS.players, [fakeBatch(SCHEMAS.players, 0, 500)]));
    const lines = text(bytes).split('\n');
    expect(lines.pop()).toBe('');
    const names = SCHEMAS.players.columns.map((c) => c.name);
    for (const line of lines) expect(Object.keys(JSON.parse(line))).toEqual(names);
  });

  it('DuckDB read_json reads back every column of the slots schema', async () => {
    const { bytes, rows, parts } = await collect(encodeJsonl(SCHEMAS.slots, fakeChunks(SCHEMAS.slots, CHUNK_ROWS + 500)));
    expect([rows, parts]).toEqual([CHUNK_ROWS + 500, 2]);
    const path = temp.write('slots.json', bytes);
    const source = `read_json('${path}', format = 'newline_delimited', columns = ${duckdbColumns(SCHEMAS.slots)})`;
    await expectFakeRowsFromText(SCHEMAS.slots, source, CHUNK_ROWS + 500, 101);
  });
});
