/**
 * Reading a `manifest.json` back (issue 7, CLI `--from-manifest`): which run it describes, so that run can be
 * generated again, byte for byte. Refuses, with a message saying why, a manifest from another tool, manifest
 * version, engine version or spec version (another engine writes other bytes for the same scenario), one that is
 * not JSON or lacks keys, one whose values were edited (counts made invalid, rows that do not add up, a schema
 * changed), and one shard's manifest. Pure and environment-agnostic: the CLI reads the file, the app could too.
 */
import { describeValue, formatCount, shortenValue } from '../generators/scenario/messages';
import { parseScenarioRecord } from '../generators/scenario/serialize';
import type { Scenario } from '../generators/scenario/types';
import { SCHEMAS } from '../generators/schema';
import { TABLE_KEYS, type TableKey } from '../generators/tables';
import { ENGINE_VERSION } from '../generators/version';
import { buildManifest, GENERATOR_NAME, MANIFEST_VERSION, NO_FILINGS, type ManifestFile, type ManifestFilings } from './manifest';
import type { Partitioning } from './partition';

/** The run a manifest describes, and what it says was written (to compare the regenerated files with). */
export interface ManifestRun {
  readonly scenario: Scenario;
  /** `day` when the files are Hive-style daily partitions (`<table>/<column>=YYYY-MM-DD/...`). */
  readonly partitioning: Partitioning;
  readonly files: readonly ManifestFile[];
}

export type ManifestReadResult = { ok: true; run: ManifestRun } | { ok: false; errors: string[] };

export interface ManifestReadOptions {
  /** How the manifest is named in messages (default `manifest.json`), e.g. the path the user gave. */
  readonly name?: string;
  /** What to do instead, ending the engine-version message (default `generate its scenario anew`). */
  readonly anew?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
/** A JSON value as a message echoes it: short, one line. */
const show = (v: unknown) => (typeof v === 'string' ? `"${shortenValue(v)}"` : describeValue(JSON.stringify(v) ?? 'nothing'));

/**
 * Reads a manifest's text. Example: `readManifest(text, { name: 'out/manifest.json' })` gives the scenario, the
 * partitioning and the files of that run, or `ok: false` with one message per problem (the first problem that
 * makes the rest meaningless stops the reading: a foreign manifest is explained alone).
 */
export function readManifest(text: string, options: ManifestReadOptions = {}): ManifestReadResult {
  const name = shortenValue(options.name ?? 'manifest.json');
  const refuse = (...errors: string[]): ManifestReadResult => ({ ok: false, errors });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(`${name} is not valid JSON (${shortenValue(error instanceof Error ? error.message : String(error))})`);
  }
  if (!isObject(data)) return refuse(`${name} must hold a JSON object (got ${show(data)})`);
  const origin = checkOrigin(data, name, options.anew ?? 'generate its scenario anew');
  if (origin) return refuse(origin);
  const scenario = parseScenarioRecord(data.scenario);
  if (!scenario.ok) return refuse(...scenario.errors.map((e) => `${name}: ${e.message}`));
  const files = readFiles(data.files, scenario.scenario, name);
  if (typeof files === 'string') return refuse(files);
  const filings = readFilings(data.filings, name);
  if (typeof filings === 'string') return refuse(filings);
  const edited = checkCanonical(text, scenario.scenario, files, filings, name);
  if (edited) return refuse(edited);
  return { ok: true, run: { scenario: scenario.scenario, partitioning: files.some((f) => isPartitioned(f.file)) ? 'day' : 'none', files } };
}

/** Another tool, manifest version, engine or spec version: explained alone (their other keys may mean other things). */
function checkOrigin(data: Json, name: string, anew: string): string | null {
  const version = data.manifest_version;
  if (version !== MANIFEST_VERSION) {
    return isCount(version)
      ? `${name} has manifest_version ${version}; this version of Casino Data Studio reads manifest_version ${MANIFEST_VERSION} only`
      : `${name}: manifest_version must be ${MANIFEST_VERSION} (got ${show(version)})`;
  }
  const generator = data.generator;
  if (!isObject(generator)) return `${name}: generator must be an object with name, engine_version and spec_version (got ${show(generator)})`;
  if (generator.name !== GENERATOR_NAME) return `${name} was not written by ${GENERATOR_NAME} (generator.name is ${show(generator.name)})`;
  const engine = generator.engine_version;
  if (!isCount(engine)) return `${name}: generator.engine_version must be a whole number (got ${show(engine)})`;
  if (engine !== ENGINE_VERSION) {
    return (
      `${name} was written by engine version ${engine}; this is engine version ${ENGINE_VERSION}, which writes different bytes ` +
      `for the same scenario: use ${GENERATOR_NAME} with engine version ${engine} to reproduce it, or ${anew}`
    );
  }
  const spec = generator.spec_version;
  if (spec !== 1) {
    return isCount(spec)
      ? `${name} was written for spec version ${spec}; this version of Casino Data Studio reads spec version 1 only`
      : `${name}: generator.spec_version must be 1 (got ${show(spec)})`;
  }
  return null;
}

