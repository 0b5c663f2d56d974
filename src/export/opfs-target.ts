/**
 * An output target in the origin-private file system (OPFS), for runs too large to keep in memory: each file
 * streams through a `FileSystemSyncAccessHandle` (dedicated workers only) into the run's folder, hashed with the
 * same SHA-256 as memory-target.ts as the bytes pass, so no file is ever held whole in memory. A name with
 * folders (`bronze_slot_telemetry/event_date=2026-11-01/part-00000.parquet`) becomes nested folders. Files come
 * back as disk-backed `File`s (`getFile()`), which cross to the page without a copy.
 * When the quota runs out mid-write the write fails with ExportError('E_STORAGE_FULL') ("Browser storage is
 * full: …"), and `discard` (called by writeRun on any failure) removes the run's folder.
 * The same target writes into a folder the user picked (File System Access API), where sync access handles do
 * not exist: there each file is a `createWritable()` stream, which the browser only puts in place on close.
 */
import { ExportError } from './export-error';
import { Measured, wasmSha256 } from './measured';
import { removeEntry } from './opfs-folders';
import type { FileStats, OutputTarget } from './write-run';
import type { ZipMethod, ZipSink } from './zip';

export interface OpfsFile extends FileStats {
  readonly name: string;
  readonly method: ZipMethod;
  /** The file as stored in OPFS (read from disk when read). */
  readonly data: File;
}

export interface OpfsTarget extends OutputTarget {
  /** The run's folder name under its parent. */
  readonly folder: string;
  /** The files written so far, in write order (tables, then manifest.json). */
  readonly files: readonly OpfsFile[];
  /**
   * Writes one more file (the zip bundle) from a producer that pushes bytes into a sink; resolves with the File.
   * On failure the partial file is removed and the run's other files are kept. `what` names it in messages.
   */
  saveStream(name: string, what: string, produce: (sink: ZipSink) => Promise<unknown>): Promise<File>;
}

/** How files are written: sync access handles (OPFS, dedicated workers), or writable streams (any folder). */
export type FileWriter = 'sync' | 'stream';

/** An open file being written: bytes appended at `at`, then closed, or aborted on failure. */
interface OpenFile extends ZipSink {
  /** Bytes written so far. */
  at: number;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** Creates `parent/folder` (a fresh run folder) and a target writing into it. */
export async function opfsTarget(parent: FileSystemDirectoryHandle, folder: string, writer: FileWriter = 'sync'): Promise<OpfsTarget> {
  const root = await parent.getDirectoryHandle(folder, { create: true });
  const folders = new Map<string, Promise<FileSystemDirectoryHandle>>([['', Promise.resolve(root)]]);
  const folderOf = (path: string): Promise<FileSystemDirectoryHandle> => {
    let dir = folders.get(path);
    if (!dir) {
      const cut = path.lastIndexOf('/');
      dir = folderOf(cut < 0 ? '' : path.slice(0, cut)).then((up) => up.getDirectoryHandle(path.slice(cut + 1), { create: true }));
      folders.set(path, dir);
    }
    return dir;
  };
  const open = async (name: string) => {
    const cut = name.lastIndexOf('/');
    const dir = await folderOf(cut < 0 ? '' : name.slice(0, cut));
    const handle = await dir.getFileHandle(name.slice(cut + 1), { create: true });
    const out = writer === 'sync' ? syncFile(await handle.createSyncAccessHandle()) : streamFile(await handle.createWritable());
    return { dir, base: name.slice(cut + 1), handle, out };
  };
  const files: OpfsFile[] = [];

  return {
    folder,
    files,
    async write(name, method, data) {
      const { handle, out } = await open(name);
      const measured = new Measured(await wasmSha256());
      try {
        for await (const chunk of measured.pass(data)) await out.write(chunk);
        await out.close();
      } catch (error) {
        await out.abort();
        throw storageFull(error, writer, `${name} stopped at ${megabytes(out.at)}. The run's files were removed: free space in this browser or lower the volumes, then generate again.`);
      }
      const stats = measured.stats();
      files.push({ name, method, ...stats, data: await handle.getFile() });
      return stats;
    },
    async saveStream(name, what, produce) {
      const { dir, base, handle, out } = await open(name);
      try {
        await produce(out);
        await out.close();
      } catch (error) {
        await out.abort();
        await removeEntry(dir, base).catch(() => undefined);
        throw storageFull(error, writer, `${what} stopped at ${megabytes(out.at)}. The files themselves are kept: download them one by one, or free space in this browser.`);
      }
      return handle.getFile();
    },
    commit: async () => null,
    async discard() {
      files.length = 0;
      await removeEntry(parent, folder);
    },
  };
}

/** A file written through a sync access handle; a short write is a full disk (Chromium's in-memory OPFS reports it so). */
function syncFile(access: FileSystemSyncAccessHandle): OpenFile {
  let open = true;
  const close = async () => {
    if (open) access.close();
    open = false;
  };
  return {
    at: 0,
    write(chunk: Uint8Array) {
      const written = access.write(chunk as Uint8Array<ArrayBuffer>, { at: this.at });
      if (written !== chunk.length) throw new DOMException('a write stored fewer bytes than it was given', 'QuotaExceededError');
      this.at += written;
    },
    async close() {
      access.flush();
      await close();
    },
    abort: close,
  };
}

/** A file written through a writable stream: the browser moves it in place on close, and drops it on abort. */
function streamFile(writable: FileSystemWritableFileStream): OpenFile {
  return {
    at: 0,
    async write(chunk: Uint8Array) {
      await writable.write(chunk as Uint8Array<ArrayBuffer>);
      this.at += chunk.length;
    },
    close: () => writable.close(),
    abort: () => writable.abort().catch(() => undefined),
  };
}

/** A quota error as ExportError('E_STORAGE_FULL') with the user's next step; any other error unchanged. */
function storageFull(error: unknown, writer: FileWriter, detail: string): unknown {
  if ((error as { name?: string } | null)?.name !== 'QuotaExceededError') return error;
  return new ExportError('E_STORAGE_FULL', `${writer === 'sync' ? 'Browser storage is full' : 'The chosen folder\'s disk is full'}: ${detail}`);
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
