/**
 * `--format delta` (issue 6), against the built CLI: each table a Delta folder of Parquet part files and one
 * commit. The commit is parsed and checked against what independent readers see: the protocol; the schema string
 * against the Arrow schema and the types DuckDB reads from each Parquet file; and every `add` (file present, its
 * size, its statistics) against the file's own footer (DuckDB's parquet_metadata) and the rows DuckDB reads. Also: partitions, shards, worker counts and the zip.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArrowSchema } from '../export/arrow';
import { partitionColumn } from '../export/partition';
import { SCHEMAS, type TableSchema } from '../generators/schema';
import { TABLE_KEYS } from '../generators/tables';

const run = promisify(execFile);
const MAIN = 'dist-cli/main.mjs';
const ROOT = mkdtempSync(join(tmpdir(), 'cds-delta-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const SMALL = ['--preset', 'small', '--start', '2026-10-01', '--end', '2026-10-08', '--seed', '42'];
/** 150,000 slots over 3 days from mid-day: chunks cross day boundaries and the first day is short. */
const DAILY = ['--slots', '150000', '--tables', '5000', '--players', '1000', '--financial', '2000', '--security', '500', '--compliance', '100',
  '--start', '2026-10-01T15:30:00Z', '--days', '3', '--seed', '8'];
const cli = (args: string[], out: string) => run(process.execPath, [MAIN, ...args, '-o', join(ROOT, out)], { maxBuffer: 1 << 24 });

beforeAll(async () => {
  await cli([...SMALL, '--workers', '2'], 'flat');
  await cli([...SMALL, '-f', 'delta', '--workers', '2'], 'delta');
  await cli([...SMALL, '-f', 'delta', '--workers', '1'], 'delta-1');
  await cli([...SMALL, '-f', 'delta', '--zip'], 'zip');
  await cli([...DAILY, '-f', 'delta', '--partition-by', 'day'], 'daily');
  for (const k of [0, 1]) await cli([...DAILY, '-f', 'delta', '--shard', `${k}/2`], 'shards');
}, 300_000);

interface Add {
  path: string;
  partitionValues: Record<string, string>;
  size: number;
  modificationTime: number;
  dataChange: boolean;
  stats: string;
}
interface Stats {
  numRecords: number;
  minValues: Record<string, unknown>;
  maxValues: Record<string, unknown>;
  nullCount: Record<string, number>;
}
interface SparkField {
  name: string;
  type: string;
  nullable: boolean;
  metadata: { comment: string };
}
type Action = Record<string, Record<string, unknown>>;

function commit(dir: string, schema: TableSchema, version = 0): Action[] {
  const text = readFileSync(join(ROOT, dir, schema.stem, '_delta_log', `${String(version).padStart(20, '0')}.json`), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.trimEnd().split('\n').map((line) => JSON.parse(line) as Action);
}
const adds = (actions: Action[]) => actions.filter((a) => a.add).map((a) => a.add as unknown as Add);
const metaData = (actions: Action[]) => actions.find((a) => a.metaData)!.metaData as { schemaString: string; partitionColumns: string[]; id: string; configuration: Record<string, string> };

/** Arrow's type names → Delta's, written out here independently of the exporter. */
const ARROW_TO_DELTA: Record<string, string> = {
  Utf8: 'string', Int32: 'integer', Int64: 'long', Float64: 'double', Bool: 'boolean', 'Date32<DAY>': 'date', 'Timestamp<MICROSECOND, UTC>': 'timestamp',
};
/** DuckDB's names for the types it reads from the Parquet files → Delta's. */
const DUCKDB_TO_DELTA: Record<string, string> = {
  VARCHAR: 'string', INTEGER: 'integer', BIGINT: 'long', DOUBLE: 'double', BOOLEAN: 'boolean', DATE: 'date', 'TIMESTAMP WITH TIME ZONE': 'timestamp',
};

let db: DuckDBConnection;
beforeAll(async () => {
  db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run(`SET TimeZone = 'UTC'`);
});
afterAll(() => db?.closeSync());
const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];

