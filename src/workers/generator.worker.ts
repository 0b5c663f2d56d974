/** The browser's generator worker: parquet-wasm loaded on first use, then the same generator API as the CLI's worker_threads, over Comlink. */
import { expose } from 'comlink';
import { createGeneratorApi } from './generator-api';
import { useBrowserParquetWasm } from './parquet-wasm-browser';

useBrowserParquetWasm();
expose(createGeneratorApi(Number(self.name.replace(/\D/g, '')) || 0));
