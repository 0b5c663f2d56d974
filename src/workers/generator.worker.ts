/** The browser's generator worker: parquet-wasm loaded on first use, then the same generator API as the CLI's worker_threads, over Comlink. */
import { expose } from 'comlink';
import { createGeneratorApi } from './generator-api';
import { parseFault, withFault } from './fault-hook';
import { useBrowserParquetWasm } from './parquet-wasm-browser';

useBrowserParquetWasm();
// globalThis.CDS_FAULT is a test hook (fault-hook.ts), set only by tests that rewrite this script; absent otherwise.
const fault = parseFault((globalThis as { CDS_FAULT?: string }).CDS_FAULT);
expose(withFault(createGeneratorApi(Number(self.name.replace(/\D/g, '')) || 0), fault, () => self.close()));