const FILE_KEYS = ['table', 'file', 'format', 'compression', 'rows', 'bytes', 'sha256'] as const;

/** Files of a whole run: well-formed entries, the scenario's tables only and each table's rows adding up to its count. */
function readFiles(value: unknown, scenario: Scenario, name: string): ManifestFile[] | string {
  if (!Array.isArray(value)) return `${name}: files must be a list (got ${show(value)})`;
  const files: ManifestFile[] = [];
  for (const [i, entry] of value.entries()) {
    const at = `${name}: files[${i}]`;
    if (!isObject(entry)) return `${at} must be an object (got ${show(entry)})`;
    const missing = FILE_KEYS.find((k) => !(k in entry));
    if (missing) return `${at} has no "${missing}"`;
    const { table, file, format, compression, rows, bytes, sha256 } = entry;
    if (typeof table !== 'string' || !(TABLE_KEYS as readonly string[]).includes(table)) return `${at}.table must be one of ${TABLE_KEYS.join(', ')} (got ${show(table)})`;
    if (scenario.counts[table as TableKey] === null) return `${at} lists ${table}, which the scenario does not generate`;
    if (typeof file !== 'string' || !isRelativeName(file)) return `${at}.file must be a relative file name (got ${show(file)})`;
    if (format !== scenario.format || compression !== scenario.compression) {
      return `${at} is ${show(format)}/${show(compression)} but the scenario says ${scenario.format}/${scenario.compression}`;
    }
    if (!isCount(rows)) return `${at}.rows must be a whole number of at least 0 (got ${show(rows)})`;
    if (!isCount(bytes)) return `${at}.bytes must be a whole number of at least 0 (got ${show(bytes)})`;
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return `${at}.sha256 must be 64 lowercase hex digits (got ${show(sha256)})`;
    files.push({ key: table as TableKey, file, format: scenario.format, compression: scenario.compression, rows, bytes, sha256 });
  }
  const shard = files.find((f) => /-part-\d{5}\./.test(f.file.split('/').pop() ?? ''));
  if (shard) return `${name} describes one shard of a sharded run (${shortenValue(shard.file)}), and a shard's manifest does not record how many shards there were: generate it again with its --shard K/N flag`;
  return checkRows(files, scenario, name);
}

/** A name the run could have written: relative, no `..`, no empty segment, no backslash. */
function isRelativeName(file: string): boolean {
  return file.length > 0 && file.length <= 300 && !file.startsWith('/') && !file.includes('\\') && file.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

const isPartitioned = (file: string) => file.split('/').some((s) => /^[a-z_]+=\d{4}-\d{2}-\d{2}$/.test(s));

/** Every generated table is listed and its files' rows add up to its count (a shard's, or an edit, would not). */
function checkRows(files: ManifestFile[], scenario: Scenario, name: string): ManifestFile[] | string {
  for (const table of TABLE_KEYS) {
    const count = scenario.counts[table];
    if (count === null) continue;
    const listed = files.filter((f) => f.key === table);
    const rows = listed.reduce((sum, f) => sum + f.rows, 0);
    if (listed.length === 0) return `${name} lists no file of ${SCHEMAS[table].stem}, which the scenario generates`;
    if (rows !== count) {
      return `${name} lists ${formatCount(rows)} rows of ${SCHEMAS[table].stem} but its scenario asks for ${formatCount(count)}: the manifest of one shard, or edited`;
    }
  }
  return files;
}

const FILING_KEYS = ['ctr', 'sar', 'w2g', 'ctr_source_rows', 'sar_source_rows', 'w2g_jackpots', 'w2g_payouts'] as const;

function readFilings(value: unknown, name: string): ManifestFilings | string {
  if (!isObject(value)) return `${name}: filings must be an object (got ${show(value)})`;
  const filings: Record<string, number> = { ...NO_FILINGS };
  for (const key of FILING_KEYS) {
    const n = value[key];
    if (!isCount(n)) return `${name}: filings.${key} must be a whole number of at least 0 (got ${show(n)})`;
    filings[key] = n;
  }
  return filings as unknown as ManifestFilings;
}

/**
 * The manifest must be exactly what this engine writes for its scenario, files and filings: anything else
 * (a schema, the jurisdiction parameters, key order, spacing) was edited. Reports the first line that differs.
 */
function checkCanonical(text: string, scenario: Scenario, files: ManifestFile[], filings: ManifestFilings, name: string): string | null {
  let expected: string;
  try {
    expected = buildManifest({ scenario, engineVersion: ENGINE_VERSION, files, filings });
  } catch (error) {
    return `${name}: ${shortenValue(error instanceof Error ? error.message : String(error))}`;
  }
  if (expected === text) return null;
  const want = expected.split('\n');
  const got = text.split('\n');
  const line = want.findIndex((l, i) => got[i] !== l);
  const at = line < 0 ? want.length : line;
  return `${name} is not as ${GENERATOR_NAME} writes it for its own scenario: line ${at + 1} reads ${describeValue(got[at]?.trim())} instead of ${describeValue(want[at]?.trim())} (it was edited)`;
}
