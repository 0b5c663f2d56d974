/**
 * The zip bundle (SPEC 13.4): a streaming, byte-deterministic zip writer over fflate's `Zip`. Parquet entries are
 * stored, CSV/JSON entries and manifest.json deflated at level 6; every entry's modification time is `as_of`.
 *
 * Determinism, beyond fflate's defaults:
 * - Time: fflate derives the DOS date/time from a `Date` with *local* getters (and refuses years after 2099), so
 *   the archive would depend on the machine's time zone. Entries get a placeholder time and the writer rewrites
 *   the 4-byte DOS field of each local header and central-directory record, at positions it computes from the
 *   zip layout, with the value of `dosDateTime(as_of)` (UTC fields) as those bytes stream past.
 * - Deflate: fflate's streaming deflate output depends on where input chunks break, so deflated entries are fed
 *   in fixed 64 KiB blocks: the compressed bytes depend on the entry's content only, not on the producer.
 * Memory stays flat: every chunk goes to the sink (awaited) before the next one is read.
 * Limits: fflate writes no ZIP64 records, so an archive or entry over 4 GiB - 1 fails with `ExportError('E_ZIP')`
 * instead of producing a corrupt file.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { formatDate, dayNumber, toCivilDate, DAY_US, SECOND_US } from '../generators/scenario/instant';
import type { Scenario } from '../generators/scenario/types';
import { ExportError } from './export-error';

/** `stored` (method 0) for Parquet, already compressed; `deflate` (method 8, level 6) for text. */
export type ZipMethod = 'stored' | 'deflate';

/** Where archive bytes go, in order; the writer awaits each write (backpressure). A file handle, a stream writer. */
export interface ZipSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

/** A finished entry; `size` is the uncompressed (file) size. */
export interface ZipEntryInfo {
  readonly name: string;
  readonly method: ZipMethod;
  readonly size: number;
  readonly compressedSize: number;
}

export interface ZipWriter {
  /** Adds one entry from its bytes (read to the end before it resolves); entries are written one after another. */
  addEntry(name: string, method: ZipMethod, data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<ZipEntryInfo>;
  /** Writes the central directory; resolves with the archive's size in bytes. */
  finish(): Promise<number>;
}

const DEFLATE_LEVEL = 6;
/** Deflate input block: the compressed bytes are a function of the content only (see above). */
const DEFLATE_BLOCK = 65_536;
const MAX_ZIP32 = 0xffff_ffff;
const MAX_ENTRIES = 0xffff;
const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
/** fflate streams entries with a data descriptor (signature, CRC-32, sizes) after the data. */
const DATA_DESCRIPTOR_BYTES = 16;
/** Offsets of the DOS time (low 16 bits) + date (high 16 bits) field in each record. */
const LOCAL_TIME_FIELD = 10;
const CENTRAL_TIME_FIELD = 12;
const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** Any valid local time: fflate computes a DOS value from it, which the writer then overwrites. */
const PLACEHOLDER_MTIME = new Date(2000, 0, 1, 12);

const DOS_MIN_YEAR = 1980;
const DOS_MAX_YEAR = 2107;

/** Parquet files (also a Delta table's) are stored; CSV, JSON Lines and JSON (a Delta commit) deflated (SPEC 13.4). */
export function zipMethodFor(file: string): ZipMethod {
  return file.endsWith('.parquet') ? 'stored' : 'deflate';
}

/**
 * The bundle's name: `casino_data_<seed>_<D_start>_<D_end>.zip`, dates as YYYYMMDD, D_end the date of end − 1 µs.
 * Example: seed 42, 2026-10-01 .. 2026-10-08 (exclusive) gives `casino_data_42_20261001_20261007.zip`.
 */
export function zipFileName(scenario: Pick<Scenario, 'seed' | 'start' | 'end'>): string {
  const ymd = (us: number) => formatDate(dayNumber(us)).replaceAll('-', '');
  return `casino_data_${scenario.seed}_${ymd(scenario.start)}_${ymd(scenario.end - 1)}.zip`;
}

/**
 * The MS-DOS date/time of an instant (µs) from its UTC fields: seconds floored to even, clamped to the DOS range
 * 1980-01-01 00:00:00 .. 2107-12-31 23:59:58. A record stores it as one little-endian uint32, date << 16 | time.
 * Example: 2026-11-01T13:45:31Z gives date (46 << 9 | 11 << 5 | 1), time (13 << 11 | 45 << 5 | 15), i.e. 13:45:30.
 */
export function dosDateTime(us: number): { date: number; time: number } {
  const day = dayNumber(us);
  const { year, month, day: dom } = toCivilDate(day);
  if (year < DOS_MIN_YEAR) return { date: (1 << 5) | 1, time: 0 };
  if (year > DOS_MAX_YEAR) return { date: ((DOS_MAX_YEAR - DOS_MIN_YEAR) << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
  const seconds = Math.floor((us - day * DAY_US) / SECOND_US);
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  const ss = seconds % 60;
  return { date: ((year - DOS_MIN_YEAR) << 9) | (month << 5) | dom, time: (hh << 11) | (mm << 5) | (ss >> 1) };
}

/** A 4-byte little-endian field at an absolute archive offset: rewritten, or checked, as the bytes stream past. */
interface FieldPatch {
  readonly at: number;
  readonly bytes: Uint8Array;
  /** true: the bytes must already be there (a record signature: the computed layout is fflate's). */
  readonly check: boolean;
  done: number;
}

const le32 = (v: number) => new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24]);

/** The archive byte stream from fflate to the sink: fields patched on the way, size limit enforced, writes awaited. */
class ArchiveStream {
  /** Bytes handed to the sink so far: the offset of the next byte. */
  written = 0;
  failure: unknown = null;
  private readonly queue: Uint8Array[] = [];
  private readonly patches: FieldPatch[] = [];