/** Per column: count, non-null count, and min/max in a comparable form (timestamps as µs, dates and int64 as text). */
async function actualStats(file: string, schema: TableSchema) {
  const select = schema.columns.flatMap((c, i) => {
    const q = `"${c.name}"`;
    const [lo, hi] = c.type === 'timestamp' ? [`epoch_us(min(${q}))`, `epoch_us(max(${q}))`]
      : c.type === 'date' || c.type === 'int64' ? [`CAST(min(${q}) AS VARCHAR)`, `CAST(max(${q}) AS VARCHAR)`]
      : [`min(${q})`, `max(${q})`];
    return [`count(${q}) AS c${i}`, `${lo} AS lo${i}`, `${hi} AS hi${i}`];
  });
  const [row] = await rows(`SELECT count(*) AS n, ${select.join(', ')} FROM read_parquet('${file}')`);
  return { n: Number(row.n), column: (i: number) => ({ count: Number(row[`c${i}`]), lo: row[`lo${i}`], hi: row[`hi${i}`] }) };
}

/** What the file's own footer says per column (DuckDB's reader of Parquet metadata), combined over row groups. */
async function footerFigures(file: string) {
  const [{ n }] = await rows(`SELECT num_rows AS n FROM parquet_file_metadata('${file}')`);
  const columns = await rows(`SELECT path_in_schema AS c, sum(stats_null_count) AS nulls, min(stats_min_value) AS lo, max(stats_max_value) AS hi,
    min(TRY_CAST(stats_min_value AS DOUBLE)) AS nlo, max(TRY_CAST(stats_max_value AS DOUBLE)) AS nhi FROM parquet_metadata('${file}') GROUP BY path_in_schema`);
  return { rows: Number(n), column: new Map(columns.map((r) => [String(r.c), r])) };
}

/** Every add of a table: the file is there with its size, and its statistics bound (or equal) DuckDB's figures. */
async function checkAdds(dir: string, schema: TableSchema, list: Add[], partition: string | null): Promise<number> {
  let total = 0;
  for (const add of list) {
    const file = join(ROOT, dir, schema.stem, add.path);
    const where = `${schema.stem}/${add.path}`;
    expect(statSync(file).size, where).toBe(add.size);
    expect(add.dataChange, where).toBe(true);
    const stats = JSON.parse(add.stats) as Stats;
    const actual = await actualStats(file, schema);
    const footer = await footerFigures(file);
    expect(stats.numRecords, where).toBe(actual.n);
    expect(stats.numRecords, where).toBe(footer.rows);
    total += actual.n;
    if (partition) {
      const value = add.partitionValues[partition];
      expect(add.path.startsWith(`${partition}=${value}/`), where).toBe(true);
      const time = schema.timestampColumn!;
      const [{ bad }] = await rows(`SELECT count(*) AS bad FROM read_parquet('${file}') WHERE CAST("${time}" AS DATE) <> DATE '${value}'`);
      expect(Number(bad), where).toBe(0);
    } else expect(add.partitionValues, where).toEqual({});
    schema.columns.forEach((c, i) => {
      const { count, lo, hi } = actual.column(i);
      const label = `${where} ${c.name}`;
      const own = footer.column.get(c.name) ?? { nulls: 0, lo: null, hi: null, nlo: null, nhi: null };
      if (c.type === 'string') {
        // Strings carry no Parquet statistics (parquet-columns.ts), so neither the footer nor the add has any.
        expect([own.lo, own.hi], `${label} (footer)`).toEqual([null, null]);
        expect([stats.nullCount[c.name], stats.minValues[c.name], stats.maxValues[c.name]], label).toEqual([undefined, undefined, undefined]);
        return;
      }
      expect(stats.nullCount[c.name], label).toBe(actual.n - count);
      // A file without rows has no row groups, so no column chunk statistics: no nulls, no bounds.
      expect(stats.nullCount[c.name], `${label} (footer)`).toBe(Number(own.nulls));
      // The footer's own bounds: dates as the footer holds them, numbers by value.
      if (c.type === 'date') expect([stats.minValues[c.name], stats.maxValues[c.name]], `${label} (footer)`).toEqual([own.lo ?? undefined, own.hi ?? undefined]);
      if (c.type === 'int32' || c.type === 'int64' || c.type === 'float64') expect([stats.minValues[c.name], stats.maxValues[c.name]], `${label} (footer)`).toEqual([own.nlo, own.nhi].map((v) => (v === null ? undefined : Number(v) + 0))); // + 0: the footer's -0 minimum is 0
      if (count === 0) {
        expect(stats.minValues[c.name], label).toBeUndefined();
        expect(stats.maxValues[c.name], label).toBeUndefined();
        return;
      }
      const min = stats.minValues[c.name];
      const max = stats.maxValues[c.name];
      if (c.type === 'timestamp') {
        // Truncated down to milliseconds (Delta protocol, per-file statistics).
        const [minUs, maxUs] = [Date.parse(min as string) * 1000, Date.parse(max as string) * 1000];
        expect(minUs <= Number(lo) && Number(lo) - minUs < 1000, `${label} min ${min} vs ${lo}`).toBe(true);
        expect(maxUs <= Number(hi) && Number(hi) - maxUs < 1000, `${label} max ${max} vs ${hi}`).toBe(true);
      } else {
        expect(min, label).toEqual(c.type === 'int64' ? Number(lo) : lo);
        expect(max, label).toEqual(c.type === 'int64' ? Number(hi) : hi);
      }
    });
  }
  return total;
}

