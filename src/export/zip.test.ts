import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstantText as parseInstant } from '../generators/scenario/instant';
import { ExportError } from './export-error';
import { createZipWriter, dosDateTime, zipFileName, zipMethodFor, type ZipMethod } from './zip';

const text = (s: string) => new TextEncoder().encode(s);
/** Byte equality without vitest's element-wise deep equal (slow on megabytes). */
const expectSameBytes = (actual: Uint8Array, expected: Uint8Array) =>
  expect(Buffer.from(actual.buffer, actual.byteOffset, actual.length).equals(expected)).toBe(true);
const us = (iso: string) => Date.parse(iso) * 1000;

interface EntryInput {
  name: string;
  method: ZipMethod;
  chunks: Uint8Array[];
}

/** A CSV-like text of n rows, long enough to span several 64 KiB deflate blocks. */
function csvText(rows: number): Uint8Array {
  const lines = ['id,name,amount\r\n'];
  for (let i = 0; i < rows; i += 1) lines.push(`${i},player ${(i * 7919) % 1000},${(i * 31) % 10_000}.${String(i % 100).padStart(2, '0')}\r\n`);
  return text(lines.join(''));
}

/** Pseudo-random bytes (incompressible, like Parquet pages). */
function noise(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i += 1) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Splits bytes into chunks of the given size (the way a producer might hand them over). */
function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

async function* slowly(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) {
    await Promise.resolve();
    yield c;
  }
}

async function buildZip(asOf: number, entries: EntryInput[]): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const zip = createZipWriter(asOf, { write: async (c) => void parts.push(c.slice()) });
  for (const e of entries) await zip.addEntry(e.name, e.method, slowly(e.chunks));
  const size = await zip.finish();
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  expect(at).toBe(size);
  return out;
}

interface CentralRecord {
  name: string;
  method: number;
  time: number;
  date: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The central directory, read from the end-of-central-directory record (no archive comment). */
function centralDirectory(zip: Uint8Array): CentralRecord[] {
  const eocd = zip.length - 22;
  expect(u32(zip, eocd)).toBe(0x06054b50);
  const count = u16(zip, eocd + 10);
  let at = u32(zip, eocd + 16);
  const records: CentralRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(u32(zip, at)).toBe(0x02014b50);
    const nameLength = u16(zip, at + 28);
    records.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      method: u16(zip, at + 10),
      time: u16(zip, at + 12),
      date: u16(zip, at + 14),
      localOffset: u32(zip, at + 42),
    });
    at += 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
  }
  return records;
}

function localHeader(zip: Uint8Array, at: number) {
  expect(u32(zip, at)).toBe(0x04034b50);
  return { method: u16(zip, at + 8), time: u16(zip, at + 10), date: u16(zip, at + 12) };
}

const CSV = csvText(20_000);
const PARQUET = noise(200_000);
const MANIFEST = text('{\n  "manifest_version": 1\n}\n');

function sampleEntries(chunkSize: number): EntryInput[] {
  return [
    { name: 'bronze_slot_telemetry.parquet', method: 'stored', chunks: split(PARQUET, chunkSize) },
    { name: 'bronze_table_games.csv', method: 'deflate', chunks: split(CSV, chunkSize) },
    { name: 'bronze_security_events.json', method: 'deflate', chunks: [] },
    { name: 'manifest.json', method: 'deflate', chunks: [MANIFEST] },
  ];
}

/** 2026-11-01T13:45:31Z: DOS time 13:45:30 (seconds floored to even), date 2026-11-01. */
const AS_OF = us('2026-11-01T13:45:31.999Z');
const EXPECTED_TIME = (13 << 11) | (45 << 5) | (30 >> 1);
const EXPECTED_DATE = ((2026 - 1980) << 9) | (11 << 5) | 1;