  constructor(
    private readonly sink: ZipSink,
    private readonly stamp: Uint8Array,
  ) {}

  /** fflate's `Zip` callback: it only queues, `flush` writes. */
  readonly accept = (error: Error | null, chunk: Uint8Array) => {
    if (error) this.failure ??= error;
    else this.queue.push(chunk);
  };

  /** Dates the record (local header or central-directory entry) that starts at `at`. */
  stampRecord(at: number, signature: number, timeField: number): void {
    this.patches.push({ at, bytes: le32(signature), check: true, done: 0 });
    this.patches.push({ at: at + timeField, bytes: this.stamp, check: false, done: 0 });
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.queue.length > 0) {
      const chunk = this.queue.shift()!;
      if (this.written + chunk.length > MAX_ZIP32) throw tooLarge('the archive');
      this.patch(chunk);
      this.written += chunk.length;
      await this.sink.write(chunk);
    }
  }

  /** Applies the patches that fall in a chunk about to be written at offset `written`. */
  private patch(chunk: Uint8Array): void {
    const end = this.written + chunk.length;
    for (const p of this.patches) {
      for (let i = Math.max(p.at, this.written); i < Math.min(p.at + 4, end); i += 1) {
        if (!p.check) chunk[i - this.written] = p.bytes[i - p.at];
        else if (chunk[i - this.written] !== p.bytes[i - p.at]) throw new Error('the zip layout is not the one expected of fflate');
        p.done += 1;
      }
    }
    for (let i = this.patches.length - 1; i >= 0; i -= 1) if (this.patches[i].done === 4) this.patches.splice(i, 1);
  }
}

/**
 * Creates a zip writer that streams to `sink`, every entry dated `asOf` (µs, UTC).
 * Example (Node): `const zip = createZipWriter(scenario.as_of, { write: (c) => handle.write(c) });`
 * `await zip.addEntry('bronze_player_profile.csv', 'deflate', encodedChunks); await zip.finish();`
 * In a browser the sink can be a `WritableStreamDefaultWriter` (OPFS, a download stream) or collect Blob parts.
 */
export function createZipWriter(asOf: number, sink: ZipSink): ZipWriter {
  const { date, time } = dosDateTime(asOf);
  const out = new ArchiveStream(sink, le32((date << 16) | time));
  const zip = new Zip(out.accept);
  const nameLengths: number[] = [];
  let state: 'open' | 'busy' | 'finished' = 'open';
  const assertOpen = (busyMessage: string) => {
    if (out.failure) throw out.failure;
    if (state !== 'open') throw new Error(state === 'busy' ? busyMessage : 'the zip is finished');
  };

  return {
    async addEntry(name, method, data) {
      assertOpen('zip entries are written one at a time');
      if (nameLengths.length >= MAX_ENTRIES) throw new ExportError('E_ZIP', `a zip bundle holds at most ${MAX_ENTRIES} files`);
      state = 'busy';
      try {
        const start = out.written;
        const size = await writeEntry(zip, out, name, method, data);
        nameLengths.push(new TextEncoder().encode(name).length);
        const overhead = LOCAL_HEADER_BYTES + nameLengths[nameLengths.length - 1] + DATA_DESCRIPTOR_BYTES;
        return { name, method, size, compressedSize: out.written - start - overhead };
      } catch (error) {
        out.failure ??= error; // a half-written entry leaves the archive unusable
        throw error;
      } finally {
        if (state === 'busy') state = 'open';
      }
    },
    async finish() {
      assertOpen('an entry is still being written');
      state = 'finished';
      let at = out.written;
      for (const length of nameLengths) {
        out.stampRecord(at, CENTRAL_SIGNATURE, CENTRAL_TIME_FIELD);
        at += CENTRAL_HEADER_BYTES + length;
      }
      zip.end();
      await out.flush();
      return out.written;
    },
  };
}

/** Streams one entry into the archive; returns its uncompressed size. */
async function writeEntry(
  zip: Zip,
  out: ArchiveStream,
  name: string,
  method: ZipMethod,
  data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<number> {
  const entry = method === 'stored' ? new ZipPassThrough(name) : new ZipDeflate(name, { level: DEFLATE_LEVEL });
  entry.mtime = PLACEHOLDER_MTIME;
  out.stampRecord(out.written, LOCAL_SIGNATURE, LOCAL_TIME_FIELD);
  zip.add(entry);
  let size = 0;
  for await (const chunk of method === 'deflate' ? fixedBlocks(data, DEFLATE_BLOCK) : data) {
    if (chunk.length === 0) continue;
    size += chunk.length;
    if (size > MAX_ZIP32) throw tooLarge(name);
    entry.push(chunk, false);
    await out.flush();
  }
  entry.push(new Uint8Array(0), true);
  await out.flush();
  return size;
}

function tooLarge(what: string): ExportError {
  return new ExportError(
    'E_ZIP',
    `${what} is over 4 GiB, more than a zip bundle can hold here (no ZIP64): write loose files instead (without --zip) or lower the counts`,
  );
}

/** Re-cuts a byte stream into blocks of exactly `size` bytes (the last one shorter). */
async function* fixedBlocks(data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let block = new Uint8Array(size);
  let filled = 0;
  for await (const chunk of data) {
    let offset = 0;
    while (offset < chunk.length) {
      const n = Math.min(size - filled, chunk.length - offset);
      block.set(chunk.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === size) {
        yield block;
        block = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield block.subarray(0, filled);
}
