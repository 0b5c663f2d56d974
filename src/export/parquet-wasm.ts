/**
 * The one place that loads parquet-wasm. Node (CLI, Vitest): the package's node build loads
 * its wasm itself, so no init call (STACK_NOTES). A browser worker registers its own loader,
 * e.g. `setParquetWasmLoader(async () => { await init({ module_or_path: wasmUrl }); return esm; })`
 * with `import init, * as esm from 'parquet-wasm/esm'`.
 */
import type * as ParquetWasm from 'parquet-wasm';

export type ParquetWasmModule = typeof ParquetWasm;

let loader: () => Promise<ParquetWasmModule> = () => import('parquet-wasm');
let loaded: Promise<ParquetWasmModule> | null = null;

/** The initialised parquet-wasm module (loaded once per thread). */
export function loadParquetWasm(): Promise<ParquetWasmModule> {
  loaded ??= loader();
  return loaded;
}

/** Replaces how the module is loaded (browser build); call before the first encode. */
export function setParquetWasmLoader(load: () => Promise<ParquetWasmModule>): void {
  loader = load;
  loaded = null;
}
