/**
 * Housekeeping of run folders in the origin-private file system (OPFS): every large run writes into
 * `casino-data-studio/run-<id>/` (the worker, through opfs-target.ts) and is removed from there on cancel, failure,
 * the next run, "Clear stored files", or the next start of the app. Works on any `FileSystemDirectoryHandle`, so
 * the page, a worker and the tests (an in-memory fake) share it.
 */

/** The folder under the OPFS root that holds every run of this app (and nothing else). */
export const OPFS_RUNS_DIR = 'casino-data-studio';

/** The entries of a folder (the async iterator is missing from TypeScript's DOM lib). */
type Listable = FileSystemDirectoryHandle & { values(): AsyncIterable<FileSystemDirectoryHandle | FileSystemFileHandle> };

/** The handles in a folder. */
export async function listFolder(dir: FileSystemDirectoryHandle): Promise<(FileSystemDirectoryHandle | FileSystemFileHandle)[]> {
  const entries: (FileSystemDirectoryHandle | FileSystemFileHandle)[] = [];
  for await (const entry of (dir as Listable).values()) entries.push(entry);
  return entries;
}

/** The total size of the files in a folder and its subfolders, in bytes. */
export async function folderBytes(dir: FileSystemDirectoryHandle): Promise<number> {
  let bytes = 0;
  for (const entry of await listFolder(dir)) {
    bytes += entry.kind === 'file' ? (await (entry as FileSystemFileHandle).getFile()).size : await folderBytes(entry as FileSystemDirectoryHandle);
  }
  return bytes;
}

const REMOVE_ATTEMPTS = 40;
const REMOVE_PAUSE_MS = 50;

/**
 * Removes `name` (a file, or a folder with everything in it) from `parent`; nothing happens when it is gone already.
 * A terminated worker's sync access handles are released shortly after `terminate()`, and until then the entry
 * cannot be removed (NoModificationAllowedError): retried for about two seconds before giving up.
 */
export async function removeEntry(parent: FileSystemDirectoryHandle, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await parent.removeEntry(name, { recursive: true });
      return;
    } catch (error) {
      const reason = (error as { name?: string }).name;
      if (reason === 'NotFoundError') return;
      if (reason !== 'NoModificationAllowedError' || attempt >= REMOVE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, REMOVE_PAUSE_MS));
    }
  }
}