describe('zip bundle (SPEC 13.4)', () => {
  it('round-trips: names, contents and order, with the files at the root', async () => {
    const zip = await buildZip(AS_OF, sampleEntries(10_000));
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['bronze_slot_telemetry.parquet', 'bronze_table_games.csv', 'bronze_security_events.json', 'manifest.json']);
    expectSameBytes(files['bronze_slot_telemetry.parquet'], PARQUET);
    expectSameBytes(files['bronze_table_games.csv'], CSV);
    expectSameBytes(files['bronze_security_events.json'], new Uint8Array(0));
    expectSameBytes(files['manifest.json'], MANIFEST);
  });

  it('stores Parquet entries and deflates CSV, JSON Lines and manifest.json', async () => {
    const zip = await buildZip(AS_OF, sampleEntries(65_536));
    const records = centralDirectory(zip);
    expect(records.map((r) => r.method)).toEqual([0, 8, 8, 8]);
    for (const r of records) expect(localHeader(zip, r.localOffset).method).toBe(r.method);
    expect(zipMethodFor('bronze_slot_telemetry.parquet')).toBe('stored');
    expect(zipMethodFor('bronze_slot_telemetry/event_date=2026-10-01/part-00000.parquet')).toBe('stored');
    expect(zipMethodFor('bronze_slot_telemetry.csv')).toBe('deflate');
    expect(zipMethodFor('bronze_slot_telemetry.json')).toBe('deflate');
    expect(zipMethodFor('bronze_slot_telemetry/_delta_log/00000000000000000000.json')).toBe('deflate');
  });

  it('reports each entry: uncompressed size and compressed size', async () => {
    const zip = createZipWriter(AS_OF, { write: () => undefined });
    const stored = await zip.addEntry('a.parquet', 'stored', [PARQUET]);
    const deflated = await zip.addEntry('b.csv', 'deflate', [CSV]);
    await zip.finish();
    expect(stored).toEqual({ name: 'a.parquet', method: 'stored', size: PARQUET.length, compressedSize: PARQUET.length });
    expect(deflated.size).toBe(CSV.length);
    expect(deflated.compressedSize).toBeLessThan(CSV.length / 2);
  });

  it('dates every entry as_of from its UTC fields: 13:45:31 becomes 13:45:30, in local headers and the central directory', async () => {
    const zip = await buildZip(AS_OF, sampleEntries(65_536));
    for (const r of centralDirectory(zip)) {
      expect([r.time, r.date]).toEqual([EXPECTED_TIME, EXPECTED_DATE]);
      const local = localHeader(zip, r.localOffset);
      expect([local.time, local.date]).toEqual([EXPECTED_TIME, EXPECTED_DATE]);
    }
    expect(dosDateTime(AS_OF)).toEqual({ date: EXPECTED_DATE, time: EXPECTED_TIME });
  });

  it('clamps times before 1980 to 1980-01-01 00:00:00 and handles years fflate refuses (2100+)', async () => {
    expect(dosDateTime(0)).toEqual({ date: (0 << 9) | (1 << 5) | 1, time: 0 });
    expect(dosDateTime(us('1979-12-31T23:59:59Z'))).toEqual({ date: 0x21, time: 0 });
    expect(dosDateTime(us('1980-01-01T00:00:01Z'))).toEqual({ date: 0x21, time: 0 });
    expect(dosDateTime(us('1980-01-01T00:00:02Z'))).toEqual({ date: 0x21, time: 1 });
    const late = us('2101-02-05T23:59:59Z');
    expect(dosDateTime(late)).toEqual({ date: (121 << 9) | (2 << 5) | 5, time: (23 << 11) | (59 << 5) | 29 });
    const zip = await buildZip(late, [{ name: 'a.csv', method: 'deflate', chunks: [CSV] }]);
    expect(centralDirectory(zip)[0]).toMatchObject({ date: (121 << 9) | (2 << 5) | 5 });
    const old = await buildZip(us('1975-06-15T12:00:00Z'), [{ name: 'a.csv', method: 'deflate', chunks: [CSV] }]);
    const r = centralDirectory(old)[0];
    expect([r.time, r.date]).toEqual([0, 0x21]);
    expect(localHeader(old, 0)).toMatchObject({ time: 0, date: 0x21 });
  });

  it('is byte-deterministic, whatever the input chunking', async () => {
    const a = await buildZip(AS_OF, sampleEntries(65_536));
    const b = await buildZip(AS_OF, sampleEntries(65_536));
    const c = await buildZip(AS_OF, sampleEntries(777));
    const d = await buildZip(AS_OF, sampleEntries(1_000_000));
    expectSameBytes(b, a);
    expectSameBytes(c, a);
    expectSameBytes(d, a);
  });

  it('refuses to interleave entries or add after finish', async () => {
    const zip = createZipWriter(AS_OF, { write: () => undefined });
    const first = zip.addEntry('a.csv', 'deflate', slowly([CSV]));
    await expect(zip.addEntry('b.csv', 'deflate', [CSV])).rejects.toThrow(/one at a time/);
    await first;
    await zip.finish();
    await expect(zip.addEntry('c.csv', 'deflate', [CSV])).rejects.toThrow(/finished/);
  });

  it('fails the archive when an entry source fails', async () => {
    const zip = createZipWriter(AS_OF, { write: () => undefined });
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield CSV;
      throw new Error('encoder failed');
    }
    await expect(zip.addEntry('a.csv', 'deflate', broken())).rejects.toThrow('encoder failed');
    await expect(zip.finish()).rejects.toThrow('encoder failed');
  });

  it('waits for the sink before reading more input (backpressure)', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const zip = createZipWriter(AS_OF, {
      write: async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 0));
        inFlight -= 1;
      },
    });
    await zip.addEntry('a.parquet', 'stored', slowly(split(PARQUET, 1000)));
    await zip.finish();
    expect(maxInFlight).toBe(1);
  });

  it('names the bundle casino_data_<seed>_<D_start>_<D_end>.zip, D_end the date of end − 1 µs', () => {
    const at = (s: string) => parseInstant(s)!;
    expect(zipFileName({ seed: 42, start: at('2026-10-01T00:00:00Z'), end: at('2026-10-08T00:00:00Z') })).toBe('casino_data_42_20261001_20261007.zip');
    expect(zipFileName({ seed: 0, start: at('2026-10-01T06:00:00Z'), end: at('2026-10-08T00:00:00.000001Z') })).toBe('casino_data_0_20261001_20261008.zip');
    expect(zipFileName({ seed: 4_294_967_295, start: at('1999-12-31T23:00:00Z'), end: at('2000-01-01T01:00:00Z') })).toBe(
      'casino_data_4294967295_19991231_20000101.zip',
    );
  });

  it('E_ZIP is an ExportError code', () => {
    expect(new ExportError('E_ZIP', 'x').code).toBe('E_ZIP');
  });
});

