/**
 * Writes the selected tables of a run, then manifest.json (SPEC 13.4), into any output target: loose files or a
 * zip on disk (the CLI), or in memory (the browser). Tables stream one after another while a bounded window of
 * chunk groups is generated ahead across tables. On failure or cancellation the target discards everything, so
 * nothing unfinished (and no half dataset) is left. Environment-agnostic.
 */
import { chunkLength } from '../generators/chunks';
import type { ColumnBatch } from '../generators/columns';
import type { TablePlan } from '../generators/engine';
import { SCHEMAS } from '../generators/schema';
import { writesParquet, type Scenario } from '../generators/scenario/types';
import { ENGINE_VERSION } from '../generators/version';
import { groupUnits, UnitScheduler, type GroupProducer, type WorkUnit } from './chunk-stream';
import { encodeTable, encodingOf, fileName } from './encode';
import { deltaPartFile } from './delta/delta-log';
import { DeltaTableWriter, type DeltaPart } from './delta/delta-table';
import { rowGroupUnits, startsFile, type SegmentProducer } from './segments';
import { stitchParquet } from './parquet-stitch';
import { FilingCounter } from './filing-counts';
import { tallyUnit, type TallyRequest, type UnitPlace, type UnitTally } from './unit-tally';
import { CHUNK_ROWS } from '../generators/tables';
import { buildManifest, MANIFEST_FILE, NO_FILINGS, type ManifestFilings } from './manifest';
import { partitionColumn, partitionDescription, partitionFile, partNumber, splitByDay, type Partitioning } from './partition';
import { formatDate } from '../generators/scenario/instant';
import { zipMethodFor, type ZipMethod } from './zip';

/** A written file: its own size and SHA-256 (lowercase hex), also inside a zip (never the entry's compressed form). */
export interface FileStats {
  readonly bytes: number;
  readonly sha256: string;
}

/** The zip bundle once complete. */
export interface BundleStats {
  readonly file: string;
  readonly bytes: number;
}