describe('--format delta', () => {
  it('writes per table a folder of Parquet part files and commit 0; the manifest lists both with their sizes', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'delta', 'manifest.json'), 'utf8')) as { files: { table: string; file: string; format: string; rows: number; bytes: number }[] };
    for (const key of TABLE_KEYS) {
      const stem = SCHEMAS[key].stem;
      expect(readdirSync(join(ROOT, 'delta', stem)).sort(), key).toEqual(['_delta_log', 'part-00000.parquet']);
      expect(readdirSync(join(ROOT, 'delta', stem, '_delta_log')), key).toEqual(['00000000000000000000.json']);
      const listed = manifest.files.filter((f) => f.table === key);
      expect(listed.map((f) => f.file), key).toEqual([`${stem}/part-00000.parquet`, `${stem}/_delta_log/00000000000000000000.json`]);
      for (const f of listed) {
        expect(f.format).toBe('delta');
        expect(statSync(join(ROOT, 'delta', f.file)).size, f.file).toBe(f.bytes);
      }
    }
  });

  it('each part file is the plain Parquet run\'s file byte for byte (column descriptions in its key-value metadata)', async () => {
    for (const key of TABLE_KEYS) {
      const stem = SCHEMAS[key].stem;
      expect(readFileSync(join(ROOT, 'delta', stem, 'part-00000.parquet')).equals(readFileSync(join(ROOT, 'flat', `${stem}.parquet`))), key).toBe(true);
      const [kv] = await rows(`SELECT decode(value) AS v FROM parquet_kv_metadata('${join(ROOT, 'delta', stem, 'part-00000.parquet')}') WHERE decode(key) = 'column_descriptions'`);
      const descriptions = JSON.parse(String(kv.v)) as Record<string, string>;
      expect(Object.entries(descriptions), key).toEqual(SCHEMAS[key].columns.map((c) => [c.name, c.description]));
    }
  });

  it('commit 0 holds commitInfo, protocol (reader 1, writer 2), metaData and one add per part file, in that order', () => {
    for (const key of TABLE_KEYS) {
      const actions = commit('delta', SCHEMAS[key]);
      expect(actions.map((a) => Object.keys(a)[0]), key).toEqual(['commitInfo', 'protocol', 'metaData', 'add']);
      expect(actions[1].protocol).toEqual({ minReaderVersion: 1, minWriterVersion: 2 });
      const meta = metaData(actions);
      expect(meta.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(meta.partitionColumns).toEqual([]);
      // Exactly the numeric, date and timestamp columns carry statistics (strings none: parquet-columns.ts).
      expect(meta.configuration['delta.dataSkippingStatsColumns']).toBe(SCHEMAS[key].columns.filter((c) => c.type !== 'string').map((c) => c.name).join(','));
    }
    const ids = TABLE_KEYS.map((k) => metaData(commit('delta', SCHEMAS[k])).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the schema string is the Arrow schema (names, order, types, nullability, descriptions as comments) and what DuckDB reads from the part file', async () => {
    for (const key of TABLE_KEYS) {
      const fields = (JSON.parse(metaData(commit('delta', SCHEMAS[key])).schemaString) as { type: string; fields: SparkField[] });
      expect(fields.type).toBe('struct');
      const arrowFields = toArrowSchema(SCHEMAS[key]).fields;
      expect(fields.fields.map((f) => [f.name, f.type, f.nullable, f.metadata.comment]), key).toEqual(
        arrowFields.map((f) => [f.name, ARROW_TO_DELTA[String(f.type)], f.nullable, f.metadata.get('description')]),
      );
      const described = await rows(`DESCRIBE SELECT * FROM read_parquet('${join(ROOT, 'delta', SCHEMAS[key].stem, 'part-00000.parquet')}')`);
      expect(described.map((d) => [d.column_name, DUCKDB_TO_DELTA[String(d.column_type)]]), key).toEqual(fields.fields.map((f) => [f.name, f.type]));
    }
  });

  it('every add names an existing file with its size, and its statistics match the rows DuckDB reads', async () => {
    for (const key of TABLE_KEYS) {
      const schema = SCHEMAS[key];
      const total = await checkAdds('delta', schema, adds(commit('delta', schema)), null);
      const manifest = JSON.parse(readFileSync(join(ROOT, 'delta', 'manifest.json'), 'utf8')) as { scenario: { counts: Record<string, number> } };
      expect(total, key).toBe(manifest.scenario.counts[key]);
    }
  });

  it('is the same bytes with 1 and 2 workers, and in the zip', () => {
    const zip = unzipSync(readFileSync(join(ROOT, 'zip', readdirSync(join(ROOT, 'zip'))[0])));
    for (const key of TABLE_KEYS) {
      const stem = SCHEMAS[key].stem;
      for (const file of [`${stem}/part-00000.parquet`, `${stem}/_delta_log/00000000000000000000.json`]) {
        const bytes = readFileSync(join(ROOT, 'delta', file));
        expect(readFileSync(join(ROOT, 'delta-1', file)).equals(bytes), file).toBe(true);
        expect(Buffer.from(zip[file] ?? []).equals(bytes), `zip ${file}`).toBe(true);
      }
    }
  });
});