describe('zip bundle under a non-UTC time zone (TZ=America/New_York)', () => {
  const saved = process.env.TZ;
  let utcBytes: Uint8Array;

  beforeAll(async () => {
    process.env.TZ = 'UTC';
    utcBytes = await buildZip(AS_OF, sampleEntries(65_536));
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('the zone really is in effect, and fflate alone would write local time', () => {
    expect(new Date(AS_OF / 1000).getHours()).toBe(8); // 13:45Z is 08:45 EST
    const naive = zipSync({ 'a.txt': [MANIFEST, { mtime: new Date(AS_OF / 1000) }] });
    const r = centralDirectory(naive)[0];
    expect(r.time >> 11).toBe(8);
  });

  it('writes the same DOS fields and the same bytes as under UTC', async () => {
    const zip = await buildZip(AS_OF, sampleEntries(65_536));
    for (const r of centralDirectory(zip)) {
      expect([r.time, r.date]).toEqual([EXPECTED_TIME, EXPECTED_DATE]);
      expect(localHeader(zip, r.localOffset)).toMatchObject({ time: EXPECTED_TIME, date: EXPECTED_DATE });
    }
    expectSameBytes(zip, utcBytes);
  });

  it('is unaffected by a local DST gap (02:30 on 2026-03-08 does not exist in New York)', async () => {
    const gap = us('2026-03-08T02:30:00Z');
    const zip = await buildZip(gap, [{ name: 'a.csv', method: 'deflate', chunks: [MANIFEST] }]);
    const r = centralDirectory(zip)[0];
    expect(r.time).toBe((2 << 11) | (30 << 5));
    expect(r.date).toBe((46 << 9) | (3 << 5) | 8);
  });
});
