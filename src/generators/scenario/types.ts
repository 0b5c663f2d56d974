import type { TableKey } from '../tables';

/** Player PII presentation (SPEC 11.1). */
export const PII_MODES = ['masked', 'raw'] as const;
export type PiiMode = (typeof PII_MODES)[number];

/** Where the PII token key comes from (SPEC 11.2). */
export const PII_KEYS = ['seed', 'secret'] as const;
export type PiiKey = (typeof PII_KEYS)[number];

/**
 * Output file format; `json` means JSON Lines (SPEC 2.1, 13.3); `delta` (issue 6) is a Delta Lake table per table:
 * Parquet part files plus a `_delta_log` commit.
 */
export const FORMATS = ['parquet', 'csv', 'json', 'delta'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** Whether a format's data files are Parquet (and so take a Parquet compression). */
export function writesParquet(format: OutputFormat | string): boolean {
  return format === 'parquet' || format === 'delta';
}

/** Parquet compression (SPEC 2.1, 13.2). */
export const COMPRESSIONS = ['snappy', 'zstd', 'none'] as const;
export type Compression = (typeof COMPRESSIONS)[number];

/** Loose files + manifest, or one zip (SPEC 13.4). */
export const BUNDLES = ['files', 'zip'] as const;
export type Bundle = (typeof BUNDLES)[number];

/** Rows per table; `null` = the table is not generated (SPEC 2.1). */
export type ScenarioCounts = Record<TableKey, number | null>;

/**
 * The validated input of a run (SPEC 2.1), keys in canonical order.
 * Instants are integer microseconds since 1970-01-01T00:00:00Z; the window is `[start, end)`.
 */
export interface Scenario {
  spec_version: 1;
  seed: number;
  start: number;
  end: number;
  as_of: number;
  counts: ScenarioCounts;
  pii: PiiMode;
  pii_key: PiiKey;
  format: OutputFormat;
  compression: Compression;
  jurisdiction: string;
  bundle: Bundle;
}

/** The keys of a Scenario in canonical order (SPEC 2.1). */
export const SCENARIO_KEYS = [
  'spec_version',
  'seed',
  'start',
  'end',
  'as_of',
  'counts',
  'pii',
  'pii_key',
  'format',
  'compression',
  'jurisdiction',
  'bundle',
] as const satisfies readonly (keyof Scenario)[];

/** A raw, unvalidated value as the CLI or the UI holds it; `undefined` = not given. */
export type RawValue = string | number | undefined;

/** Scenario inputs that can fail validation; the keys of `ScenarioInput.labels` (SPEC 15 `<field>`). */
export type ScenarioField =
  | TableKey
  | 'seed'
  | 'days'
  | 'start'
  | 'end'
  | 'as_of'
  | 'preset'
  | 'pii'
  | 'pii_key'
  | 'format'
  | 'compression'
  | 'jurisdiction'
  | 'bundle';
