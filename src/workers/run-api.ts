/**
 * The browser's run API: one scenario generated, encoded and kept in memory or streamed into a folder (a run
 * folder in OPFS for large runs, or one inside a folder the user picked), with progress, then its files and zip
 * bundle handed back as Blobs (disk-backed Files from a folder). Environment-agnostic wiring over the engine and
 * the run writer; the browser exposes it from a Web Worker with Comlink (run.worker.ts), tests over a MessageChannel.
 */
import { transfer } from 'comlink';
import type { ColumnBatch } from '../generators/columns';
import { createWorld, generateGroup, planTables, type TablePlan } from '../generators/engine';
import { SCHEMAS } from '../generators/schema';
import { volumeError } from '../generators/feasibility';
import type { Scenario } from '../generators/scenario/types';
import type { TableKey } from '../generators/tables';
import { worldParts, type World, type WorldParts } from '../generators/world';
import { toArrowSchema } from '../export/arrow';
import { IntegrityCollector, type IntegrityCheck } from '../export/integrity';
import { DictionaryCollector } from '../export/dictionary-hooks';
import { ChartAccumulator, type ChartData } from '../export/chart-data';
import { buildManifest, type ManifestFilings, NO_FILINGS } from '../export/manifest';
import { memoryTarget, zipBundle } from '../export/memory-target';
import { OPFS_RUNS_DIR } from '../export/opfs-folders';
import { opfsTarget, type OpfsTarget } from '../export/opfs-target';
import { zipFileName } from '../export/zip';
import { writeZipBundle, type StoredFile } from '../export/zip-bundle';
import { writeRun, type WrittenFile } from '../export/write-run';
import type { GroupProducer } from '../export/chunk-stream';
import type { SegmentProducer } from '../export/segments';
import type { Partitioning } from '../export/partition';
import type { TallyRequest, UnitTally } from '../export/unit-tally';
import { ENGINE_VERSION } from '../generators/version';
import { worldPartsBuffers } from './world-transfer';

export interface RunProgress {
  readonly table: TableKey;
  readonly rowsDone: number;
  readonly rows: number;
}

/** A table's preview: at most PREVIEW_ROWS rows spread evenly over the whole file, in file order (preview-sample.ts). */
export interface TablePreview {
  readonly key: TableKey;
  readonly batches: readonly ColumnBatch[];
}

/** Rows the preview keeps per table. */
export const PREVIEW_ROWS = 100_000;

/** The browser's run tallies its checks, charts, examples and preview sample where the rows are generated. */
const BROWSER_TALLIES: TallyRequest = { checks: true, examples: true, previewRows: PREVIEW_ROWS };

export interface RunFile {
  /** The table, or null for manifest.json. */
  readonly key: TableKey | null;
  /** First and last value of the table's timestamp column (µs), or null (players, an empty table). */
  readonly timeRange: readonly [number, number] | null;
  readonly name: string;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly data: Blob;
}

/**
 * Where a run's files go: this worker's memory, the run folder `casino-data-studio/<folder>` in OPFS, or a new
 * folder `<folder>` inside a folder the user picked (File System Access API).
 */
export type RunSink =
  | { readonly kind: 'memory' }
  | { readonly kind: 'opfs'; readonly folder: string }
  | { readonly kind: 'folder'; readonly parent: FileSystemDirectoryHandle; readonly folder: string };

export interface RunResult {
  readonly files: RunFile[];
  /** Where the files are kept, and the run's folder there (null in memory). */
  readonly sink: RunSink['kind'];
  readonly folder: string | null;
  readonly filings: ManifestFilings | null;
  /** SPEC 12 coherence checks computed on the rows written. */
  readonly integrity: IntegrityCheck[];
  /** The charts' aggregates, computed on the same rows as the integrity checks (issue 6). */
  readonly charts: ChartData;
}

