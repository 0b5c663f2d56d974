#!/usr/bin/env node
/**
 * Encoder throughput on slots-shaped fake batches (24 columns, realistic string cardinality):
 *   node scripts/encode-speed.mjs [rows=1000000]
 * Bundles the TypeScript encoders with esbuild (a dev dependency) into node_modules/.cache,
 * then times Parquet (snappy, zstd, none), CSV and JSON Lines. Prints numbers; never fails on timing.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rows = Number(process.argv[2] ?? 1_000_000);
const outfile = join(root, 'node_modules/.cache/encode-speed/bundle.mjs');
mkdirSync(dirname(outfile), { recursive: true });
await build({
  stdin: {
    contents: `
      export { encodeParquet } from './src/export/parquet';
      export { loadParquetWasm } from './src/export/parquet-wasm';
      export { encodeCsv } from './src/export/csv';
      export { encodeJsonl } from './src/export/jsonl';
      export { fakeBatch } from './src/export/fake-batches';
      export { sliceBatch } from './src/generators/columns';
      export { SCHEMAS } from './src/generators/schema/index';
      export { CHUNK_ROWS } from './src/generators/tables';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const m = await import(pathToFileURL(outfile).href);
const schema = m.SCHEMAS.slots;

// Two distinct chunks, reused: generating fake rows is slower than encoding them.
const samples = [0, 1].map((k) => m.fakeBatch(schema, k * m.CHUNK_ROWS, m.CHUNK_ROWS, { distinctStrings: 500 }));
function* chunks() {
  for (let first = 0, k = 0; first < rows; first += m.CHUNK_ROWS, k++) {
    const n = Math.min(m.CHUNK_ROWS, rows - first);
    const sample = samples[k % 2];
    yield n === m.CHUNK_ROWS ? sample : m.sliceBatch(sample, 0, n);
  }
}

const pw = await m.loadParquetWasm();
const runs = [
  ['parquet snappy', () => m.encodeParquet(schema, chunks(), { compression: 'snappy' })],
  ['parquet zstd', () => m.encodeParquet(schema, chunks(), { compression: 'zstd' })],
  ['parquet none', () => m.encodeParquet(schema, chunks(), { compression: 'none' })],
  ['csv', () => m.encodeCsv(schema, chunks())],
  ['jsonl', () => m.encodeJsonl(schema, chunks())],
];
console.log(`${rows.toLocaleString('en-US')} slots-shaped rows, ${schema.columns.length} columns`);
for (const [name, encode] of runs) {
  const started = performance.now();
  let bytes = 0;
  for await (const part of encode()) bytes += part.length;
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(rows / seconds).toLocaleString('en-US');
  const mib = (n) => (n / 2 ** 20).toFixed(0);
  console.log(
    `${name.padEnd(15)} ${seconds.toFixed(2).padStart(6)} s  ${rate.padStart(10)} rows/s  ${mib(bytes).padStart(5)} MiB out` +
      `  rss ${mib(process.memoryUsage().rss)} MiB  wasm ${mib(pw.wasmMemory().buffer.byteLength)} MiB`,
  );
}
