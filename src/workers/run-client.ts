/**
 * The app's handle on generation: a Web Worker running the run API (run.worker.ts), created for each run and
 * terminated when the next run starts, on cancel or on failure (wasm memory is only returned that way), with
 * prompt cancellation and clear failures. The worker stays alive after a run to build its zip on request.
 * A run in browser storage (OPFS) has its own folder, removed on cancel, on failure, when the next run starts,
 * or on request (`clearStored`); leftovers of closed sessions go at the app's start (run-storage.ts). A run in a
 * picked folder is removed only when it does not finish.
 */
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { Scenario } from '../generators/scenario/types';
import type { Partitioning } from '../export/partition';
import type { TableKey } from '../generators/tables';
import type { WorldParts } from '../generators/world';
import { worldPartsBuffers } from './world-transfer';
import type { RunApi, RunProgress, RunResult, RunSink, SchemaField, TablePreview } from './run-api';
import { StoredRun } from './run-storage';
import { zipFileName } from '../export/zip';

export class RunCancelled extends Error {
  constructor() {
    super('Generation cancelled.');
    this.name = 'RunCancelled';
  }
}

/**
 * Feasibility checks (SPEC 3.10) in their own worker, so typing never waits for a plan to be drawn. The world a check
 * draws is kept there for a run of the same scenario to take. A worker that fails (its script cannot load) fails the
 * checks in flight, and the next check starts a new one.
 */
export class VolumeChecker {
  private api: Remote<RunApi> | null = null;
  private failed: Promise<never> = new Promise(() => undefined);

  check(scenario: Scenario): Promise<string | null> {
    const api = this.worker();
    return Promise.race([api.checkVolumes(scenario), this.failed]);
  }

  /** The world the last check drew, when it was for this scenario (a run then need not draw it again); else null. */
  async takeWorld(scenario: Scenario): Promise<WorldParts | null> {
    return this.api ? Promise.race([this.api.takeWorld(scenario), this.failed]) : null;
  }

  private worker(): Remote<RunApi> {
    if (this.api) return this.api;
    const worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module', name: 'casino-data-check' });
    const api = wrap<RunApi>(worker);
    this.failed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        if (this.api === api) this.api = null;
        worker.terminate();
        reject(new Error(`The volume check failed: ${e.message || 'its worker stopped unexpectedly'}`));
      });
    });
    this.failed.catch(() => undefined); // rejects only the checks in flight
    return (this.api = api);
  }
}

export class RunClient {
  private worker: Worker | null = null;
  private api: Remote<RunApi> | null = null;
  private abort: ((error: Error) => void) | null = null;
  /** The folder of the current run: in OPFS, or in a picked folder until it finishes; null in memory or none. */
  private stored: StoredRun | null = null;

  /**
   * Generates a scenario in a fresh worker, into its memory, a new OPFS folder, or a new folder inside a picked
   * one (`sink` is its handle), after the previous run's worker and OPFS files are gone; rejects with
   * RunCancelled, a worker failure, or E_VOLUME.
   */
  async start(
    scenario: Scenario,
    onProgress: (p: RunProgress) => void,
    generators = 0,
    partitioning: Partitioning = 'none',
    piiSecret?: string,
    sink: 'memory' | 'opfs' | FileSystemDirectoryHandle = 'memory',
    parts: WorldParts | null = null,
  ): Promise<RunResult> {
    const previous = this.detach();
    let abort: (error: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (abort = reject));
    failed.catch(() => undefined); // handled by the race below, or returned when cancelled before it
    this.abort = abort;
    await previous?.remove().catch(() => undefined); // a folder that cannot go now is swept at the next start
    const stored = sink === 'memory' ? null
      : sink === 'opfs' ? await StoredRun.create()
      : await StoredRun.inPicked(sink, zipFileName(scenario).replace(/\.zip$/, ''));
    if (this.abort !== abort) {
      await stored?.remove(); // cancelled before the worker started
      return failed;
    }
    this.stored = stored;
    const worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module', name: 'casino-data-run' });
    this.worker = worker;
    const api = wrap<RunApi>(worker);
    this.api = api;
    worker.addEventListener('error', (e) => abort(new Error(`The generator worker failed: ${e.message || 'it stopped unexpectedly'}`)));
    worker.addEventListener('messageerror', () => abort(new Error('The generator worker sent a message that could not be read.')));
    const target: RunSink = stored?.sink ?? { kind: 'memory' };
    try {
      // The world's parts (drawn by the volume check) are handed over, not copied: this page keeps none of them.
      const world = parts ? transfer(parts, worldPartsBuffers(parts)) : undefined;
      const result = await Promise.race([api.start(scenario, piiSecret, proxy(onProgress), generators, partitioning, target, world), failed]);
      // A finished run in a picked folder is the user's: no later run or Clear removes it.
      if (target.kind === 'folder') this.stored = null;
      return result;
    } catch (error) {
      // A failed run keeps nothing: its worker goes and so do its stored files (the worker removes them too).
      if (!(error instanceof RunCancelled) && this.api === api) await this.detach()?.remove().catch(() => undefined);
      throw error;
    }
  }

  /** The zip bundle of the last run. */
  async zip(): Promise<{ name: string; data: Blob }> {
    if (!this.api) throw new Error('Nothing has been generated yet.');
    return this.api.zip();
  }

  /** The first rows of a generated table. */
  async preview(key: TableKey): Promise<TablePreview> {
    if (!this.api) throw new Error('Nothing has been generated yet.');
    return this.api.preview(key);
  }

  /** The last run's data dictionary files (Markdown, CSV). */
  async dictionary(): Promise<{ name: string; data: Blob }[]> {
    if (!this.api) throw new Error('Nothing has been generated yet.');
    return this.api.dictionary();
  }

  /** A table's Arrow schema fields. */
  async schema(key: TableKey): Promise<SchemaField[]> {
    if (!this.api) throw new Error('Nothing has been generated yet.');
    return this.api.schema(key);
  }

  /**
   * Stops the run at once: the worker is terminated, the run's stored files are removed, then the pending start
   * rejects with RunCancelled (so "nothing was kept" is true when it is said).
   */
  async cancel(): Promise<void> {
    const abort = this.abort;
    await this.detach()?.remove().catch(() => undefined);
    abort?.(new RunCancelled());
  }

  /** Removes the last run's files from browser storage (its preview stays); resolves with the bytes freed. */
  async clearStored(): Promise<number> {
    const stored = this.stored;
    this.stored = null;
    if (!stored) return 0;
    const bytes = await stored.bytes();
    await stored.remove();
    return bytes;
  }

  /** The bytes the last run's files take in browser storage (a new run frees them first). */
  async storedBytes(): Promise<number> {
    return (await this.stored?.bytes()) ?? 0;
  }

  /** Terminates the worker and forgets the run; returns its stored folder for the caller to remove. */
  private detach(): StoredRun | null {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.abort = null;
    const stored = this.stored;
    this.stored = null;
    return stored;
  }
}
