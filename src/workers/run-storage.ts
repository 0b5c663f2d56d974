/**
 * The page's side of browser storage: the folder of a run (created and filled by the run worker) in OPFS or in a
 * folder the user picked, the space left, and removal. While this page keeps a run's OPFS folder it holds a Web
 * Lock named after it, so the sweep at the app's start (or in another tab) removes only folders that no open page
 * still shows. A picked folder's runs belong to the user: only an unfinished one (cancelled, failed) is removed.
 */
import { folderBytes, listFolder, OPFS_RUNS_DIR, removeEntry } from '../export/opfs-folders';
import type { RunSink } from './run-api';

/** The OPFS sink needs the OPFS root here and sync access handles in the run worker (both or neither, in practice). */
export function opfsAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

/** The origin's storage quota and usage as the browser reports them (`navigator.storage.estimate()`), or null. */
export async function storageFigures(): Promise<{ quota: number; usage: number } | null> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.estimate !== 'function') return null;
  const { quota, usage } = await navigator.storage.estimate();
  return quota === undefined || usage === undefined ? null : { quota, usage };
}

async function runsFolder(): Promise<FileSystemDirectoryHandle | null> {
  if (!opfsAvailable()) return null;
  try {
    return await (await navigator.storage.getDirectory()).getDirectoryHandle(OPFS_RUNS_DIR);
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFoundError') return null;
    throw error;
  }
}

const lockName = (folder: string) => `${OPFS_RUNS_DIR}/${folder}`;

type PickerWindow = Window & { showDirectoryPicker?(options: { id?: string; mode?: 'read' | 'readwrite' }): Promise<FileSystemDirectoryHandle> };

/** Whether this browser offers a folder picker (File System Access API: desktop Chromium). */
export function folderPickerAvailable(): boolean {
  return typeof window !== 'undefined' && typeof (window as PickerWindow).showDirectoryPicker === 'function';
}

/** Asks for a folder to write runs into; rejects when the user dismisses it or the browser cannot show it (headless). */
export function pickFolder(): Promise<FileSystemDirectoryHandle> {
  return (window as PickerWindow).showDirectoryPicker!({ id: OPFS_RUNS_DIR, mode: 'readwrite' });
}

/** A run's folder: in OPFS (held by a Web Lock until removed) or inside a folder the user picked. */
export class StoredRun {
  private constructor(
    readonly sink: Extract<RunSink, { kind: 'opfs' | 'folder' }>,
    private readonly parent: () => Promise<FileSystemDirectoryHandle | null>,
    private readonly release: () => void,
  ) {}

  /** A new, uniquely named run folder in OPFS (the worker creates it), locked for this page. */
  static async create(): Promise<StoredRun> {
    const folder = `run-${crypto.randomUUID()}`;
    if (!navigator.locks) return new StoredRun({ kind: 'opfs', folder }, runsFolder, () => undefined);
    const release = await new Promise<() => void>((granted) => {
      void navigator.locks.request(lockName(folder), () => new Promise<void>((done) => granted(done)));
    });
    return new StoredRun({ kind: 'opfs', folder }, runsFolder, release);
  }

  /** A new folder inside a picked one, named `base` (or `base-2`, … when taken: nothing there is overwritten). */
  static async inPicked(parent: FileSystemDirectoryHandle, base: string): Promise<StoredRun> {
    for (let n = 1; ; n += 1) {
      const folder = n === 1 ? base : `${base}-${n}`;
      const taken = await parent.getDirectoryHandle(folder).then(() => true, () => false);
      if (!taken) return new StoredRun({ kind: 'folder', parent, folder }, async () => parent, () => undefined);
    }
  }

  get folder(): string {
    return this.sink.folder;
  }

  /** The bytes its files take. */
  async bytes(): Promise<number> {
    const runs = await this.parent();
    if (!runs) return 0;
    try {
      return await folderBytes(await runs.getDirectoryHandle(this.folder));
    } catch {
      return 0;
    }
  }

  /** Removes the folder and everything in it (after its worker was terminated, or once its files are closed). */
  async remove(): Promise<void> {
    try {
      const runs = await this.parent();
      if (runs) await removeEntry(runs, this.folder);
    } finally {
      this.release();
    }
  }
}

/**
 * Removes the run folders that no open page holds: files left by an earlier session that was closed, crashed or
 * lost its worker before cleaning up. Resolves with the bytes freed.
 */
export async function removeLeftoverRuns(): Promise<number> {
  const runs = await runsFolder();
  if (!runs) return 0;
  let freed = 0;
  for (const entry of await listFolder(runs)) {
    const remove = async () => {
      const bytes = entry.kind === 'directory' ? await folderBytes(entry) : (await entry.getFile()).size;
      await removeEntry(runs, entry.name);
      freed += bytes;
    };
    if (!navigator.locks) await remove();
    else await navigator.locks.request(lockName(entry.name), { ifAvailable: true }, async (lock) => lock && remove());
  }
  return freed;
}
