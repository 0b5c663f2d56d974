/**
 * `node dist-cli/bench-encode.mjs <CLI flags>` (e.g. `--slots 500000 --start 2026-10-01 --days 30 --format csv`),
 * `node dist-cli/bench-encode.mjs <preset> <start> <end>` (seed 42), or several runs in one process, each as a
 * JSON array of CLI flags (`'["--slots","5000"]' '["--preset","small"]'`): the encoder alone (parquet-wasm, or the
 * CSV / JSON Lines encoder) on exactly the rows of that run, in one thread. Every table is cut into the units the
 * workers encode and each unit is encoded with encodeSegment; a unit's rows are generated just before and not
 * timed, so only one unit's rows are held at a time. The floor the benchmarks compare a run's wall time with.
 * Flags that do not change the rows (`-o`, `--workers`) are accepted and ignored. Prints one JSON line per run
 * (not part of the CLI).
 */
import { groupUnits } from '../export/chunk-stream';
import { encodeSegment, rowGroupUnits, startsFile } from '../export/segments';
import { createWorld, generateGroup, planTables } from '../generators/engine';
import type { ColumnBatch } from '../generators/columns';
import { writesParquet } from '../generators/scenario/types';
import { resolveScenario } from '../generators/scenario/validate';
import { SCHEMAS } from '../generators/schema';
import { DAY_US } from '../generators/time/units';
import { parseCliArgs } from './args';

const argv = process.argv.slice(2);
const runs: string[][] = argv[0]?.startsWith('[')
  ? argv.map((arg) => JSON.parse(arg) as string[])
  : [argv[0]?.startsWith('-') ? argv : ['--preset', argv[0], '--start', argv[1], '--end', argv[2], '--seed', '42']];
for (const flags of runs) process.stdout.write(`${JSON.stringify(await encodeRun(flags))}\n`);

async function encodeRun(flags: readonly string[]) {
  const today = Math.floor(Date.now() / 86_400_000) * DAY_US;
  const args = parseCliArgs(flags, process.env, today);
  if (args.kind !== 'run') throw new Error(`bench-encode takes the flags of one run (got ${flags.join(' ')})`);
  // A shard has other rows, and a day-partitioned run is not encoded in units: neither is what is measured here.
  if (args.shard || args.partitioning !== 'none') throw new Error('bench-encode measures whole runs, without --shard or --partition-by day');
  const result = resolveScenario(args.input);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const scenario = result.scenario;

  let t = performance.now();
  const world = createWorld(scenario, process.env.CDS_PII_SECRET);
  const worldMs = performance.now() - t;
  // The units the writer hands to the workers (write-run.ts): whole row groups for Parquet, single groups for text.
  const unitsOf = writesParquet(scenario.format) ? rowGroupUnits : groupUnits;
  const encoding = { format: scenario.format, compression: scenario.compression };
  let generateMs = 0;
  let encodeMs = 0;
  let units = 0;
  let bytes = 0;
  let rows = 0;
  for (const plan of planTables(scenario)) {
    for (const unit of unitsOf(plan)) {
      t = performance.now();
      const batches: ColumnBatch[] = unit.groups.flatMap(([first, count]) => generateGroup(world, plan.key, first, count));
      generateMs += performance.now() - t;
      t = performance.now();
      bytes += (await encodeSegment(SCHEMAS[plan.key], batches, encoding, startsFile(unit))).length;
      encodeMs += performance.now() - t;
      units++;
    }
    rows += plan.rows;
  }
  return { format: scenario.format, compression: scenario.compression, rows, units, bytes, worldMs, generateMs, encodeMs };
}
