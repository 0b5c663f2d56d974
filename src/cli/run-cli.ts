/**
 * The CLI (SPEC 14) as a function: arguments → scenario → worker pool → files, returning the exit code: 0 success,
 * 2 invalid input (nothing written), 1 runtime failure, 130 interrupted (143 SIGTERM, 129 SIGHUP). main.ts runs
 * it on the process; tests run it in-process with their own streams and environment.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { createWorld, planTables, shardPlans } from '../generators/engine';
import { worldParts } from '../generators/world';
import { inSharedMemory } from '../workers/world-transfer';
import { filingsLine } from '../export/filing-counts';
import { MANIFEST_FILE, type ManifestFile, type ManifestFilings } from '../export/manifest';
import { readManifest } from '../export/manifest-read';
import type { Partitioning } from '../export/partition';
import { zipFileName } from '../export/zip';
import { MESSAGES, shortenValue } from '../generators/scenario/messages';
import type { Scenario } from '../generators/scenario/types';
import { resolveScenario } from '../generators/scenario/validate';
import { DAY_US } from '../generators/time/units';
import { USAGE, parseCliArgs, type Shard } from './args';
import { DictionaryCollector } from '../export/dictionary-hooks';
import { ProgressReporter, header, type ProgressStream, megabytes, summary, tableSaved, tableStart } from './console-report';
import { segmentsOf, WorkerPool } from './pool';
import { warmParquetEncoder } from '../export/parquet-lazy';
import { writesParquet } from '../generators/scenario/types';
import { CancelledError, segmentsUsed, writeTables, type BundleStats, type WrittenFile } from './write-files';

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
  if (args.kind === 'manifest') return runFromManifest(args, io);
  // The wall clock is read here only, to fill the default window (SPEC 2.2).
  const today = Math.floor(Date.now() / 86_400_000) * DAY_US;
  // Validation comes first (SPEC 15), also with no table selected: `--seed -5` alone is an error, not "No data".
  const result = resolveScenario({ ...args.input, today });
  if (!result.ok) return invalid(result.errors.map((e) => e.message));
  if (args.nothingSelected) {
    io.stdout.write('No data generated. Use --all or specify data types to generate.\nRun with --help to see the options.\n');
    return 0;
  }
  const { output, workers, shard, partitioning, dictionary } = args;
  return generate(io, result.scenario, { output, workers, shard, partitioning, dictionary, expected: null });
}

/** How a validated scenario is written. */
interface RunOptions {
  readonly output: string;
  readonly workers: number | null;
  readonly shard: Shard | null;
  readonly partitioning: Partitioning;
  readonly dictionary: boolean;
  /** With --from-manifest: the files its manifest lists, which the new ones must equal. */
  readonly expected: { readonly name: string; readonly files: readonly ManifestFile[] } | null;
}

/** A path in a message: `…` and its last 39 characters (where the file name is) when longer than 40. */
function describePath(path: string): string {
  const chars = Array.from(path);
  return chars.length > 40 ? `…${shortenValue(chars.slice(-39).join(''))}` : shortenValue(path);
}

/** A manifest is a few MB even for a partitioned run: a larger file is not one, and is not read into memory. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** `--from-manifest FILE` (issue 7): the manifest's run, refused (exit 2) when it cannot be reproduced here. */
async function runFromManifest(args: { path: string; output: string; workers: number | null }, io: CliIo): Promise<number> {
  const name = describePath(args.path);
  let text: string;
  try {
    if ((await stat(args.path)).size > MAX_MANIFEST_BYTES) return reject(io, [`${name} is too large to be a manifest.json`]);
    text = await readFile(args.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return reject(io, [`cannot read the manifest ${name} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : shortenValue(String(code ?? error))})`]);
  }
  const read = readManifest(text, { name, anew: 'drop --from-manifest to generate anew' });
  if (!read.ok) return reject(io, read.errors);
  const { scenario, partitioning, files } = read.run;
  if (scenario.pii_key === 'secret' && (io.env.CDS_PII_SECRET ?? '') === '') return reject(io, [MESSAGES.piiSecret()]);
  const options = { output: args.output, workers: args.workers, shard: null, partitioning, dictionary: false };
  return generate(io, scenario, { ...options, expected: { name, files } });
}

/** Writes the scenario's tables (SPEC 14): header, per-table lines, progress, summary; returns the exit code. */
async function generate(io: CliIo, scenario: Scenario, args: RunOptions): Promise<number> {
  const { env } = io;
  const invalid = (messages: readonly string[]) => reject(io, messages);
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
  const segments = segmentsUsed({ segments: segmentsOf(pool), partitioning: args.partitioning });
  // This thread encodes (one worker, or daily partitions): its encoder loads while the workers build the world.
  if (writesParquet(scenario.format) && !segments) warmParquetEncoder();
  try {
    // With several workers the world (and its plan) is drawn once, here, while they start, and its arrays reach them
    // in shared memory; one worker draws its own. Volumes that cannot back the plan are refused before anything is
    // printed or written (SPEC 3.10, E_VOLUME).
    const volumes = await pool.init(
      scenario,
      env.CDS_PII_SECRET,
      workers > 1 ? inSharedMemory(worldParts(createWorld(scenario, env.CDS_PII_SECRET))) : undefined,
    );
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
      segments,
      part: args.shard?.index,
      partitioning: args.partitioning,
      ...dictionary?.hooks,
    });
    if (dictionary) out(dictionary.files.map((f) => `  Saved: ${f.name} (${megabytes(f.bytes.length)} MB)`));
    out(summary(files, dir, filings ? filingsLine(filings) : null, bundle));
    const differs = args.expected && differenceFrom(args.expected, files);
    if (differs) {
      await removeRun(scenario, dir, files);
      io.stderr.write(`Error during generation: ${differs}; the files written were removed\n`);
      return 1;
    }
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
 * The first file that differs from the manifest's list, or null. A manifest that passed readManifest lists what
 * this engine writes, so a difference is an edited hash, size or row count (or a bug: the engine not reproducing).
 */
function differenceFrom(expected: NonNullable<RunOptions['expected']>, files: readonly WrittenFile[]): string | null {
  const written = new Map(files.map((f) => [f.file, f]));
  for (const want of expected.files) {
    const got = written.get(want.file);
    if (!got) return `${shortenValue(want.file)}, which ${expected.name} lists, was not written`;
    for (const key of ['rows', 'bytes', 'sha256'] as const) {
      if (got[key] !== want[key]) return `${got.file} came out with ${key} ${got[key]} where ${expected.name} lists ${shortenValue(String(want[key]))}: the manifest was edited`;
    }
  }
  const extra = files.find((f) => !expected.files.some((w) => w.file === f.file));
  return extra ? `${extra.file} was written but ${expected.name} does not list it` : null;
}

/** Removes a finished run's files and manifest (or its zip): they do not match the manifest they were made from. */
async function removeRun(scenario: Scenario, dir: string, files: readonly WrittenFile[]): Promise<void> {
  const names = scenario.bundle === 'zip' ? [zipFileName(scenario)] : [...files.map((f) => f.file), MANIFEST_FILE];
  await Promise.all(names.map((n) => rm(join(dir, n), { force: true })));
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
