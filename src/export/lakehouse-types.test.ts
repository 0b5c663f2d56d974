/**
 * The "Load into a lakehouse" type table covers every column type used in SCHEMAS, and its Parquet column is what
 * the encoder really writes: each table encoded and its Parquet schema read back by DuckDB (physical type and
 * logical annotation per column). The Spark schema strings and snippets are built from SCHEMAS.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMAS } from '../generators/schema';
import { TABLE_KEYS } from '../generators/tables';
import { fakeChunks } from './fake-batches';
import { sparkSnippet } from './lakehouse-guide';
import { LAKEHOUSE_TYPES, sparkSchema } from './lakehouse-types';
import { TYPE_NAMES } from './manifest';
import { encodeParquet } from './parquet';
import { collect, makeTempDir, query } from './test-helpers';

/** How DuckDB's parquet_schema() spells each logical annotation of the table. */
const LOGICAL: Record<string, RegExp> = {
  STRING: /^StringType\(\)$/,
  DATE: /^DateType\(\)$/,
  'TIMESTAMP(MICROS, UTC)': /^TimestampType\(isAdjustedToUTC=1, .*MICROS=MicroSeconds\(\)/,
};

describe('issue 6 lakehouse type mapping', () => {
  it('has a row for every column type used in SCHEMAS, named as in the manifest', () => {
    const used = new Set(TABLE_KEYS.flatMap((k) => SCHEMAS[k].columns.map((c) => c.type)));
    for (const type of used) {
      const row = LAKEHOUSE_TYPES[type];
      expect(row, type).toBeDefined();
      expect(row.column).toBe(TYPE_NAMES[type]);
      expect([row.parquet, row.spark, row.delta, row.fabricSql].every((t) => t.length > 0), type).toBe(true);
    }
    expect(Object.keys(LAKEHOUSE_TYPES).sort()).toEqual([...used].sort());
  });

  it.each(TABLE_KEYS)('the Parquet types are what the %s file declares (read back by DuckDB)', async (key) => {
    const schema = SCHEMAS[key];
    const tmp = makeTempDir();
    try {
      const { bytes } = await collect(encodeParquet(schema, fakeChunks(schema, 10), { compression: 'none' }));
      const path = tmp.write('t.parquet', bytes);
      const rows = await query(`SELECT name, type, logical_type FROM parquet_schema('${path}') WHERE type IS NOT NULL`);
      expect(rows.map((r) => r.name)).toEqual(schema.columns.map((c) => c.name));
      schema.columns.forEach((c, i) => {
        const [physical, logical] = LAKEHOUSE_TYPES[c.type].parquet.split(/ \((.*)\)$/);
        expect(rows[i].type, c.name).toBe(physical);
        if (logical) expect(String(rows[i].logical_type), c.name).toMatch(LOGICAL[logical]);
        else expect(rows[i].logical_type, c.name).toBeNull();
      });
    } finally {
      tmp.cleanup();
    }
  });

  it('Spark schemas list every column in order with its Spark type; snippets save the table under its stem', () => {
    for (const key of TABLE_KEYS) {
      const schema = SCHEMAS[key];
      expect(sparkSchema(schema).split(', ')).toEqual(schema.columns.map((c) => `${c.name} ${LAKEHOUSE_TYPES[c.type].spark}`));
    }
    expect(sparkSnippet('parquet', SCHEMAS.slots, 'Files/casino/bronze_slot_telemetry.parquet')).toEqual([
      'df = spark.read.parquet("Files/casino/bronze_slot_telemetry.parquet")',
      'df.write.mode("overwrite").saveAsTable("bronze_slot_telemetry")',
    ]);
    expect(sparkSnippet('csv', SCHEMAS.players, 'p.csv')[0]).toContain('.schema(schema).csv("p.csv")');
    expect(sparkSnippet('delta', SCHEMAS.players, 'Files/casino/bronze_player_profile')[0]).toBe('df = spark.read.format("delta").load("Files/casino/bronze_player_profile")');
  });
});

describe('issue 6 README "Load into a lakehouse"', () => {
  it('its type table is LAKEHOUSE_TYPES, row for row', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Load into a lakehouse'));
    const rows = section.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
    expect(rows).toEqual(Object.values(LAKEHOUSE_TYPES).map((t) => [`\`${t.column}\``, t.parquet, t.spark, t.delta, t.fabricSql, t.note]));
  });
});
