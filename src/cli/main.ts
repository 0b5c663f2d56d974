/**
 * The CLI (SPEC 14): arguments → scenario → worker pool → files. Exit codes: 0 success,
 * 2 invalid input (nothing written), 1 runtime failure, 130 interrupted.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { planTables, shardPlans } from '../generators/engine';
import { filingsLine } from '../export/filing-counts';
import type { ManifestFilings } from '../export/manifest';
import { resolveScenario } from '../generators/scenario/validate';
import { DAY_US } from '../generators/time/units';
import { USAGE, parseCliArgs } from './args';
import { DictionaryCollector } from '../export/dictionary-hooks';
import { ProgressReporter, header, megabytes, summary, tableSaved, tableStart } from './console-report';
import { segmentsOf, WorkerPool } from './pool';
import { CancelledError, writeTables, type BundleStats } from './write-files';

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv, process.env);
  if (args.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.kind === 'error') return invalid(args.errors);
  if (args.nothingSelected) {
    process.stdout.write('No data generated. Use --all or specify data types to generate.\nRun with --help to see the options.\n');
    return 0;
  }
  // The wall clock is read here only, to fill the default window (SPEC 2.2).
  const today = Math.floor(Date.now() / 86_400_000) * DAY_US;
  const result = resolveScenario({ ...args.input, today });
  if (!result.ok) return invalid(result.errors.map((e) => e.message));
  const scenario = result.scenario;
  const plans = args.shard ? shardPlans(planTables(scenario), args.shard.index, args.shard.count) : planTables(scenario);
  const dir = resolve(args.output);
  const out = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);

  const workers = args.workers ?? availableParallelism();
  const pool = new WorkerPool(workers, new URL('./generator-worker.mjs', import.meta.url));
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  const progress = new ProgressReporter(process.stderr, () => performance.now());
  let bundle: BundleStats | null = null;
  let filings: ManifestFilings | null = null;
  const dictionary = args.dictionary ? new DictionaryCollector(scenario, plans) : null;
  try {
    // Each worker builds the world and draws the plan; volumes that cannot back it are refused
    // before anything is printed or written (SPEC 3.10, E_VOLUME).
    const volumes = await pool.init(scenario, process.env.CDS_PII_SECRET);
    if (volumes) return invalid([volumes]);
    out(header(scenario, dir));
    const files = await writeTables(scenario, plans, dir, pool.produce, workers, {
      signal: abort.signal,
      onTableStart: (plan) => {
        out([tableStart(plan)]);
        progress.start();
      },
      onRows: (plan, done) => progress.update(plan, done),
      onTableDone: (file) => out([tableSaved(file)]),
      onBundleDone: (done) => (bundle = done),
      onFilings: (counts) => (filings = counts),
      segments: segmentsOf(pool),
      part: args.shard?.index,
      partitioning: args.partitioning,
      ...dictionary?.hooks,
    });
    if (dictionary) out(dictionary.files.map((f) => `  Saved: ${f.name} (${megabytes(f.bytes.length)} MB)`));
    out(summary(files, dir, filings ? filingsLine(filings) : null, bundle));
    return 0;
  } catch (error) {
    if (error instanceof CancelledError || abort.signal.aborted) {
      process.stderr.write('\nGeneration cancelled by user.\n');
      return 130;
    }
    process.stderr.write(`Error during generation: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
    await pool.close();
  }
}

function invalid(messages: readonly string[]): number {
  for (const m of messages) process.stderr.write(`error: ${m}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`Error during generation: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
