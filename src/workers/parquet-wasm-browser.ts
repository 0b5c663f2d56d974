/** parquet-wasm's browser build, initialised from its bundled wasm on first use (STACK_NOTES), in this worker. */
import initParquetWasm, * as parquetWasm from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { setParquetWasmLoader, type ParquetWasmModule } from '../export/parquet-wasm';

/** The worker's WebAssembly memory in bytes (0 before first use), for `npm run bench:browser` over DevTools. */
export const WASM_BYTES_PROBE = 'casinoDataStudioWasmBytes';

export function useBrowserParquetWasm(): void {
  let ready = false;
  setParquetWasmLoader(async () => {
    await initParquetWasm({ module_or_path: wasmUrl });
    ready = true;
    return parquetWasm as unknown as ParquetWasmModule;
  });
  (globalThis as Record<string, unknown>)[WASM_BYTES_PROBE] = () => (ready ? parquetWasm.wasmMemory().buffer.byteLength : 0);
}
