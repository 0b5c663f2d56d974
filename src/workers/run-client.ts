/**
 * The app's handle on generation: a Web Worker running the run API (run.worker.ts), created for each run and
 * terminated when the next run starts or on cancel (wasm memory is only returned that way), with prompt
 * cancellation and clear failures. The worker stays alive after a run to build its zip on request.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { Scenario } from '../generators/scenario/types';
import type { Partitioning } from '../export/partition';
import type { TableKey } from '../generators/tables';
import type { RunApi, RunProgress, RunResult, SchemaField, TablePreview } from './run-api';

export class RunCancelled extends Error {
  constructor() {
    super('Generation cancelled.');
    this.name = 'RunCancelled';
  }
}

/** Feasibility checks (SPEC 3.10) in their own worker, so typing never waits for a plan to be drawn. */
export class VolumeChecker {
  private api: Remote<RunApi> | null = null;

  check(scenario: Scenario): Promise<string | null> {
    this.api ??= wrap<RunApi>(new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module', name: 'casino-data-check' }));
    return this.api.checkVolumes(scenario);
  }
}

export class RunClient {
  private worker: Worker | null = null;
  private api: Remote<RunApi> | null = null;
  private abort: ((error: Error) => void) | null = null;

  /** Generates a scenario in a fresh worker; rejects with RunCancelled, a worker failure, or E_VOLUME. */
  async start(scenario: Scenario, onProgress: (p: RunProgress) => void, generators = 0, partitioning: Partitioning = 'none', piiSecret?: string): Promise<RunResult> {
    this.dispose();
    const worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module', name: 'casino-data-run' });
    this.worker = worker;
    const api = wrap<RunApi>(worker);
    this.api = api;
    const failed = new Promise<never>((_, reject) => {
      this.abort = reject;
      worker.addEventListener('error', (e) => reject(new Error(`The generator worker failed: ${e.message || 'it stopped unexpectedly'}`)));
      worker.addEventListener('messageerror', () => reject(new Error('The generator worker sent a message that could not be read.')));
    });
    return Promise.race([api.start(scenario, piiSecret, proxy(onProgress), generators, partitioning), failed]);
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

  /** A table's Arrow schema fields. */
  async schema(key: TableKey): Promise<SchemaField[]> {
    if (!this.api) throw new Error('Nothing has been generated yet.');
    return this.api.schema(key);
  }

  /** Stops the run at once: the worker is terminated and the pending start rejects with RunCancelled. */
  cancel(): void {
    const abort = this.abort;
    this.dispose();
    abort?.(new RunCancelled());
  }

  private dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.abort = null;
  }
}
