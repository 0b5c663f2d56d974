/**
 * The CLI (SPEC 14) as a function: arguments → scenario → worker pool → files, returning the exit code: 0 success,
 * 2 invalid input (nothing written), 1 runtime failure, 130 interrupted (143 SIGTERM, 129 SIGHUP). main.ts runs
 * it on the process; tests run it in-process with their own streams and environment.
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
  if (args.nothingSelected) {
    io.stdout.write('No data generated. Use --all or specify data types to generate.\nRun with --help to see the options.\n');
    return 0;
  }
  // The wall clock is read here only, to fill the default window (SPEC 2.2).
  const today = Math.floor(Date.now() / 86_400_000) * DAY_US;
  const result = resolveScenario({ ...args.input, today });
  if (!result.ok) return invalid(result.errors.map((e) => e.message));
  const scenario = result.scenario;
  const plans = args.shard ? shardPlans(planTables(scenario), args.shard.index, args.shard.count) : planTables(scenario);
  const dir = resolve(args.output);
  const out = (lines: string[]) => io.stdout.write(`${lines.join('\n')}\n`);

  const workers = args.workers ?? availableParallelism();
  const pool = new WorkerPool(workers, io.workerUrl);
  const abort = new AbortController();
  let interrupted: Interruption | null = null;
  const stop = (signal: InterruptSignal) => () => {
    interrupted ??= INTERRUPTIONS[signal];
    abort.abort();
    // The workers go at once: a unit being generated is not waited for (its request fails, the files are removed).
    void pool.close();
  };
  // `once`: a second signal of the same kind ends the process the default way, should the cleanup ever hang.
  const listeners = INTERRUPT_SIGNALS.map((signal) => [signal, stop(signal)] as const);
  for (const [signal, listener] of listeners) process.once(signal, listener);
  const progress = new ProgressReporter(io.stderr, () => performance.now());
  let bundle: BundleStats | null = null;
  let filings: ManifestFilings | null = null;
  const dictionary = args.dictionary ? new DictionaryCollector(scenario, plans) : null;
  try {
    // Each worker builds the world and draws the plan; volumes that cannot back it are refused
    // before anything is printed or written (SPEC 3.10, E_VOLUME).
    const volumes = await pool.init(scenario, env.CDS_PII_SECRET);
    if (abort.signal.aborted) throw new CancelledError();
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
      const { code, message } = interrupted ?? INTERRUPTIONS.SIGINT;
      io.stderr.write(`\n${message}\n`);
      return code;
    }
    io.stderr.write(`Error during generation: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    for (const [signal, listener] of listeners) process.off(signal, listener);
    await pool.close();
  }
}

/**
 * Signals that stop a run: its files are removed and the exit code is 128 + the signal's number (the shell's
 * convention). SIGINT (Ctrl-C) is SPEC 14's 130; SIGTERM (kill, a service manager) and SIGHUP (the terminal closed)
 * are interruptions too, told apart by their codes.
 */
const INTERRUPTIONS = {
  SIGINT: { code: 130, message: 'Generation cancelled by user.' },
  SIGTERM: { code: 143, message: 'Generation cancelled: the process was terminated (SIGTERM).' },
  SIGHUP: { code: 129, message: 'Generation cancelled: the terminal was closed (SIGHUP).' },
} as const;
type InterruptSignal = keyof typeof INTERRUPTIONS;
type Interruption = (typeof INTERRUPTIONS)[InterruptSignal];
const INTERRUPT_SIGNALS = Object.keys(INTERRUPTIONS) as InterruptSignal[];

/** SPEC 14 exit 2: one `error: <message>` line per problem, nothing written. */
function reject(io: CliIo, messages: readonly string[]): number {
  for (const m of messages) io.stderr.write(`error: ${m}\n`);
  return 2;
}
