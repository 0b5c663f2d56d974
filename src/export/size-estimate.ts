/**
 * How large a run's files will be, estimated before it starts (the browser picks memory or OPFS by it, and checks
 * it against the storage quota). Sizes are linear in the rows: bytes per row per table and format, plus a fixed
 * cost per file (Parquet footers carry the schema and column descriptions) and the manifest.
 * Measured with the CLI (`--preset small` and `--preset legacy`, 2026-10-01, seed 42, each format): the slope
 * between the two runs per table, at commit 2ed75a2. size-estimate.test.ts holds the estimate within 15 % of
 * real runs; re-measure when an encoder or a generator changes the bytes.
 */
import { SCHEMAS } from '../generators/schema';
import { DAY_US } from '../generators/scenario/instant';
import type { Scenario } from '../generators/scenario/types';
import { TABLE_KEYS, type TableKey } from '../generators/tables';
import { encodingOf } from './encode';
import type { Partitioning } from './partition';

type SizeFormat = 'parquet-snappy' | 'parquet-zstd' | 'parquet-none' | 'csv' | 'json';

/** Bytes per row: parquet snappy, zstd, none, CSV, JSON Lines. */
const BYTES_PER_ROW: Readonly<Record<TableKey, readonly [number, number, number, number, number]>> = {
  slots: [61.0, 41.8, 69.0, 255.3, 631.5],
  tables: [60.9, 41.5, 70.2, 223.5, 637.3],
  players: [230.6, 139.1, 281.6, 419.8, 982.3],
  financial: [43.6, 31.4, 59.3, 268.0, 690.3],
  security: [58.3, 39.6, 72.3, 263.2, 786.3],
  compliance: [234.2, 147.4, 343.8, 703.3, 1443.2],
};
const FORMAT_COLUMN: Readonly<Record<SizeFormat, number>> = { 'parquet-snappy': 0, 'parquet-zstd': 1, 'parquet-none': 2, csv: 3, json: 4 };

/** Fixed bytes per file: the Parquet footer and page headers (measured 10-48 kB a file), a CSV header line. */
const FILE_BYTES: Readonly<Record<'parquet' | 'text', number>> = { parquet: 30_000, text: 1_000 };
/** manifest.json: the schemas (about 39 kB) and one entry per file. */
const MANIFEST_BYTES = 40_000;
const MANIFEST_ENTRY_BYTES = 250;
const DELTA_ADD_BYTES = 3_000;

/** The estimated size in bytes of a run's files (tables and manifest.json, not the zip). */
export function estimateOutputBytes(scenario: Scenario, partitioning: Partitioning = 'none'): number {
  const encoding = encodingOf(scenario.format);
  const format: SizeFormat = encoding === 'parquet' ? `parquet-${scenario.compression}` : encoding;
  // A Delta table adds its commit: about one add action (~3 kB of statistics) per data file.
  const perFile = FILE_BYTES[encoding === 'parquet' ? 'parquet' : 'text'] + (scenario.format === 'delta' ? DELTA_ADD_BYTES : 0);
  const days = Math.ceil(scenario.end / DAY_US) - Math.floor(scenario.start / DAY_US);
  let bytes = MANIFEST_BYTES;
  for (const key of TABLE_KEYS) {
    const rows = scenario.counts[key];
    if (rows === null) continue;
    const files = partitioning === 'day' && SCHEMAS[key].timestampColumn ? Math.min(rows, days) : 1;
    bytes += rows * BYTES_PER_ROW[key][FORMAT_COLUMN[format]] + files * (perFile + MANIFEST_ENTRY_BYTES);
  }
  return Math.round(bytes);
}
