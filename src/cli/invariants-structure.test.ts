/**
 * SPEC 12 structure invariants (I1–I3, I5–I7) as SQL over the CLI's Parquet files, for the four
 * tables generated so far (slots, tables, players, security). Runs: src/testing/invariant-runs.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../generators/schema';
import type { ColumnSpec } from '../generators/schema/types';
import { DUCKDB_TYPES } from '../export/test-helpers';
import { EVENT_KEYS, TABLE_KEYS, openInvariantDb, ts, window, type InvariantDb } from '../testing/invariant-db';
import { ROW_RUNS, RUNS, generateRuns, type RunName } from '../testing/invariant-runs';
import { SOURCES } from '../testing/spec-data';

const ALL_RUNS = Object.keys(RUNS) as RunName[];
const CHUNK = 65_536;

/** Parquet physical type and logical/converted annotation per declared type (SPEC 13.2). */
const PARQUET: Record<ColumnSpec['type'], { physical: string; logical: RegExp | null }> = {
  string: { physical: 'BYTE_ARRAY', logical: /^StringType\(\)$/ },
  int32: { physical: 'INT32', logical: null },
  int64: { physical: 'INT64', logical: null },
  float64: { physical: 'DOUBLE', logical: null },
  bool: { physical: 'BOOLEAN', logical: null },
  date: { physical: 'INT32', logical: /^DateType\(\)$/ },
  timestamp: { physical: 'INT64', logical: /^TimestampType\(isAdjustedToUTC=1, unit=TimeUnit\(MILLIS=<null>, MICROS=MicroSeconds\(\), NANOS=<null>\)\)$/ },
};

let db: InvariantDb;
let dirs: Record<RunName, string>;
beforeAll(async () => {
  dirs = await generateRuns(ALL_RUNS);
  db = await openInvariantDb(dirs);
});
afterAll(() => db?.close());

describe('multi-chunk scenario', () => {
  it('precondition: every event table spans at least 3 chunks of 65,536 rows', async () => {
    for (const key of EVENT_KEYS) {
      const chunks = await db.num(`SELECT count(DISTINCT file_row_number // ${CHUNK}) FROM multi_${key}`);
      expect(chunks, key).toBeGreaterThanOrEqual(3);
    }
  });
});

describe.each(ALL_RUNS)('run %s', (run) => {
  it('the manifest records the window and PII mode these tests assume (as_of = end)', () => {
    const { scenario } = JSON.parse(readFileSync(join(dirs[run], 'manifest.json'), 'utf8'));
    const instant = (iso: string) => Date.parse(iso);
    expect([scenario.start, scenario.end, scenario.as_of].map(instant)).toEqual([RUNS[run].start, RUNS[run].end, RUNS[run].end].map(instant));
    expect(scenario.pii).toBe(RUNS[run].pii);
  });

  it('I1 each file has exactly the requested rows', async () => {
    for (const key of TABLE_KEYS) {
      expect(await db.num(`SELECT count(*) FROM ${run}_${key}`), key).toBe(RUNS[run].counts[key]);
    }
  });

  it('I2 DESCRIBE lists the declared columns in order with their types', async () => {
    for (const key of TABLE_KEYS) {
      const described = await db.all(`DESCRIBE SELECT * FROM read_parquet('${db.file(run, key)}')`);
      const actual = described.map((r) => `${r.column_name} ${r.column_type}`);
      expect(actual, key).toEqual(SCHEMAS[key].columns.map((c) => `${c.name} ${DUCKDB_TYPES[c.type]}`));
    }
  });

  it('I2 Parquet repetition (REQUIRED/OPTIONAL), physical and logical types follow the declared schema', async () => {
    for (const key of TABLE_KEYS) {
      const fields = await db.all(
        `SELECT name, type, repetition_type, logical_type FROM parquet_schema('${db.file(run, key)}') WHERE num_children IS NULL`,
      );
      expect(fields.map((f) => f.name), key).toEqual(SCHEMAS[key].columns.map((c) => c.name));
      SCHEMAS[key].columns.forEach((c, i) => {
        const f = fields[i];
        const where = `${key}.${c.name}`;
        expect(f.repetition_type, where).toBe(c.nullable ? 'OPTIONAL' : 'REQUIRED');
        expect(f.type, where).toBe(PARQUET[c.type].physical);
        const logical = PARQUET[c.type].logical;
        if (logical) expect(String(f.logical_type), where).toMatch(logical);
        else expect(f.logical_type, where).toBeNull();
      });
    }
  });

  it('13.2 column descriptions of the schema are stored as key-value metadata', async () => {
    for (const key of TABLE_KEYS) {
      const [meta] = await db.all(
        `SELECT decode(value) AS v FROM parquet_kv_metadata('${db.file(run, key)}') WHERE decode(key) = 'column_descriptions'`,
      );
      expect(meta, key).toBeDefined();
      expect(JSON.parse(String(meta.v)), key).toEqual(Object.fromEntries(SCHEMAS[key].columns.map((c) => [c.name, c.description])));
    }
  });
});

