/**
 * The CLI (SPEC 14) as a function: arguments → scenario → worker pool → files, returning the exit code: 0 success,
 * 2 invalid input (nothing written), 1 runtime failure, 130 interrupted. main.ts runs it on the process; tests run
 * it in-process with their own streams and environment.
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
import { ProgressReporter, header, type ProgressStream, megabytes, summary, tableSaved, tableStart } from './console-report';
import { segmentsOf, WorkerPool } from './pool';
import { CancelledError, writeTables, type BundleStats } from './write-files';

/** Where the CLI reads and writes: the process's, or a test's. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Pick<NodeJS.WriteStream, 'write'>;
  readonly stderr: ProgressStream;
  /** The bundled generator worker (dist-cli/generator-worker.mjs beside the bundled CLI). */
  readonly workerUrl: URL;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { env } = io;
  const args = parseCliArgs([...argv], env);
  if (args.kind === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const invalid = (messages: readonly string[]) => reject(io, messages);
  if (args.kind === 'error') return invalid(args.errors);
  // The wall clock is read here only, to fill the default window (SPEC 2.2).
  const today = Math.floor(Date.now() / 86_400_000) * DAY_US;
  // Validation comes first (SPEC 15), also with no table selected: `--seed -5` alone is an error, not "No data".
  const result = resolveScenario({ ...args.input, today });
  if (!result.ok) return invalid(result.errors.map((e) => e.message));
  if (args.nothingSelected) {
    io.stdout.write('No data generated. Use --all or specify data types to generate.\nRun with --help to see the options.\n');
    return 0;
  }
  const scenario = result.scenario;
  const plans = args.shard ? shardPlans(planTables(scenario), args.shard.index, args.shard.count) : planTables(scenario);
  const dir = resolve(args.output);
  const out = (lines: string[]) => io.stdout.write(`${lines.join('\n')}\n`);

  const workers = args.workers ?? availableParallelism();
  const pool = new WorkerPool(workers, io.workerUrl);
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  const progress = new ProgressReporter(io.stderr, () => performance.now());
  let bundle: BundleStats | null = null;
  let filings: ManifestFilings | null = null;
  const dictionary = args.dictionary ? new DictionaryCollector(scenario, plans) : null;
  try {
    // Each worker builds the world and draws the plan; volumes that cannot back it are refused
    // before anything is printed or written (SPEC 3.10, E_VOLUME).
    const volumes = await pool.init(scenario, env.CDS_PII_SECRET);
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
      io.stderr.write('\nGeneration cancelled by user.\n');
      return 130;
    }
    io.stderr.write(`Error during generation: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
    await pool.close();
  }
}

/** SPEC 14 exit 2: one `error: <message>` line per problem, nothing written. */
function reject(io: CliIo, messages: readonly string[]): number {
  for (const m of messages) io.stderr.write(`error: ${m}\n`);
  return 2;
}
