/**
 * DuckDB over the generated Parquet files, for the SPEC 12 invariant tests. Each run's tables are
 * views `<run>_<key>` (`multi_slots`, `small42_players`) over read_parquet with file_row_number,
 * so `file_row_number // 65536` is the row's chunk (SPEC 3.2). The session runs on UTC (property
 * time, SPEC 1); macros: `gd(t)` the gaming day, `shift_of(t)` the shift, `seqno(n, w)` a
 * zero-padded sequence number.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SCHEMAS } from '../generators/schema';
import { RUNS, type RunName } from './invariant-runs';
import { specTableStatements } from './spec-data';

export type Row = Record<string, unknown>;

/** The four tables generated so far. */
export const EVENT_KEYS = ['slots', 'tables', 'security'] as const;
export const TABLE_KEYS = ['slots', 'tables', 'players', 'security'] as const;
export type GeneratedKey = (typeof TABLE_KEYS)[number];

export interface InvariantDb {
  /** Rows as JSON-like objects (BIGINT and timestamps as text). */
  all(sql: string): Promise<Row[]>;
  /** The first column of the first row as a number. */
  num(sql: string): Promise<number>;
  /** Up to 5 rows of a violation query: the test expects `[]`, and a failure shows examples. */
  violations(sql: string): Promise<Row[]>;
  /** Path of a run's file. */
  file(run: RunName, key: GeneratedKey): string;
  close(): void;
}

/** A TIMESTAMPTZ literal of an ISO instant. */
export const ts = (iso: string): string => `TIMESTAMPTZ '${iso.replace('T', ' ').replace('Z', '+00')}'`;

/** `[start, end)` of a run as SQL literals, and D_end (the date of end − 1 µs). */
export function window(run: RunName): { start: string; end: string; dEnd: string } {
  const r = RUNS[run];
  return { start: ts(r.start), end: ts(r.end), dEnd: `CAST(${ts(r.end)} - INTERVAL 1 MICROSECOND AS DATE)` };
}

/** Opens an in-memory DuckDB with the runs' views, the spec_* tables and the helper macros. */
export async function openInvariantDb(dirs: Partial<Record<RunName, string>>): Promise<InvariantDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const exec = async (sql: string) => void (await connection.run(sql));
  await exec(`SET TimeZone = 'UTC'`);
  await exec(`CREATE MACRO gd(t) AS CAST(t - INTERVAL 6 HOUR AS DATE)`);
  await exec(`CREATE MACRO shift_of(t) AS CASE WHEN hour(t) BETWEEN 6 AND 13 THEN 'Day' WHEN hour(t) BETWEEN 14 AND 21 THEN 'Swing' ELSE 'Grave' END`);
  // A sequence number zero-padded to at least w digits; wider numbers keep all their digits (SPEC 3.3).
  await exec(`CREATE MACRO seqno(n, w) AS CASE WHEN length(CAST(n AS VARCHAR)) >= w THEN CAST(n AS VARCHAR) ELSE lpad(CAST(n AS VARCHAR), w, '0') END`);
  for (const sql of specTableStatements()) await exec(sql);
  const file = (run: RunName, key: GeneratedKey): string => {
    const dir = dirs[run];
    if (!dir) throw new Error(`run ${run} was not generated for this test file`);
    return join(dir, `${SCHEMAS[key].stem}.parquet`);
  };
  for (const run of Object.keys(dirs) as RunName[]) {
    for (const key of TABLE_KEYS) {
      await exec(`CREATE VIEW ${run}_${key} AS SELECT * FROM read_parquet('${file(run, key)}', file_row_number = true)`);
    }
  }
  const all = async (sql: string): Promise<Row[]> => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Row[];
  return {
    all,
    async num(sql) {
      const rows = await all(sql);
      if (rows.length === 0) throw new Error(`no row: ${sql}`);
      return Number(Object.values(rows[0])[0]);
    },
    violations: (sql) => all(`SELECT * FROM (${sql}) LIMIT 5`),
    file,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