describe.each(ROW_RUNS)('run %s', (run) => {
  it('I3 event_id is unique in slots, tables and security', async () => {
    for (const key of EVENT_KEYS) {
      expect(await db.violations(`SELECT event_id, count(*) AS n FROM ${run}_${key} GROUP BY 1 HAVING n > 1`), key).toEqual([]);
    }
  });

  it('I5 every event_timestamp lies in [start, end)', async () => {
    const { start, end } = window(run);
    for (const key of EVENT_KEYS) {
      const outside = `SELECT file_row_number, event_timestamp FROM ${run}_${key} WHERE NOT (event_timestamp >= ${start} AND event_timestamp < ${end})`;
      expect(await db.violations(outside), key).toEqual([]);
    }
  });

  it('I6 event files are non-decreasing in event_timestamp in file order; players are in sequence order', async () => {
    for (const key of EVENT_KEYS) {
      const decreasing = `SELECT * FROM (SELECT file_row_number, event_timestamp,
          lag(event_timestamp) OVER (ORDER BY file_row_number) AS previous FROM ${run}_${key}) WHERE event_timestamp < previous`;
      expect(await db.violations(decreasing), key).toEqual([]);
    }
    const outOfSequence = `SELECT file_row_number, player_id FROM ${run}_players
      WHERE NOT regexp_full_match(player_id, 'P[0-9]{6,}') OR CAST(substr(player_id, 2) AS BIGINT) <> file_row_number + 1`;
    expect(await db.violations(outOfSequence)).toEqual([]);
  });

  it('I7 _ingested_at = as_of (= end) and _source names the generator of each table', async () => {
    for (const key of TABLE_KEYS) {
      const wrong = `SELECT file_row_number, _ingested_at, _source FROM ${run}_${key}
        WHERE _ingested_at <> ${ts(RUNS[run].end)} OR _source <> '${SOURCES[key]}'`;
      expect(await db.violations(wrong), key).toEqual([]);
    }
  });

  it('I7 _batch_id is 8 lowercase hex, constant within each 65,536-row chunk and distinct between the chunks of the run', async () => {
    const perChunk = TABLE_KEYS.map((key) => `SELECT '${key}' AS tbl, file_row_number // ${CHUNK} AS chunk,
        count(DISTINCT _batch_id) AS ids, min(_batch_id) AS batch_id FROM ${run}_${key} GROUP BY ALL`).join(' UNION ALL ');
    await db.all(`CREATE OR REPLACE TEMP TABLE chunks_${run} AS ${perChunk}`);
    expect(await db.violations(`SELECT * FROM chunks_${run} WHERE ids <> 1 OR NOT regexp_full_match(batch_id, '[0-9a-f]{8}')`)).toEqual([]);
    expect(await db.violations(`SELECT batch_id, list(tbl || '#' || chunk) AS chunks FROM chunks_${run} GROUP BY 1 HAVING count(*) > 1`)).toEqual([]);
    const expectedChunks = TABLE_KEYS.reduce((n, key) => n + Math.ceil(RUNS[run].counts[key] / CHUNK), 0);
    expect(await db.num(`SELECT count(*) FROM chunks_${run}`)).toBe(expectedChunks);
  });
});
