// `npm run bench [-- --smoke] [-- --only <text>]`: each case runs in a fresh `node` process on the built CLI
// (dist-cli), three times; prints the median wall time, rows/s and peak RSS. Never fails on timing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const smoke = process.argv.includes('--smoke');
// `--only <text>`: just the cases whose name contains the text (e.g. `--only "1 worker"`).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const runs = smoke ? 1 : 3;
const scale = smoke ? 0.01 : 1;
const n = (rows) => Math.max(1, Math.round(rows * scale));
const window = ['--start', '2026-10-01', '--days', '30', '--seed', '42'];

const four = { slots: n(500_000), tables: n(100_000), players: n(10_000), security: n(25_000) };
const fourFlags = Object.entries(four).flatMap(([k, v]) => [`--${k}`, String(v)]);
const fourRows = Object.values(four).reduce((a, b) => a + b, 0);
const cases = [
  ...['slots', 'tables', 'players', 'security'].map((key) => ({
    name: `${key} parquet`, rows: four[key], args: [`--${key}`, String(four[key]), '--format', 'parquet', '--workers', '2'],
  })),
  ...['csv', 'json'].map((format) => ({
    name: `slots ${format}`, rows: four.slots, args: ['--slots', String(four.slots), '--format', format, '--workers', '2'],
  })),
  { name: 'four tables parquet, 1 worker', rows: fourRows, args: [...fourFlags, '--workers', '1'] },
  { name: 'four tables parquet, 2 workers', rows: fourRows, args: [...fourFlags, '--workers', '2'] },
  // The legacy `--all` (six tables, SPEC 2.3); the smoke run uses the `small` preset instead.
  ...[1, 2].map((workers) => ({
    name: `${smoke ? 'small preset' : 'legacy --all'} six tables parquet, ${workers} worker${workers > 1 ? 's' : ''}`,
    rows: smoke ? 18_700 : 695_000,
    args: [...(smoke ? ['--preset', 'small'] : ['--all']), '--workers', String(workers)],
    perTable: true,
  })),
  ...[1, 2].map((workers) => ({
    name: `${n(10_000_000).toLocaleString('en-US')} slot events parquet, ${workers} worker${workers > 1 ? 's' : ''}`,
    rows: n(10_000_000),
    args: ['--slots', String(n(10_000_000)), '--workers', String(workers)],
  })),
  // Issue 5's scale cases (the smoke run leaves them out: its volumes are 1 %).
  ...(smoke ? [] : [1, 2].map((workers) => ({
    name: `production preset six tables parquet, ${workers} worker${workers > 1 ? 's' : ''}`,
    rows: 6_750_000,
    window: ['--start', '2026-08-01', '--seed', '42'],
    args: ['--preset', 'production', '--workers', String(workers)],
    perTable: true,
  }))),
  ...(smoke ? [] : [{ name: '50,000,000 slot events parquet, 2 workers', rows: 50_000_000, args: ['--slots', '50000000', '--workers', '2'] }]),
];

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function runOnce(args, caseWindow = window) {
  const dir = mkdtempSync(join(tmpdir(), 'cds-bench-'));
  const rssFile = join(dir, 'rss');
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', './scripts/rss-probe.mjs', 'dist-cli/main.mjs', ...caseWindow, ...args, '-o', join(dir, 'out')], {
    env: { ...process.env, CDS_RSS_FILE: rssFile },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`case failed (${child.status}): ${child.stderr}`);
  const rss = Number(readFileSync(rssFile, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return { seconds, rss, tableRates: tableRates(child.stderr) };
}

/** rows/s per table from the CLI's last progress line of each table (stderr, SPEC 14). */
function tableRates(stderr) {
  const rates = {};
  for (const m of stderr.matchAll(/^(\w+) [\d,]+\/[\d,]+ rows ([\d,]+) rows\/s/gm)) rates[m[1]] = m[2];
  return rates;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => `${(bytes / 1_048_576).toFixed(0)} MiB`;

console.log(`# Casino Data Studio benchmark${smoke ? ' (smoke: 1% volumes, 1 run)' : ''}`);
console.log(`node ${process.version} | ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length} | commit ${commit()} | median of ${runs}`);
console.log('');
console.log(`| case | rows | wall s | rows/s | peak RSS |`);
console.log(`|---|---:|---:|---:|---:|`);
const perTable = [];
for (const c of cases.filter((c) => !only || c.name.includes(only))) {
  const results = Array.from({ length: runs }, () => runOnce(c.args, c.window));
  const seconds = median(results.map((r) => r.seconds));
  const rss = median(results.map((r) => r.rss));
  if (c.perTable) perTable.push(`${c.name}: ${Object.entries(results.find((r) => r.seconds === seconds).tableRates).map(([t, r]) => `${t} ${r}`).join(', ')} rows/s`);
  console.log(`| ${c.name} | ${c.rows.toLocaleString('en-US')} | ${seconds.toFixed(2)} | ${Math.round(c.rows / seconds).toLocaleString('en-US')} | ${mb(rss)} |`);
}

console.log('');
for (const line of perTable) console.log(`per table (median run), ${line}`);

const engine = Array.from({ length: runs }, () =>
  JSON.parse(execFileSync(process.execPath, ['dist-cli/bench-engine.mjs', String(four.slots)], { encoding: 'utf8' })),
);
const gen = median(engine.map((e) => e.generateMs));
const toArrow = median(engine.map((e) => e.generateMs + e.arrowMs));
const enc = median(engine.map((e) => e.encodeMs));
console.log('');
console.log(`slot generation alone, one thread: ${Math.round((four.slots / gen) * 1000).toLocaleString('en-US')} rows/s (${gen.toFixed(0)} ms for ${four.slots.toLocaleString('en-US')} rows; world ${median(engine.map((e) => e.worldMs)).toFixed(0)} ms)`);
console.log(`slot generation to Arrow record batches, one thread: ${Math.round((four.slots / toArrow) * 1000).toLocaleString('en-US')} rows/s`);
console.log(`parquet-wasm alone encoding the same batches (snappy): ${Math.round((four.slots / enc) * 1000).toLocaleString('en-US')} rows/s (${enc.toFixed(0)} ms)`);
