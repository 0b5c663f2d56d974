/**
 * What a run learns from its rows besides the files, tallied per work unit where the unit's rows are generated
 * (a generator worker, or the writer's thread when it generates itself) and merged in file order where the files
 * are written: the integrity checks and chart sums (the browser), the filing counts (every run's manifest), the
 * data dictionary's examples, the preview's evenly spread sample and each file's time range. Only these cross
 * between threads, never the rows. The one place that says what is tallied for whom.
 */
import type { ColumnBatch } from '../generators/columns';
import type { Scenario } from '../generators/scenario/types';
import { SCHEMAS } from '../generators/schema';
import type { TableKey } from '../generators/tables';
import { tallyCharts, type ChartPart } from './chart-data';
import { exampleValues } from './dictionary';
import { FilingCounter } from './filing-counts';
import { integrityBuffers, type IntegrityPart } from './integrity-part';
import { tallyIntegrity } from './integrity-tally';
import type { ManifestFilings } from './manifest';
import { sampleRows, type UnitRows } from './preview-sample';

/** What a run wants tallied (the filing counts of the compliance table always are: the manifest lists them). */
export interface TallyRequest {
  /** The SPEC 12 checks and the charts (the browser's run). */
  readonly checks: boolean;
  /** The data dictionary's example values (a table's first chunk). */
  readonly examples: boolean;
  /** Rows per table in the preview's sample; 0 for none. */
  readonly previewRows: number;
}

/** The CLI's tallies: the filing counts, and the examples with `--dictionary`. */
export const cliTallies = (dictionary: boolean): TallyRequest => ({ checks: false, examples: dictionary, previewRows: 0 });

/** A unit of a table's file: where its rows sit, and whether it starts the file (its first chunk gives the examples). */
export interface UnitPlace extends UnitRows {
  readonly startsFile: boolean;
}

export interface UnitTally {
  readonly key: TableKey;
  readonly rows: number;
  readonly integrity: IntegrityPart | null;
  readonly charts: ChartPart | null;
  readonly filings: ManifestFilings | null;
  readonly examples: string[][] | null;
  readonly sample: ColumnBatch | null;
  /** First and last value of the table's timestamp column in the unit (µs), or null (players, no rows). */
  readonly timeRange: readonly [number, number] | null;
}

/** The tallies of one unit's batches (in file order) of table `key`. */
export function tallyUnit(scenario: Scenario, request: TallyRequest, key: TableKey, place: UnitPlace, batches: readonly ColumnBatch[]): UnitTally {
  const rows = batches.reduce((n, b) => n + b.length, 0);
  let filings: ManifestFilings | null = null;
  if (key === 'compliance') {
    const counter = new FilingCounter();
    for (const batch of batches) counter.add(batch);
    filings = counter.result();
  }
  return {
    key, rows, filings,
    integrity: request.checks ? tallyIntegrity(scenario, key, batches) : null,
    charts: request.checks ? tallyCharts(scenario, key, batches) : null,
    examples: request.examples && place.startsFile && batches.length > 0 ? exampleValues(SCHEMAS[key], batches[0]) : null,
    sample: sampleRows(place, batches, request.previewRows),
    timeRange: timeRangeOf(key, batches),
  };
}

function timeRangeOf(key: TableKey, batches: readonly ColumnBatch[]): [number, number] | null {
  const schema = SCHEMAS[key];
  const column = schema.columns.findIndex((c) => c.name === schema.timestampColumn);
  const filled = batches.filter((b) => b.length > 0);
  if (column < 0 || filled.length === 0) return null;
  const last = filled[filled.length - 1];
  const time = (batch: ColumnBatch, row: number) => {
    const c = batch.columns[column];
    return c.type === 'timestamp' ? c.values[row] : NaN;
  };
  return [time(filled[0], 0), time(last, last.length - 1)];
}

/** The buffers of a tally, to transfer them between threads without copying. */
export function tallyBuffers(tally: UnitTally): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>(tally.integrity ? integrityBuffers(tally.integrity) : []);
  if (tally.charts?.slots) buffers.add(tally.charts.slots.counts.buffer as ArrayBuffer);
  for (const c of tally.sample?.columns ?? []) {
    for (const a of c.type === 'string' ? [c.offsets, c.bytes, c.valid] : [c.values, c.valid]) if (a) buffers.add(a.buffer as ArrayBuffer);
  }
  return [...buffers];
}
