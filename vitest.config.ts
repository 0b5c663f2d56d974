import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**'],
    // Two test files at a time (Vitest's default here is one per core but one: 1 on this 2-core machine). Most files
    // wait on child processes, DuckDB or the disk for much of their time: 255 s instead of 412 s for the suite.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    sequence: { shuffle: true },
  },
});
