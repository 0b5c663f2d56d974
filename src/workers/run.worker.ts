/** The browser's run worker: parquet-wasm initialised once, then the run API over Comlink (OPFS sink enabled: a dedicated worker). */
import { expose } from 'comlink';
import { BrowserPool } from './browser-pool';
import { useBrowserParquetWasm } from './parquet-wasm-browser';
import { createRunApi } from './run-api';

useBrowserParquetWasm();

expose(createRunApi({
  async open(scenario, piiSecret, count, parts) {
    const pool = new BrowserPool(count);
    const volumes = await pool.init(scenario, piiSecret, parts);
    return { volumes, produce: pool.produce, segments: pool.segments, close: () => void pool.close() };
  },
}, () => navigator.storage.getDirectory()));
