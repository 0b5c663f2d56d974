/**
 * `manifest.json` (SPEC 13.4): what a run wrote and how, as canonical text. Keys in a fixed order, 2-space indent,
 * trailing LF, nothing from the wall clock, so the same run always gives the same manifest bytes. Pure: the CLI
 * and the browser both build it from the scenario and the written files' statistics.
 */
import { findJurisdiction, W2G_GAME_TYPES, type Jurisdiction } from '../generators/scenario/jurisdictions';
import { toScenarioRecord, type ScenarioRecord } from '../generators/scenario/serialize';
import type { Compression, OutputFormat, Scenario } from '../generators/scenario/types';
import { SCHEMAS, type ColumnType } from '../generators/schema';
import { TABLE_KEYS, type TableKey } from '../generators/tables';

/** The manifest's file name, beside the table files or at the zip's root. */
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;
export const GENERATOR_NAME = 'casino-data-studio';

/** One written table file; `bytes` and `sha256` (lowercase hex) are of the file itself, never of a zip entry. */
export interface ManifestFile {
  readonly key: TableKey;
  readonly file: string;
  readonly format: OutputFormat;
  readonly compression: Compression;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** Filing counts (SPEC 13.4); all 0 when compliance is not generated. */
export interface ManifestFilings {
  readonly ctr: number;
  readonly sar: number;
  readonly w2g: number;
  readonly ctr_source_rows: number;
  readonly sar_source_rows: number;
  readonly w2g_jackpots: number;
  readonly w2g_payouts: number;
}

export const NO_FILINGS: ManifestFilings = Object.freeze({
  ctr: 0,
  sar: 0,
  w2g: 0,
  ctr_source_rows: 0,
  sar_source_rows: 0,
  w2g_jackpots: 0,
  w2g_payouts: 0,
});

export interface ManifestInput {
  readonly scenario: Scenario;
  readonly engineVersion: number;
  /** One per generated table, any order: the manifest lists them in generation order. */
  readonly files: readonly ManifestFile[];
  readonly filings: ManifestFilings;
  /** The parameters used, when they are not the preset named by `scenario.jurisdiction` (a custom preset). */
  readonly jurisdiction?: Jurisdiction;
}

/** SPEC 13.4 type names (also the data dictionary's). */
export const TYPE_NAMES: Readonly<Record<ColumnType, string>> = {
  string: 'string',
  int32: 'int32',
  int64: 'int64',
  float64: 'float64',
  bool: 'bool',
  date: 'date',
  timestamp: 'timestamp[us, UTC]',
};

interface ManifestColumn {
  name: string;
  type: string;
  nullable: boolean;
  description: string;
}

interface Manifest {
  manifest_version: number;
  generator: { name: string; engine_version: number; spec_version: 1 };
  scenario: ScenarioRecord;
  jurisdiction: Jurisdiction;
  files: { table: TableKey; file: string; format: OutputFormat; compression: Compression; rows: number; bytes: number; sha256: string }[];
  schemas: Partial<Record<TableKey, ManifestColumn[]>>;
  filings: ManifestFilings;
}

/**
 * The manifest text of a run (SPEC 13.4).
 * Example: `buildManifest({ scenario, engineVersion: ENGINE_VERSION, files, filings: NO_FILINGS })` starts with
 * `{\n  "manifest_version": 1,\n  "generator": {`.
 */
export function buildManifest(input: ManifestInput): string {
  const { scenario } = input;
  const files = inGenerationOrder(input.files);
  const jurisdiction = input.jurisdiction ?? findJurisdiction(scenario.jurisdiction);
  if (!jurisdiction) throw new Error(`unknown jurisdiction "${scenario.jurisdiction}"`);
  const schemas: Manifest['schemas'] = {};
  for (const f of files) schemas[f.key] = SCHEMAS[f.key].columns.map(toManifestColumn);
  const manifest: Manifest = {
    manifest_version: MANIFEST_VERSION,
    generator: { name: GENERATOR_NAME, engine_version: input.engineVersion, spec_version: scenario.spec_version },
    scenario: toScenarioRecord(scenario),
    jurisdiction: toJurisdictionRecord(jurisdiction),
    files: files.map((f) => ({
      table: f.key,
      file: f.file,
      format: f.format,
      compression: f.compression,
      rows: f.rows,
      bytes: f.bytes,
      sha256: f.sha256,
    })),
    schemas,
    filings: { ...pickFilings(input.filings) },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Tables in generation order; a partitioned table lists its files in write (date) order. */
function inGenerationOrder(files: readonly ManifestFile[]): ManifestFile[] {
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.file)) throw new Error(`the manifest lists ${f.file} twice`);
    seen.add(f.file);
  }
  return [...files].sort((a, b) => TABLE_KEYS.indexOf(a.key) - TABLE_KEYS.indexOf(b.key));
}

function toManifestColumn(c: { name: string; type: ColumnType; nullable: boolean; description: string }): ManifestColumn {
  return { name: c.name, type: TYPE_NAMES[c.type], nullable: c.nullable, description: c.description };
}

/** Filings in SPEC key order, whatever object the caller passed. */
function pickFilings(f: ManifestFilings): ManifestFilings {
  const { ctr, sar, w2g, ctr_source_rows, sar_source_rows, w2g_jackpots, w2g_payouts } = f;
  return { ctr, sar, w2g, ctr_source_rows, sar_source_rows, w2g_jackpots, w2g_payouts };
}

/** Every parameter of the preset, keys in the order the Jurisdiction type declares them (a custom one may differ). */
function toJurisdictionRecord(j: Jurisdiction): Jurisdiction {
  const w2g = {} as Record<(typeof W2G_GAME_TYPES)[number], Jurisdiction['w2g'][keyof Jurisdiction['w2g']]>;
  for (const game of W2G_GAME_TYPES) {
    const { basis, comparison, threshold, min_win_to_wager } = j.w2g[game];
    w2g[game] = { basis, comparison, threshold, min_win_to_wager };
  }
  const { rate, net_more_than, games } = j.regular_withholding;
  return {
    id: j.id,
    note: j.note,
    w2g,
    regular_withholding: { rate, net_more_than, games: [...games] },
    backup_withholding_rate: j.backup_withholding_rate,
    state_withholding_rate: j.state_withholding_rate,
    ctr_threshold: j.ctr_threshold,
    gaming_day_cutoff_hour: j.gaming_day_cutoff_hour,
    ctr_deadline_days: j.ctr_deadline_days,
    sar_deadline_days: j.sar_deadline_days,
    sar_minimum: j.sar_minimum,
    id_recorded_at: j.id_recorded_at,
    supervisor_signoff_at: j.supervisor_signoff_at,
  };
}
