/**
 * Where a run's files are kept, decided before it starts from its estimated size: this tab's memory for ordinary
 * runs, browser storage (OPFS, streamed to disk from the worker) for large ones, or what the user chose (also a
 * folder on this computer, where the browser offers a picker); and whether the browser's quota has room for it.
 * Pure: the store supplies the estimate, the storage figures and the picked folder.
 */
import { approxSize } from './format';

/** The user's choice in the Storage field. */
export type StorageChoice = 'auto' | 'memory' | 'opfs' | 'folder';

/**
 * Above this estimated size `auto` writes to OPFS: a few hundred MB of Blobs is fine in a tab, gigabytes are not
 * (and the zip of a run in memory needs as much again).
 */
export const MEMORY_LIMIT_BYTES = 256_000_000;

export interface StorageSpace {
  /** `navigator.storage.estimate()`: the origin's quota and what it uses now. */
  readonly quota: number;
  readonly usage: number;
  /** Bytes of the previous run's stored files, which a new run removes before it starts. */
  readonly reclaimable: number;
}

export interface StoragePlan {
  readonly sink: 'memory' | 'opfs' | 'folder';
  /** What the page says: which sink and why, with the estimated size. */
  readonly summary: string;
  /** Why the run must not start (not enough browser storage, with both figures), or null. */
  readonly blocked: string | null;
}

export interface StorageInput {
  /** Estimated bytes of the run's files. */
  readonly estimate: number;
  readonly choice: StorageChoice;
  /** Whether this browser offers OPFS. */
  readonly opfs: boolean;
  /** Quota and usage, or null when the browser does not report them. */
  readonly space: StorageSpace | null;
  /** The name of the folder the user picked (choice `folder`), or null. */
  readonly folder?: string | null;
}

/** The sink of a run and the words for it. Example: 1.2 GB, auto → OPFS, "Large run (~1.2 GB): files are written to browser storage (OPFS)." */
export function planStorage({ estimate, choice: chosen, opfs, space, folder = null }: StorageInput): StoragePlan {
  const size = `~${approxSize(estimate)}`;
  const large = estimate > MEMORY_LIMIT_BYTES;
  const memory = (summary: string): StoragePlan => ({ sink: 'memory', summary, blocked: null });
  if (chosen === 'folder' && folder !== null) {
    // The browser has no quota on the user's own disk to check against.
    return { sink: 'folder', summary: `Run of ${size}: files are written to a new folder inside "${folder}", the folder you chose.`, blocked: null };
  }
  const choice = chosen === 'folder' ? 'auto' : chosen;
  if (choice === 'memory') {
    return memory(`${size}: files are kept in this tab's memory, as chosen.${large ? ' A run this large may exhaust the tab\'s memory; browser storage (OPFS) is safer.' : ''}`);
  }
  if (!opfs) {
    return memory(`${large ? 'Large run' : 'Run'} (${size}): this browser offers no browser storage (OPFS), so files are kept in this tab's memory.`);
  }
  if (choice === 'auto' && !large) return memory(`Small run (${size}): files are kept in this tab's memory.`);
  const summary = choice === 'opfs'
    ? `Run of ${size}: files are written to browser storage (OPFS), as chosen.`
    : `Large run (${size}): files are written to browser storage (OPFS).`;
  return { sink: 'opfs', summary, blocked: space ? quotaProblem(estimate, space) : null };
}

/** The message when the estimate exceeds the space left for this site, else null. */
function quotaProblem(estimate: number, space: StorageSpace): string | null {
  const free = Math.max(0, space.quota - space.usage + space.reclaimable);
  if (estimate <= free) return null;
  return `Not enough browser storage for this run: it needs about ${approxSize(estimate)}, but only ${approxSize(free)} is free for this site ` +
    `(quota ${approxSize(space.quota)}, ${approxSize(space.usage)} in use). Lower the volumes, choose Parquet, or free browser storage, then try again.`;
}
