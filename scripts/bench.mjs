// `npm run bench [-- --smoke] [-- --only <text>]`: each case runs in a fresh `node` process on the built CLI
// (dist-cli), three times. Per case: the median wall time and the spread of the runs, CPU time of the whole
// process, peak RSS, and the encoder alone on the same rows (one thread) to compare the wall time with. Then
// whether 2 workers beat 1, and the engine alone. Figures only: it never fails on timing.
import { cpus } from 'node:os';
import { commit, encodeOnly, engineAlone, runCli } from './bench-runs.mjs';

const smoke = process.argv.includes('--smoke');
// `--only <text>`: just the cases whose name contains the text (e.g. `--only "1 worker"`).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const runs = smoke ? 1 : 3;
const scale = smoke ? 0.01 : 1;
const n = (rows) => Math.max(1, Math.round(rows * scale));
const window = ['--start', '2026-10-01', '--days', '30', '--seed', '42'];
const workerCounts = [1, 2];
const workersLabel = (workers) => `${workers} worker${workers > 1 ? 's' : ''}`;

const four = { slots: n(500_000), tables: n(100_000), players: n(10_000), security: n(25_000) };
const fourFlags = Object.entries(four).flatMap(([k, v]) => [`--${k}`, String(v)]);
/** A case run with 1 and with 2 workers; `pair` names it in the "2 workers faster?" lines. */
const withEachWorkerCount = ({ pair, name, flags, perTable = false }) =>
  workerCounts.map((workers) => ({ pair, workers, name: `${name}, ${workersLabel(workers)}`, flags: [...flags, '--workers', String(workers)], perTable }));

const cases = [
  // Start-up alone: a run so small that nearly all of it is loading modules, compiling parquet-wasm and the world.
  ...withEachWorkerCount({ pair: 'start-up', name: 'start-up, 1,000 slot events parquet', flags: [...window, '--slots', '1000'] }),
  ...['slots', 'tables', 'players', 'security'].map((key) => ({
    name: `${key} parquet`, flags: [...window, `--${key}`, String(four[key]), '--format', 'parquet', '--workers', '2'],
  })),
  ...['csv', 'json'].map((format) => ({
    name: `slots ${format}`, flags: [...window, '--slots', String(four.slots), '--format', format, '--workers', '2'],
  })),
  ...withEachWorkerCount({ pair: 'four tables', name: 'four tables parquet', flags: [...window, ...fourFlags] }),
  // The legacy `--all` (six tables, SPEC 2.3); the smoke run uses the `small` preset instead.
  ...withEachWorkerCount({
    pair: smoke ? 'small preset' : 'legacy --all',
    name: `${smoke ? 'small preset' : 'legacy --all'} six tables parquet`,
    flags: [...window, ...(smoke ? ['--preset', 'small'] : ['--all'])],
    perTable: true,
  }),
  ...withEachWorkerCount({
    pair: `${n(10_000_000).toLocaleString('en-US')} slot events`,
    name: `${n(10_000_000).toLocaleString('en-US')} slot events parquet`,
    flags: [...window, '--slots', String(n(10_000_000))],
  }),
  // Issue 5's scale cases (the smoke run leaves them out: its volumes are 1 %).
  ...(smoke ? [] : withEachWorkerCount({
    pair: 'production preset',
    name: 'production preset six tables parquet',
    flags: ['--start', '2026-08-01', '--seed', '42', '--preset', 'production'],
    perTable: true,
  })),
  ...(smoke ? [] : [{ name: '50,000,000 slot events parquet, 2 workers', flags: [...window, '--slots', '50000000', '--workers', '2'] }]),
].filter((c) => !only || c.name.includes(only));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes) => `${(bytes / 1_048_576).toFixed(0)} MiB`;
const count = (value) => Math.round(value).toLocaleString('en-US');
/** Two significant decimals for small figures, whole numbers for large ones. */
const figure = (value) => (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : count(value));

