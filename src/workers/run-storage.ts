/**
 * The page's side of browser storage: the OPFS folder of a run (created and filled by the run worker), the space
 * left, and removal. While this page keeps a run's folder it holds a Web Lock named after it, so the sweep at the
 * app's start (or in another tab) removes only folders that no open page still shows.
 */
import { folderBytes, listFolder, OPFS_RUNS_DIR, removeEntry } from '../export/opfs-folders';

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

/** A run's folder in OPFS, held (Web Lock) until removed. */
export class StoredRun {
  private constructor(
    readonly folder: string,
    private readonly release: () => void,
  ) {}

  /** A new, uniquely named run folder (the worker creates it), locked for this page. */
  static async create(): Promise<StoredRun> {
    const folder = `run-${crypto.randomUUID()}`;
    if (!navigator.locks) return new StoredRun(folder, () => undefined);
    const release = await new Promise<() => void>((granted) => {
      void navigator.locks.request(lockName(folder), () => new Promise<void>((done) => granted(done)));
    });
    return new StoredRun(folder, release);
  }

  /** The bytes its files take. */
  async bytes(): Promise<number> {
    const runs = await runsFolder();
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
      const runs = await runsFolder();
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
