/** The browser's generator worker: parquet-wasm loaded on first use, then the same generator API as the CLI's worker_threads, over Comlink. */
import { expose } from 'comlink';
import { createGeneratorApi } from './generator-api';
import { parseFault, withFault } from './fault-hook';
import { useBrowserParquetWasm } from './parquet-wasm-browser';

useBrowserParquetWasm();
// A test hook (fault-hook.ts): the `cds_fault` parameter of this worker's own URL, which the app never sets.
const fault = parseFault(new URL(self.location.href).searchParams.get('cds_fault') ?? undefined);
const api = withFault(createGeneratorApi(Number(/generator-(\d+)/.exec(self.name)?.[1]) || 0), fault, () => self.close());

// A Web Lock named after this worker, held for its whole life: a worker that stops without an error event
// (closed, or lost) releases it, which is how the pool learns of it (browser-pool.ts). init answers once it is held.
const held = navigator.locks
  ? new Promise<void>((granted) => void navigator.locks.request(self.name, () => new Promise<void>(() => granted())))
  : Promise.resolve();
expose({ ...api, init: async (...args: Parameters<typeof api.init>) => (await held, api.init(...args)) });
