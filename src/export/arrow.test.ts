import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { SCHEMAS } from '../generators/schema/index';
import { DESCRIPTIONS_METADATA_KEY, packBits, packValidity, toArrowSchema, toBigInt64, toRecordBatch } from './arrow';
import { ExportError } from './export-error';
import { MINI_SCHEMA, batchFromRows, fakeBatch, fakeIsNull, fakeValue } from './fake-batches';

describe('toArrowSchema (SPEC 13.2)', () => {
  it('maps every column type, nullability and description', () => {
    const schema = toArrowSchema(SCHEMAS.slots);
    expect(schema.fields.map((f) => f.name)).toEqual(SCHEMAS.slots.columns.map((c) => c.name));
    const byName = new Map(schema.fields.map((f) => [f.name, f]));
    expect(byName.get('event_id')!.type).toBeInstanceOf(arrow.Utf8);
    expect(byName.get('event_id')!.nullable).toBe(false);
    expect(byName.get('coin_in')!.nullable).toBe(true);
    const ts = byName.get('event_timestamp')!.type as arrow.Timestamp;
    expect([ts.typeId, ts.unit, ts.timezone]).toEqual([arrow.Type.Timestamp, arrow.TimeUnit.MICROSECOND, 'UTC']);
    expect(byName.get('games_played')!.type).toBeInstanceOf(arrow.Int64);
    expect(byName.get('denomination')!.type).toBeInstanceOf(arrow.Float64);
    expect(byName.get('event_id')!.metadata.get('description')).toBe(SCHEMAS.slots.columns[0].description);
    const players = toArrowSchema(SCHEMAS.players);
    expect(players.fields.find((f) => f.name === 'date_of_birth')!.type).toBeInstanceOf(arrow.DateDay);
    expect(players.fields.find((f) => f.name === 'vip_flag')!.type).toBeInstanceOf(arrow.Bool);
    expect(players.fields.find((f) => f.name === 'total_visits')!.type).toBeInstanceOf(arrow.Int32);
  });

  it('stores all descriptions as one JSON metadata entry in canonical order', () => {
    const metadata = toArrowSchema(SCHEMAS.compliance).metadata;
    expect([...metadata.keys()]).toEqual([DESCRIPTIONS_METADATA_KEY]);
    const parsed = JSON.parse(metadata.get(DESCRIPTIONS_METADATA_KEY)!);
    expect(Object.keys(parsed)).toEqual(SCHEMAS.compliance.columns.map((c) => c.name));
  });
});

describe('toRecordBatch', () => {
  it('round-trips every type, with nulls, through Arrow IPC', () => {
    const length = 1000;
    const batch = fakeBatch(MINI_SCHEMA, 5000, length);
    const table = arrow.tableFromIPC(arrow.tableToIPC(new arrow.Table(toRecordBatch(MINI_SCHEMA, batch)), 'stream'));
    expect(table.numRows).toBe(length);
    MINI_SCHEMA.columns.forEach((spec, c) => {
      const vector = table.getChildAt(c)!;
      for (let i = 0; i < length; i++) {
        const row = 5000 + i;
        const expected = fakeIsNull(spec, row, c) ? null : fakeValue(spec, row, c);
        const got = vector.get(i);
        if (expected === null) expect(got, `${spec.name}[${i}]`).toBeNull();
        else if (spec.type === 'timestamp' || spec.type === 'int64') {
          expect(Number((vector.data[0].values as BigInt64Array)[i]), `${spec.name}[${i}]`).toBe(expected);
        }
        else if (spec.type === 'date') expect(got).toBe((expected as number) * 86_400_000);
        else expect(got, `${spec.name}[${i}]`).toBe(expected);
      }
    });
  });

  it('omits the validity bitmap when a nullable column has no nulls', () => {
    const row = { id: 'a', at: 0, _ingested_at: 0, _source: 's', _batch_id: 'b' };
    const rb = toRecordBatch(MINI_SCHEMA, batchFromRows(MINI_SCHEMA, [{ ...row, note: 'x' }, { ...row, note: 'y' }]));
    expect(rb.getChild('note')!.nullCount).toBe(0);
    expect(rb.getChild('day')!.nullCount).toBe(2);
  });

  it('rejects a batch that does not match the schema', () => {
    const batch = fakeBatch(MINI_SCHEMA, 0, 10);
    const wrongType = { ...batch, columns: batch.columns.map((c, i) => (i === 3 ? batch.columns[4] : c)) };
    expect(() => toRecordBatch(MINI_SCHEMA, wrongType)).toThrow(ExportError);
    expect(() => toRecordBatch(MINI_SCHEMA, { ...batch, columns: batch.columns.slice(1) })).toThrow(/columns/);
    const row = { id: 'a', at: 0, _ingested_at: 0, _source: 's', _batch_id: 'b' };
    expect(() => toRecordBatch(MINI_SCHEMA, batchFromRows(MINI_SCHEMA, [{ ...row, id: null }]))).toThrow(/null in a required column/);
    expect(() => toRecordBatch(MINI_SCHEMA, batchFromRows(MINI_SCHEMA, [{ ...row, amount: 0.1 + 0.2 }]))).toThrow(/exact cents/);
    expect(() => toRecordBatch(MINI_SCHEMA, batchFromRows(MINI_SCHEMA, [{ ...row, ratio: Number.NaN }]))).toThrow(/finite/);
    expect(() => toRecordBatch(MINI_SCHEMA, batchFromRows(MINI_SCHEMA, [{ ...row, n64: 2 ** 60 }]))).toThrow(/safe integer/);
  });
});

describe('bit and int64 packing', () => {
  it('packBits sets bit i for each non-zero byte, LSB first', () => {
    const bytes = Uint8Array.from({ length: 19 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const bits = packBits(bytes, 19);
    expect(bits).toHaveLength(3);
    for (let i = 0; i < 19; i++) expect((bits[i >> 3] >> (i & 7)) & 1).toBe(bytes[i]);
  });

  it('packValidity counts the zero bytes as nulls and leaves out the bitmap without nulls', () => {
    const valid = Uint8Array.from({ length: 21 }, (_, i) => (i % 4 === 1 ? 0 : i % 3 === 0 ? 7 : 1));
    const { nullBitmap, nullCount } = packValidity(valid, 21);
    expect(nullCount).toBe(5);
    expect(nullBitmap).toEqual(packBits(valid, 21));
    expect(packValidity(new Uint8Array(21).fill(1), 21)).toEqual({ nullCount: 0 });
    expect(packValidity(new Uint8Array(21), 21).nullCount).toBe(21);
    expect(packValidity(null, 21)).toEqual({ nullCount: 0 });
  });

  it('toBigInt64 converts safe integers exactly, negatives included', () => {
    const values = [0, 1, -1, 2 ** 32, -(2 ** 32) - 1, 2 ** 53 - 1, -(2 ** 53 - 1), 1_767_225_600_123_456];
    expect([...toBigInt64(Float64Array.from(values))]).toEqual(values.map((v) => BigInt(v)));
  });
});
