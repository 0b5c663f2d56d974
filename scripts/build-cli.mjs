// Bundles the CLI and its worker into dist-cli/ (Node cannot start .ts workers; STACK_NOTES).
// Dependencies stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/cli/main.ts', api: 'src/cli/api.ts', 'bench-engine': 'src/cli/bench-engine.ts', 'bench-encode': 'src/cli/bench-encode.ts', 'generator-worker': 'src/cli/generator-worker.ts' },
  outdir: 'dist-cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Shared chunks, so a module imported on first use (the Parquet encoder) stays out of the entry until needed.
  splitting: true,
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: '#!/usr/bin/env node' },
});