/** Where a run's files go. */
export interface OutputTarget {
  /** Writes one file, read to the end; `method` says how a zip stores it (ignored for loose files). */
  write(name: string, method: ZipMethod, data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<FileStats>;
  /** Completes the output; the bundle's name and size, or null for loose files. */
  commit(): Promise<BundleStats | null>;
  /** Removes every file of the run, finished or not. */
  discard(): Promise<void>;
}

export interface WrittenFile {
  readonly key: TablePlan['key'];
  readonly file: string;
  readonly rows: number;
  /** The file's own size, also when it sits in a zip. */
  readonly bytes: number;
  readonly sha256: string;
}

export interface WriteHooks {
  /** Before a table starts. */
  onTableStart?(plan: TablePlan): void;
  /** Rows done so far in the current table. */
  onRows?(plan: TablePlan, rowsDone: number): void;
  /** What each unit's rows are tallied for (unit-tally.ts); the filing counts only when absent. */
  tallies?: TallyRequest;
  /** Each unit's tallies, in file order (computed where its rows were generated). */
  onTally?(plan: TablePlan, tally: UnitTally): void;
  /** Files written after the tables and before manifest.json, which does not list them (the data dictionary). */
  extraFiles?(): readonly { name: string; bytes: Uint8Array }[];
  onTableDone?(file: WrittenFile): void;
  /** The zip bundle, once complete (bundle = zip only). */
  onBundleDone?(bundle: BundleStats): void;
  /** Checked between chunks; when aborted the run stops and its files are removed. */
  signal?: AbortSignal;
  /** With `--shard K/N`: write part files `<stem>-part-<K>` and `manifest-part-<K>.json` (5-digit K). */
  part?: number;
  /** `day`: each table with a timestamp as Hive-style daily partitions (players stay one file). */
  partitioning?: Partitioning;
  /** The filing counts read from the compliance rows, once that table is written. */
  onFilings?(filings: ManifestFilings): void;
  /**
   * Files encoded where the rows are generated (the workers), unit by unit, joined here in order (Parquet row
   * groups stitched, text concatenated); used without partitioning. The bytes are the same either way.
   */
  segments?: SegmentProducer;
}

export class CancelledError extends Error {
  constructor() {
    super('Generation cancelled by user.');
    this.name = 'CancelledError';
  }
}

/**
 * Work units requested ahead of the writer per worker: a bounded window keeps memory flat. Encoded units come
 * back as file bytes (a few MB), so two per worker keep every worker busy while the writer waits for a slower
 * one, in file order; rows (a unit's columns) stay at one per worker.
 */
const UNITS_AHEAD_PER_WORKER = { encoded: 2, rows: 1 } as const;

/** One work unit as the writer receives it: its rows (generated here), or its file segment and tallies (from a worker). */
type Produced =
  | { readonly groups: WorkUnit['groups']; readonly batches: readonly ColumnBatch[]; readonly bytes: null; readonly tallies: null }
  | { readonly groups: WorkUnit['groups']; readonly batches: null; readonly bytes: Uint8Array; readonly tallies: readonly UnitTally[] };

/** Writes every table of `plans` and the manifest to `target`, generating with `produce` (`workers` sizes the window). */
export async function writeRun(
  scenario: Scenario,
  plans: readonly TablePlan[],
  target: OutputTarget,
  produce: GroupProducer,
  workers: number,
  hooks: WriteHooks = {},
): Promise<WrittenFile[]> {
  const segments = segmentsUsed(hooks);
  const window = Math.max(2, workers * UNITS_AHEAD_PER_WORKER[segments ? 'encoded' : 'rows']);
  const unitsOf = writesParquet(scenario.format) ? rowGroupUnits : groupUnits;
  const request = hooks.tallies ?? NO_TALLIES;
  const scheduler: UnitScheduler<Produced> = segments
    ? new UnitScheduler(plans, unitsOf, async (unit) => ({ groups: unit.groups, batches: null, ...(await segments(unit, scenario, request, placeOf(unit))) }) as Produced, window, startsEarly)
    : new UnitScheduler(plans, groupUnits, (unit) => generateUnit(unit, produce), window, startsEarly);
  const counter = new FilingCounter();
  try {
    const files: WrittenFile[] = [];
    for (const plan of plans) {
      hooks.onTableStart?.(plan);
      for (const file of await writeTable({ scenario, target, scheduler, encodedInWorkers: segments !== undefined, hooks, request, counter }, plan)) {
        files.push(file);
        hooks.onTableDone?.(file);
      }
    }
    const manifest = buildManifest({
      scenario,
      engineVersion: ENGINE_VERSION,
      files: files.map((f) => ({ ...f, format: scenario.format, compression: scenario.compression })),
      filings: plans.some((p) => p.key === 'compliance') ? counter.result() : NO_FILINGS,
    });
    if (plans.some((p) => p.key === 'compliance')) hooks.onFilings?.(counter.result());
    for (const extra of hooks.extraFiles?.() ?? []) await target.write(extra.name, 'deflate', [extra.bytes]);
    await target.write(partName(MANIFEST_FILE, hooks.part), 'deflate', [new TextEncoder().encode(manifest)]);
    const bundle = await target.commit();
    if (bundle) hooks.onBundleDone?.(bundle);
    return files;
  } catch (error) {
    await target.discard();
    throw error;
  }
}

/**
 * The compliance table is written last but its first chunk builds the cage ledger and the filing book (seconds
 * at scale): requested first, it runs while the other workers generate slots, instead of alone at the end.
 */
function startsEarly(unit: WorkUnit): boolean {
  return unit.plan.key === 'compliance' && startsFile(unit);
}

/**
 * The workers' segments a run is written from, or undefined when the rows are encoded on the writer's thread:
 * without segments, and with daily partitions (a unit's rows are split by day there).
 */
export function segmentsUsed(hooks: Pick<WriteHooks, 'segments' | 'partitioning'>): SegmentProducer | undefined {
  return hooks.partitioning !== 'day' ? hooks.segments : undefined;
}

/** Without a request, units are tallied for the filing counts only. */
const NO_TALLIES: TallyRequest = { checks: false, examples: false, previewRows: 0 };

/** Where a unit's rows sit in its plan's file (a shard's file starts at its first chunk). */
function placeOf(unit: WorkUnit): UnitPlace {
  const firstChunk = unit.plan.groups[0]?.[0] ?? 0;
  return { firstRow: ((unit.groups[0]?.[0] ?? firstChunk) - firstChunk) * CHUNK_ROWS, tableRows: unit.plan.rows, startsFile: startsFile(unit) };
}

async function generateUnit(unit: WorkUnit, produce: GroupProducer): Promise<Produced> {
  const batches = (await Promise.all(unit.groups.map(([first, count]) => produce(unit.plan, first, count)))).flat();
  return { groups: unit.groups, batches, bytes: null, tallies: null };
}

/** What every table of a run is written with. */
interface RunContext {
  readonly scenario: Scenario;
  readonly target: OutputTarget;
  readonly scheduler: UnitScheduler<Produced>;
  /** Whether the files arrive encoded from the workers (segments). */
  readonly encodedInWorkers: boolean;
  readonly hooks: WriteHooks;
  readonly request: TallyRequest;
  /** The compliance table's filing counts, summed unit by unit. */
  readonly counter: FilingCounter;
}

/** A table's files; as a Delta table, its commit after them (a log never names a file that is not complete). */
async function writeTable(run: RunContext, plan: TablePlan): Promise<WrittenFile[]> {
  const { scenario, target, hooks } = run;
  if (scenario.format !== 'delta') return writeTableFiles(run, plan, null);
  const schema = SCHEMAS[plan.key];
  const column = hooks.partitioning === 'day' ? partitionColumn(schema) : null;
  const delta = new DeltaTableWriter(scenario, schema, column ? { column, description: partitionDescription(schema) } : null, hooks.part ?? 0);
  const files = await writeTableFiles(run, plan, delta);
  const commit = delta.commit();
  const { bytes, sha256 } = await target.write(commit.name, 'deflate', [new TextEncoder().encode(commit.text)]);
  return [...files, { key: plan.key, file: commit.name, rows: 0, bytes, sha256 }];
}

async function writeTableFiles(run: RunContext, plan: TablePlan, delta: DeltaTableWriter | null): Promise<WrittenFile[]> {
  const { scenario, target, scheduler, encodedInWorkers, hooks, request, counter } = run;
  const schema = SCHEMAS[plan.key];
  let done = 0;
  const progress = (rows: number) => {
    if (hooks.signal?.aborted) throw new CancelledError();
    done += rows;
    hooks.onRows?.(plan, done);
  };
  // A unit's tallies: from its worker, or computed here from the rows generated here.
  const see = (unit: Produced) => {
    for (const tally of unit.tallies ?? [tallyUnit(scenario, request, plan.key, placeOf({ plan, groups: unit.groups }), unit.batches!)]) {
      if (tally.filings) counter.merge(tally.filings);
      hooks.onTally?.(plan, tally);
    }
  };
  const units = scheduler.stream(plan);
  const column = hooks.partitioning === 'day' ? partitionColumn(schema) : null;
  const name = delta ? deltaPartFile(schema, hooks.part ?? 0) : partName(fileName(schema, encodingOf(scenario.format)), hooks.part);
  if (encodedInWorkers && plan.rows > 0) {
    // Encoded in the workers: their tallies merged here, the segments joined in order (the rows stay in the workers).
    const encoded = async function* () {
      for await (const unit of units) {
        see(unit);
        for (const [first, count] of unit.groups) for (let k = first; k < first + count; k++) progress(chunkLength(plan.rows, k));
        yield unit.bytes!;
      }
    };
    const bytes = writesParquet(scenario.format) ? stitchParquet(encoded()) : encoded();
    return [await writeBytes(plan, target, name, bytes, hooks.signal, delta?.part(name, null))];
  }
  const rows = (async function* () {
    for await (const unit of units) {
      see(unit);
      for (const chunk of unit.batches!) {
        progress(chunk.length);
        yield chunk;
      }
    }
  })();
  if (!column) return [await writeFile(scenario, plan, target, name, rows, hooks.signal, delta?.part(name, null))];
  const time = schema.columns.findIndex((c) => c.name === schema.timestampColumn);
  const files: WrittenFile[] = [];
  for await (const { day, batches } of splitByDay(rows, time)) {
    const dayName = partitionFile(schema, column, day, encodingOf(scenario.format), hooks.part ?? 0);
    let count = 0;
    const written = await writeFile(scenario, plan, target, dayName, observe(batches, (b) => (count += b.length)), hooks.signal, delta?.part(dayName, formatDate(day)));
    files.push({ ...written, rows: count });
  }
  return files;
}

async function writeFile(
  scenario: Scenario,
  plan: TablePlan,
  target: OutputTarget,
  name: string,
  rows: AsyncIterable<ColumnBatch>,
  signal: AbortSignal | undefined,
  delta?: DeltaPart,
): Promise<WrittenFile> {
  return writeBytes(plan, target, name, encodeTable(SCHEMAS[plan.key], rows, scenario.format, scenario.compression), signal, delta);
}

async function writeBytes(
  plan: TablePlan,
  target: OutputTarget,
  name: string,
  bytes: AsyncIterable<Uint8Array>,
  signal: AbortSignal | undefined,
  delta?: DeltaPart,
): Promise<WrittenFile> {
  const data = untilAborted(bytes, signal);
  const { bytes: size, sha256 } = await target.write(name, zipMethodFor(name), delta ? delta.watch(data) : data);
  delta?.written(size);
  return { key: plan.key, file: name, rows: plan.rows, bytes: size, sha256 };
}

/** `bronze_slot_telemetry.parquet` → `bronze_slot_telemetry-part-00003.parquet` for part 3; unchanged without a part. */
export function partName(file: string, part: number | undefined): string {
  if (part === undefined) return file;
  const dot = file.indexOf('.');
  return `${file.slice(0, dot)}-part-${partNumber(part)}${file.slice(dot)}`;
}

async function* observe(chunks: AsyncIterable<ColumnBatch>, see: (chunk: ColumnBatch) => void): AsyncGenerator<ColumnBatch> {
  for await (const chunk of chunks) {
    see(chunk);
    yield chunk;
  }
}

async function* untilAborted(pieces: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
  for await (const piece of pieces) {
    if (signal?.aborted) throw new CancelledError();
    yield piece;
  }
}
