// The processes `npm run bench` measures, each started fresh on the built CLI (dist-cli): a CLI run with its wall
// time, CPU time and peak RSS; the encoder alone on a run's rows (bench-encode); the engine alone (bench-engine).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One CLI run in a fresh process: wall seconds, CPU seconds (user + system, all threads), peak RSS, rows/s per table. */
export function runCli(flags) {
  const dir = mkdtempSync(join(tmpdir(), 'cds-bench-'));
  const usageFile = join(dir, 'usage.json');
  try {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [...cliNodeFlags(), '--import', './scripts/usage-probe.mjs', 'dist-cli/main.mjs', ...flags, '-o', join(dir, 'out')], {
      env: { ...process.env, CDS_USAGE_FILE: usageFile },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (child.status !== 0) throw new Error(`case failed (${child.status}): ${child.stderr}`);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
    return { seconds, cpuSeconds: (usage.userCpuUs + usage.systemCpuUs) / 1e6, rssBytes: usage.maxRssBytes, tableRates: tableRates(child.stderr) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The node flags of the CLI's shebang (build-cli.mjs), so a case runs as `npm run generate` and the installed command do. */
function cliNodeFlags() {
  const shebang = readFileSync('dist-cli/main.mjs', 'utf8').split('\n', 1)[0];
  const match = /^#!\/usr\/bin\/env -S node(.*)$/.exec(shebang);
  if (!match) throw new Error(`dist-cli/main.mjs starts with an unexpected line: ${shebang}`);
  return match[1].trim().split(/\s+/).filter(Boolean);
}

/** rows/s per table from the CLI's last progress line of each table (stderr, SPEC 14). */
function tableRates(stderr) {
  const rates = {};
  for (const m of stderr.matchAll(/^(\w+) [\d,]+\/[\d,]+ rows ([\d,]+) rows\/s/gm)) rates[m[1]] = m[2];
  return rates;
}

/**
 * The encoder alone on the rows of each run (flags as the CLI takes them), in one fresh process for all of them:
 * `{ rows, encodeMs, ... }` per run, in order. One process per run when the figure matters (a cold start, as
 * the CLI's workers have); one for several when start-up would cost more than the measuring (the smoke run).
 */
export function encodeOnly(runs) {
  const out = execFileSync(process.execPath, ['dist-cli/bench-encode.mjs', ...runs.map((flags) => JSON.stringify(flags))], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

/** The engine alone on `rows` slot events in one thread: world, generation, Arrow and parquet-wasm times (ms). */
export function engineAlone(rows) {
  return JSON.parse(execFileSync(process.execPath, ['dist-cli/bench-engine.mjs', String(rows)], { encoding: 'utf8' }));
}

export function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