describe('--format delta --partition-by day', () => {
  it('lists the date column in partitionColumns and last in the schema; each add is one day\'s folder with its partition value', async () => {
    for (const key of TABLE_KEYS) {
      const schema = SCHEMAS[key];
      const column = partitionColumn(schema);
      const actions = commit('daily', schema);
      const meta = metaData(actions);
      const fields = (JSON.parse(meta.schemaString) as { fields: SparkField[] }).fields;
      if (!column) {
        expect(meta.partitionColumns, key).toEqual([]);
        expect(adds(actions).map((a) => a.path)).toEqual(['part-00000.parquet']);
        await checkAdds('daily', schema, adds(actions), null);
        continue;
      }
      expect(meta.partitionColumns, key).toEqual([column]);
      expect(fields.map((f) => f.name)).toEqual([...schema.columns.map((c) => c.name), column]);
      expect(fields.at(-1)).toMatchObject({ name: column, type: 'date', nullable: false });
      const list = adds(actions);
      expect(list.map((a) => a.partitionValues[column]), key).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
      for (const add of list) expect(existsSync(join(ROOT, 'daily', schema.stem, add.path)), add.path).toBe(true);
      const manifest = JSON.parse(readFileSync(join(ROOT, 'daily', 'manifest.json'), 'utf8')) as { scenario: { counts: Record<string, number> } };
      expect(await checkAdds('daily', schema, list, column), key).toBe(manifest.scenario.counts[key]);
    }
  });
});

describe('--format delta --shard K/N', () => {
  it('shard K writes commit K (only shard 0 has protocol and metaData): the merged folder is one table of every row', async () => {
    for (const key of TABLE_KEYS) {
      const schema = SCHEMAS[key];
      const [first, second] = [commit('shards', schema, 0), commit('shards', schema, 1)];
      expect(first.map((a) => Object.keys(a)[0]).slice(0, 3), key).toEqual(['commitInfo', 'protocol', 'metaData']);
      expect(second.some((a) => a.protocol || a.metaData), key).toBe(false);
      expect(adds(first).map((a) => a.path)).toEqual(['part-00000.parquet']);
      expect(adds(second).map((a) => a.path)).toEqual(['part-00001.parquet']);
      const total = await checkAdds('shards', schema, [...adds(first), ...adds(second)], null);
      const manifest = JSON.parse(readFileSync(join(ROOT, 'daily', 'manifest.json'), 'utf8')) as { scenario: { counts: Record<string, number> } };
      expect(total, key).toBe(manifest.scenario.counts[key]);
      // The table id derives from the scenario alone: shards (and layouts) of one scenario share it.
      expect(metaData(first).id, key).toBe(metaData(commit('daily', schema)).id);
    }
  });
});