export interface RunApi {
  /**
   * Generates every selected table; rejects with the E_VOLUME message when the volumes cannot back the plan.
   * `generators` > 0 generates in that many generator workers (this one encodes); 0 generates here.
   */
  start(
    scenario: Scenario,
    piiSecret: string | undefined,
    onProgress: (p: RunProgress) => void,
    generators?: number,
    partitioning?: Partitioning,
    sink?: RunSink,
    parts?: WorldParts,
  ): Promise<RunResult>;
  /** The zip bundle of the last run (SPEC 13.4), as the CLI writes it with `--zip`; a run in a folder gets it streamed there once. */
  zip(): Promise<{ name: string; data: Blob }>;
  /** The first rows of one table of the last run. */
  preview(key: TableKey): Promise<TablePreview>;
  /** The last run's data dictionary, Markdown then CSV: the bytes CLI `--dictionary` writes for the scenario. */
  dictionary(): Promise<{ name: string; data: Blob }[]>;
  /** The E_VOLUME message when the volumes cannot back the scenario's plan (SPEC 3.10, 15), else null. */
  checkVolumes(scenario: Scenario): Promise<string | null>;
  /**
   * The costly parts of the world the last volume check drew, when it was for this scenario, for a run to start
   * from (transferred: this worker keeps no copy); null otherwise.
   */
  takeWorld(scenario: Scenario): Promise<WorldParts | null>;
  /** A table's columns as its Arrow schema declares them (the schema every file is written with). */
  schema(key: TableKey): Promise<SchemaField[]>;
}

export interface SchemaField {
  readonly name: string;
  /** The Arrow type, e.g. `Utf8`, `Timestamp<MICROSECOND, UTC>`. */
  readonly type: string;
  readonly nullable: boolean;
  readonly description: string;
}

/** Progress messages per table at most every 100 ms, plus each table's last. */
const PROGRESS_INTERVAL_MS = 100;

/** Where a run's chunk groups come from: this thread, or a pool of generator workers. */
export interface ProducerSource {
  /** A pool with its world built; `volumes` is its E_VOLUME message, if any (then nothing is generated). */
  open(scenario: Scenario, piiSecret: string | undefined, count: number, parts?: WorldParts): Promise<{ volumes: string | null; produce: GroupProducer; segments?: SegmentProducer; close(): void }>;
}

interface LastRun {
  scenario: Scenario;
  files: readonly StoredFile[];
  written: WrittenFile[];
  filings: ManifestFilings | null;
  /** The run's folder (OPFS or picked), or null for a run in memory. */
  folder: OpfsTarget | null;
  /** The zip in that folder, once streamed there. */
  zip: Promise<File> | null;
  /** The examples of each table's first chunk, for the data dictionary. */
  dictionary: DictionaryCollector;
}

/** The OPFS root (`navigator.storage.getDirectory()` in a browser worker; a fake in tests). */
export type OpfsRoot = () => Promise<FileSystemDirectoryHandle>;

