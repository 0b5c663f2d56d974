/** The browser's run worker: parquet-wasm initialised once, then the run API over Comlink (OPFS sink enabled: a dedicated worker). */
import { expose } from 'comlink';
import initParquetWasm, * as parquetWasm from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { setParquetWasmLoader, type ParquetWasmModule } from '../export/parquet-wasm';
import { BrowserPool } from './browser-pool';
import { createRunApi } from './run-api';

setParquetWasmLoader(async () => {
  await initParquetWasm({ module_or_path: wasmUrl });
  return parquetWasm as unknown as ParquetWasmModule;
});

expose(createRunApi({
  async open(scenario, piiSecret, count) {
    const pool = new BrowserPool(count);
    await pool.init(scenario, piiSecret);
    return { produce: pool.produce, close: () => pool.close() };
  },
}, () => navigator.storage.getDirectory()));