// The encoder alone depends on the rows only, so a case's 1- and 2-worker runs share one measurement.
const rowsKey = (flags) => JSON.stringify(flags.filter((f, i) => f !== '--workers' && flags[i - 1] !== '--workers'));
const encodeOnlyByRows = new Map();
if (smoke) {
  // At 1 % volumes a process per case would cost more in start-up than the whole measuring: one for all.
  const distinct = [...new Map(cases.map((c) => [rowsKey(c.flags), c.flags])).values()];
  encodeOnly(distinct).forEach((result, i) => encodeOnlyByRows.set(rowsKey(distinct[i]), result));
}
function encodeOnlyOf(flags) {
  const key = rowsKey(flags);
  if (!encodeOnlyByRows.has(key)) encodeOnlyByRows.set(key, encodeOnly([flags])[0]);
  return encodeOnlyByRows.get(key);
}

console.log(`# Casino Data Studio benchmark${smoke ? ' (smoke: 1% volumes, 1 run)' : ''}`);
console.log(`node ${process.version} | ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length} | commit ${commit()} | median of ${runs}`);
console.log('');
console.log('| case | rows | wall s (min-max) | rows/s | CPU s | CPU µs/row | peak RSS | encode only s | wall / encode only |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
const perTable = [];
const walls = new Map();
for (const c of cases) {
  const { rows, encodeMs } = encodeOnlyOf(c.flags);
  const results = Array.from({ length: runs }, () => runCli(c.flags));
  const seconds = results.map((r) => r.seconds);
  const wall = median(seconds);
  const spread = { min: Math.min(...seconds), max: Math.max(...seconds) };
  const cpu = median(results.map((r) => r.cpuSeconds));
  const encodeSeconds = encodeMs / 1000;
  if (c.pair) walls.set(`${c.pair}/${c.workers}`, { wall, ...spread });
  if (c.perTable) perTable.push(`${c.name}: ${Object.entries(results.find((r) => r.seconds === wall).tableRates).map(([t, r]) => `${t} ${r}`).join(', ')} rows/s`);
  console.log(
    `| ${c.name} | ${count(rows)} | ${wall.toFixed(2)} (${spread.min.toFixed(2)}-${spread.max.toFixed(2)}) | ${count(rows / wall)} | ${cpu.toFixed(2)} | ${figure((cpu * 1e6) / rows)} | ${mib(median(results.map((r) => r.rssBytes)))} | ${encodeSeconds.toFixed(2)} | ${(wall / encodeSeconds).toFixed(2)} |`,
  );
}
console.log('');
console.log('CPU s: user + system time of the whole process, all threads (median run). Encode only: the encoder alone, one');
console.log('thread, on the same rows in the units the workers encode, their generation not timed (one measurement per case).');

// 2 workers count as faster only when they win by more than the runs of either case vary among themselves.
const comparisons = [...new Set(cases.filter((c) => c.pair).map((c) => c.pair))].flatMap((pair) => {
  const [one, two] = workerCounts.map((workers) => walls.get(`${pair}/${workers}`));
  if (!one || !two) return [];
  const spread = Math.max(one.max - one.min, two.max - two.min);
  const verdict = two.wall < one.wall - spread ? 'faster' : 'not faster';
  return [`${pair}: 2 workers ${two.wall.toFixed(2)} s vs 1 worker ${one.wall.toFixed(2)} s, spread ${spread.toFixed(2)} s: ${verdict}`];
});
if (comparisons.length > 0) console.log('');
for (const line of comparisons) console.log(line);

if (perTable.length > 0) console.log('');
for (const line of perTable) console.log(`per table (median run), ${line}`);

const engine = Array.from({ length: runs }, () => engineAlone(four.slots));
const gen = median(engine.map((e) => e.generateMs));
const toArrow = median(engine.map((e) => e.generateMs + e.arrowMs));
const enc = median(engine.map((e) => e.encodeMs));
console.log('');
console.log(`slot generation alone, one thread: ${count((four.slots / gen) * 1000)} rows/s (${gen.toFixed(0)} ms for ${count(four.slots)} rows; world ${median(engine.map((e) => e.worldMs)).toFixed(0)} ms)`);
console.log(`slot generation to Arrow record batches, one thread: ${count((four.slots / toArrow) * 1000)} rows/s`);
console.log(`parquet-wasm alone encoding the same batches (snappy): ${count((four.slots / enc) * 1000)} rows/s (${enc.toFixed(0)} ms)`);
