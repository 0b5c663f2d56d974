/**
 * Test-only helpers for the encoder tests: collect streamed bytes, write them to a temp file,
 * and read files back with DuckDB, an independent reader. Never imported by production code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ColumnSpec, TableSchema } from '../generators/schema/types';

/** Concatenates the chunks of an encoder, counting them; `rows` is the encoder's return value. */
export async function collect(
  encoder: AsyncGenerator<Uint8Array, number, undefined>,
): Promise<{ bytes: Uint8Array; parts: number; rows: number }> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const step = await encoder.next();
    if (step.done) return { bytes: new Uint8Array(Buffer.concat(parts)), parts: parts.length, rows: step.value };
    parts.push(step.value);
  }
}

/** A temp directory, removed by the returned cleanup function. */
export function makeTempDir(): { dir: string; write(name: string, bytes: Uint8Array): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cds-export-'));
  return {
    dir,
    write(name, bytes) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type Row = Record<string, unknown>;

/** Runs SQL on a fresh in-memory DuckDB and returns the rows as JSON-like objects. */
export async function query(sql: string): Promise<Row[]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Row[];
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

/** DuckDB's name for each schema type (timestamps are UTC-adjusted). */
export const DUCKDB_TYPES: Record<ColumnSpec['type'], string> = {
  string: 'VARCHAR',
  int32: 'INTEGER',
  int64: 'BIGINT',
  float64: 'DOUBLE',
  bool: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP WITH TIME ZONE',
};

/** `columns={...}` argument for read_csv / read_json with the schema's types. */
export function duckdbColumns(schema: TableSchema): string {
  return `{${schema.columns.map((c) => `'${c.name}': '${DUCKDB_TYPES[c.type]}'`).join(', ')}}`;
}

/**
 * A select list that turns each column into a value comparable with fakeValue():
 * timestamps as epoch µs, dates as days since 1970-01-01.
 */
export function comparableSelect(schema: TableSchema): string {
  return schema.columns
    .map((c) => {
      const name = `"${c.name}"`;
      if (c.type === 'timestamp') return `epoch_us(${name}) AS ${name}`;
      if (c.type === 'date') return `date_diff('day', DATE '1970-01-01', ${name}) AS ${name}`;
      return name;
    })
    .join(', ');
}

/** Normalises a DuckDB JSON value (BIGINT arrives as text) for comparison with fakeValue(). */
export function normalise(spec: ColumnSpec, value: unknown): unknown {
  if (value === null) return null;
  if (spec.type === 'int64' || spec.type === 'timestamp' || spec.type === 'date') return Number(value);
  return value;
}
