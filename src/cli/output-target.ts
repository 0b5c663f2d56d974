/**
 * Where a run's files go on disk (SPEC 13.4, 14): loose files in a folder, or one zip bundle. Either way nothing
 * unfinished appears under a final name (bytes go to `<name>.partial`, renamed when complete) and `discard`
 * removes everything the run wrote.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Measured } from '../export/measured';
import { createZipWriter } from '../export/zip';
import { withIoContext } from './io-error';
import type { OutputTarget } from '../export/write-run';

export type { BundleStats, FileStats, OutputTarget } from '../export/write-run';

/** Writes all of `chunk` (a single `write` may write less). */
async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let at = 0; at < chunk.length; ) {
    const { bytesWritten } = await handle.write(chunk, at, chunk.length - at);
    at += bytesWritten;
  }
}

/** Counted and hashed with Node's native SHA-256. */
function measure(): Measured {
  const hash = createHash('sha256');
  return new Measured({ update: (bytes) => hash.update(bytes), hex: () => hash.digest('hex') });
}

/**
 * Loose files in `dir`, each renamed to its final name as soon as it is complete. `discard` removes what this run
 * wrote (its partial files, the files it completed, the folders it created) and nothing else: an earlier run's
 * file under a name this run had not reached yet stays as it was.
 */
export function directoryTarget(dir: string): OutputTarget {
  const written: string[] = [];
  const folders: string[] = [];
  return {
    write: (name, _method, data) =>
      withIoContext(`write ${join(dir, name)}`, async () => {
        const path = join(dir, name);
        const created = await mkdir(dirname(path), { recursive: true });
        if (created) folders.push(created);
        const measured = measure();
        written.push(`${path}.partial`);
        const handle = await open(`${path}.partial`, 'w');
        try {
          for await (const chunk of measured.pass(data)) await writeAll(handle, chunk);
        } finally {
          await handle.close();
        }
        await rename(`${path}.partial`, path);
        written.push(path);
        return measured.stats();
      }),
    commit: async () => null,
    async discard() {
      // Settled one by one: a file that cannot go must not hide the failure that is being reported.
      await Promise.allSettled(written.map((path) => rm(path, { force: true })));
      await Promise.allSettled(folders.map((path) => rm(path, { recursive: true, force: true })));
    },
  };
}

/** One zip `dir/name`, streamed to `<name>.partial`; every entry dated `asOf` (µs). */
export async function zipTarget(dir: string, name: string, asOf: number): Promise<OutputTarget> {
  const path = join(dir, name);
  const partial = `${path}.partial`;
  const io = <T>(step: () => Promise<T>) => withIoContext(`write ${path}`, step);
  const handle = await io(() => open(partial, 'w'));
  let closed = false;
  let committed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const zip = createZipWriter(asOf, { write: (chunk) => writeAll(handle, chunk) });
  return {
    write: (entry, method, data) =>
      io(async () => {
        const measured = measure();
        await zip.addEntry(entry, method, measured.pass(data));
        return measured.stats();
      }),
    commit: () =>
      io(async () => {
        const bytes = await zip.finish();
        await close();
        await rename(partial, path);
        committed = true;
        return { file: name, bytes };
      }),
    async discard() {
      await close().catch(() => undefined);
      // A zip of the same name from an earlier run stays until this one is complete.
      await rm(committed ? path : partial, { force: true }).catch(() => undefined);
    },
  };
}
