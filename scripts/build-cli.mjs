// Bundles the CLI and its worker into dist-cli/ (Node cannot start .ts workers; STACK_NOTES).
// Dependencies stay external and load from node_modules.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

// The CLI's workers fill every core (one per core by default), so V8's own background threads (concurrent marking and
// sweeping, optimising compilation) only compete with them for the same cores: each isolate collects and optimises on
// its own thread instead. Production with 2 workers on 2 cores: about 0.9x the wall and CPU time. V8 reads these flags
// only at process start, so they sit in the entry's shebang (`npm run generate` and the bench start it that way).
const CLI_NODE_FLAGS = ['--single-threaded-gc', '--no-concurrent-recompilation'];

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
  banner: { js: `#!/usr/bin/env -S node ${CLI_NODE_FLAGS.join(' ')}` },
});
chmodSync('dist-cli/main.mjs', 0o755);
