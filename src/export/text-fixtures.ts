/** Shared fixtures for the CSV and JSON Lines tests (test-only). */
import { expect } from 'vitest';
import type { TableSchema } from '../generators/schema/types';
import { fakeIsNull, fakeValue } from './fake-batches';
import { comparableSelect, normalise, query } from './test-helpers';

const AS_OF = 1_767_225_600_000_000; // 2026-01-01T00:00:00Z
const META = { _ingested_at: AS_OF, _source: 'MiniGenerator', _batch_id: 'deadbeef' };

/** Three MINI_SCHEMA rows covering quoting, escaping, nulls, money signs and time edge cases. */
export const EDGE_ROWS: readonly Record<string, unknown>[] = [
  { id: 'plain', at: AS_OF + 1, day: 20_454, n32: -5, n64: 2 ** 53 - 1, amount: -0.05, ratio: 0.1, flag: true, note: 'a,b', ...META },
  { id: 'q"uote', at: 0, flag: false, note: 'line\nbreak', ...META },
  { id: 'ünï €', at: 1_709_251_199_999_999, day: -1, n32: 2_147_483_647, n64: -42, amount: -0, ratio: 1e-7, note: 'cr\r', ...META },
];

/**
 * Reads a text file back through DuckDB (`source` is a read_csv / read_json call) and checks
 * the row count and every `step`-th row against the fake values. The row number comes from the
 * first column, a fake id ending in its row number.
 */
export async function expectFakeRowsFromText(schema: TableSchema, source: string, rows: number, step: number) {
  expect(await query(`SELECT count(*)::INT AS n FROM ${source}`)).toEqual([{ n: rows }]);
  const first = schema.columns[0].name;
  const sampled = await query(
    `SELECT ${comparableSelect(schema)} FROM ${source}
     WHERE CAST(regexp_extract("${first}", '(\\d+)$', 1) AS INT) % ${step} = 0`,
  );
  expect(sampled.length).toBe(Math.ceil(rows / step));
  for (const r of sampled) {
    const row = Number(/(\d+)$/.exec(r[first] as string)![1]);
    schema.columns.forEach((spec, c) => {
      const expected = fakeIsNull(spec, row, c) ? null : fakeValue(spec, row, c);
      expect(normalise(spec, r[spec.name]), `${spec.name} row ${row}`).toEqual(expected);
    });
  }
}
