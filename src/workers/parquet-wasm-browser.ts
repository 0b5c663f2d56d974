/** parquet-wasm's browser build, initialised from its bundled wasm on first use (STACK_NOTES), in this worker. */
import initParquetWasm, * as parquetWasm from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { setParquetWasmLoader, type ParquetWasmModule } from '../export/parquet-wasm';

export function useBrowserParquetWasm(): void {
  setParquetWasmLoader(async () => {
    await initParquetWasm({ module_or_path: wasmUrl });
    return parquetWasm as unknown as ParquetWasmModule;
  });
}