/** `opfsRoot` enables the OPFS sink (a dedicated worker: its files are written through sync access handles). */
export function createRunApi(source?: ProducerSource, opfsRoot?: OpfsRoot): RunApi {
  let last: LastRun | null = null;
  /** The world of the last volume check, until a run takes its parts. */
  let checked: World | null = null;
  let previews = new Map<TableKey, ColumnBatch[]>();
  const openFolder = async (sink: RunSink): Promise<OpfsTarget | null> => {
    if (sink.kind === 'memory') return null;
    if (sink.kind === 'folder') return opfsTarget(sink.parent, sink.folder, 'stream');
    if (!opfsRoot) throw new Error('Browser storage (OPFS) is not available here.');
    return opfsTarget(await (await opfsRoot()).getDirectoryHandle(OPFS_RUNS_DIR, { create: true }), sink.folder);
  };
  return {
    async start(scenario, piiSecret, onProgress, generators = 0, partitioning = 'none', sink = { kind: 'memory' }, parts) {
      last = null;
      previews = new Map();
      const ranges = new Map<TableKey, [number, number]>();
      const integrity = new IntegrityCollector(scenario);
      const charts = new ChartAccumulator(scenario);
      const plans = planTables(scenario);
      const dictionary = new DictionaryCollector(scenario, plans);
      const keep = (plan: TablePlan, tally: UnitTally) => {
        if (tally.integrity) integrity.merge(tally.integrity);
        if (tally.charts) charts.merge(tally.charts);
        dictionary.onTally(plan, tally);
        if (tally.timeRange) {
          const range = ranges.get(plan.key);
          ranges.set(plan.key, [range?.[0] ?? tally.timeRange[0], tally.timeRange[1]]);
        }
        if (tally.sample) previews.set(plan.key, [...(previews.get(plan.key) ?? []), tally.sample]);
      };
      let filings: ManifestFilings | null = null;
      let lastSent = 0;
      const report = (plan: TablePlan, rowsDone: number) => {
        const now = performance.now();
        if (rowsDone < plan.rows && now - lastSent < PROGRESS_INTERVAL_MS) return;
        lastSent = now;
        onProgress({ table: plan.key, rowsDone, rows: plan.rows });
      };
      // The world is built where the rows are generated: in the pool's workers, or here without them.
      const pool = source && generators > 0 ? await source.open(scenario, piiSecret, generators, parts) : null;
      const world = pool ? null : createWorld(scenario, piiSecret, parts);
      const volumes = pool ? pool.volumes : volumeError(world!);
      if (volumes) {
        pool?.close();
        throw new Error(volumes);
      }
      const inThread: GroupProducer = async (plan, first, count) => generateGroup(world!, plan.key, first, count);
      // Opened once the pool is up: a run that fails before writeRun leaves no folder (writeRun discards after).
      const folder = await openFolder(sink).catch((error: unknown) => {
        pool?.close();
        throw error;
      });
      const target = folder ?? memoryTarget();
      const written = await writeRun(scenario, plans, target, pool?.produce ?? inThread, Math.max(1, generators), {
        onTableStart: (plan) => report(plan, 0),
        onRows: report,
        tallies: BROWSER_TALLIES,
        onTally: keep,
        onTableDone: (file) => onProgress({ table: file.key, rowsDone: file.rows, rows: file.rows }),
        onFilings: (counts) => (filings = counts),
        partitioning,
        segments: pool?.segments,
      }).finally(() => pool?.close());
      last = { scenario, files: target.files, written, filings, folder, zip: null, dictionary };
      const byName = new Map(written.map((w) => [w.file, w]));
      return {
        sink: sink.kind,
        folder: sink.kind === 'memory' ? null : sink.folder,
        filings,
        integrity: integrity.result(),
        charts: charts.result(),
        files: target.files.map((f) => ({
          key: byName.get(f.name)?.key ?? null, timeRange: f.name.includes('/') ? null : (ranges.get(byName.get(f.name)?.key as TableKey) ?? null), name: f.name, rows: byName.get(f.name)?.rows ?? 0, bytes: f.bytes, sha256: f.sha256, data: f.data,
        })),
      };
    },
    async preview(key) {
      if (!last) throw new Error('nothing generated yet');
      return { key, batches: previews.get(key) ?? [] };
    },
    async dictionary() {
      if (!last) throw new Error('nothing generated yet');
      return last.dictionary.build().map((f) => ({ name: f.name, data: new Blob([f.bytes as Uint8Array<ArrayBuffer>]) }));
    },
    async checkVolumes(scenario) {
      checked = createWorld(scenario);
      return volumeError(checked);
    },
    async takeWorld(scenario) {
      const world = checked;
      checked = null;
      const parts = world && worldParts(world);
      if (!parts || parts.scenario !== JSON.stringify(scenario)) return null;
      return transfer(parts, worldPartsBuffers(parts));
    },
    async schema(key) {
      return toArrowSchema(SCHEMAS[key]).fields.map((f) => ({
        name: f.name, type: String(f.type), nullable: f.nullable, description: f.metadata.get('description') ?? '',
      }));
    },
    async zip() {
      if (!last) throw new Error('nothing generated yet');
      const run = last;
      const { scenario, files, written, filings, folder } = run;
      const manifestFor = (zipScenario: Scenario) => buildManifest({
        scenario: zipScenario, engineVersion: ENGINE_VERSION,
        files: written.map((f) => ({ ...f, format: scenario.format, compression: scenario.compression })),
        filings: filings ?? NO_FILINGS,
      });
      if (!folder) return zipBundle(scenario, files, manifestFor);
      const name = zipFileName(scenario);
      run.zip ??= folder.saveStream(name, 'the zip', (sink) => writeZipBundle(scenario, files, manifestFor, sink));
      // A zip that failed (storage full) is tried again on the next request.
      return { name, data: await run.zip.catch((error: unknown) => { run.zip = null; throw error; }) };
    },
  };
}
