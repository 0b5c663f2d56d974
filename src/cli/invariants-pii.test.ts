/**
 * SPEC 12 PII invariants I39 (masked mode) and I40 (raw mode), as SQL over the CLI's Parquet
 * files. Each raw twin (TWIN_RUNS: the multi-chunk run, 5 seeds of `small`, 2 of `legacy`) is its masked
 * run with --include-pii: its values are the raw PII that must not appear anywhere in the masked run.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../generators/schema';
import { ALL_KEYS, openInvariantDb, type InvariantDb } from '../testing/invariant-db';
import { ROW_RUNS, RUNS, TWIN_RUNS, generateRuns, type RunName } from '../testing/invariant-runs';

/** The five player columns whose presentation depends on the PII mode (SPEC 11.1). */
const PRESENTED = ['first_name', 'last_name', 'email', 'phone', 'address'];

const RAW_RUNS = TWIN_RUNS.map(([, raw]) => raw);
/** The tables a run generates. */
const keysOf = (run: RunName) => ALL_KEYS.filter((key) => RUNS[run].counts[key] !== null);

let db: InvariantDb;
beforeAll(async () => {
  db = await openInvariantDb(await generateRuns([...new Set([...ROW_RUNS, ...TWIN_RUNS.flat()])]));
  for (const [masked, raw] of TWIN_RUNS) {
    // Every distinct string value of the masked run, with its table and column.
    const strings = keysOf(masked).flatMap((key) =>
      SCHEMAS[key].columns.filter((c) => c.type === 'string').map(
        (c) => `SELECT DISTINCT '${key}' AS tbl, '${c.name}' AS col, "${c.name}" AS value FROM ${masked}_${key} WHERE "${c.name}" IS NOT NULL`,
      ),
    );
    await db.all(`CREATE TABLE ${masked}_strings AS ${strings.join(' UNION ALL ')}`);
    await db.all(`CREATE TABLE ${raw}_pii AS
      SELECT 'email' AS kind, email AS value FROM ${raw}_players UNION
      SELECT 'first_name', first_name FROM ${raw}_players UNION
      SELECT 'last_name', last_name FROM ${raw}_players UNION
      SELECT 'street line', address FROM ${raw}_players UNION
      SELECT 'First Last', first_name || ' ' || last_name FROM ${raw}_players`);
  }
});
afterAll(() => db?.close());

describe.each([...ROW_RUNS, ...RAW_RUNS] as const)('run %s', (run) => {
  it('I39 (both modes) ssn_masked is XXX-XX-NNNN and ssn_hash 64 hex, null together for the 2 % with no TIN', async () => {
    const bad = `SELECT player_id, ssn_hash, ssn_masked FROM ${run}_players
      WHERE (ssn_hash IS NULL) <> (ssn_masked IS NULL)
         OR NOT regexp_full_match(ssn_masked, 'XXX-XX-[0-9]{4}') OR NOT regexp_full_match(ssn_hash, '[0-9a-f]{64}')`;
    expect(await db.violations(bad)).toEqual([]);
    const players = await db.num(`SELECT count(*) FROM ${run}_players`);
    expect(await db.num(`SELECT count(*) FROM ${run}_players WHERE ssn_hash IS NULL`)).toBe(Math.round(0.02 * players));
  });
});

describe.each(ROW_RUNS)('masked run %s', (run) => {
  it('I39 masked presentation: J***, S***, 16-hex@masked.com, ***-***-01NN, 64-hex address token', async () => {
    const bad = `SELECT player_id, first_name, last_name, email, phone, address FROM ${run}_players
      WHERE NOT regexp_full_match(first_name, '[A-Z]\\*\\*\\*') OR NOT regexp_full_match(last_name, '[A-Z]\\*\\*\\*')
         OR NOT regexp_full_match(email, '[0-9a-f]{16}@masked\\.com') OR NOT regexp_full_match(phone, '\\*\\*\\*-\\*\\*\\*-01[0-9]{2}')
         OR NOT regexp_full_match(address, '[0-9a-f]{64}')`;
    expect(await db.violations(bad)).toEqual([]);
  });
});

describe.each(TWIN_RUNS)('masked run %s against its raw twin %s', (masked, raw) => {
  it('I39 no string value of any masked file equals a raw email, first name, last name, street line or "First Last"', async () => {
    expect(await db.num(`SELECT count(*) FROM ${raw}_pii`)).toBeGreaterThan(3 * RUNS[raw].counts.players);
    expect(await db.violations(`SELECT m.tbl, m.col, m.value, r.kind FROM ${masked}_strings m JOIN ${raw}_pii r USING (value)`)).toEqual([]);
  });

  it('I39 no string value of any masked file contains a raw email (every raw email is @example.*, I40) or a raw "First Last"', async () => {
    expect(await db.violations(`SELECT tbl, col, value FROM ${masked}_strings WHERE value LIKE '%@example.%'`)).toEqual([]);
    // A value containing "First Last" holds, from the capital of First, a match of [A-Z][a-z]+ [A-Z][a-z]+ starting with it.
    const containing = `WITH positions AS (
        SELECT tbl, col, value, unnest(generate_series(1, length(value))) AS pos FROM ${masked}_strings WHERE value LIKE '% %'),
      candidates AS (
        SELECT tbl, col, value, regexp_extract(substr(value, pos), '^[A-Z][a-z]+ [A-Z][a-z]+') AS words FROM positions
        WHERE substr(value, pos, 1) BETWEEN 'A' AND 'Z')
      SELECT c.tbl, c.col, c.value, r.first_name, r.last_name FROM candidates c JOIN ${raw}_players r
        ON split_part(c.words, ' ', 1) = r.first_name AND starts_with(split_part(c.words, ' ', 2), r.last_name)`;
    expect(await db.violations(containing)).toEqual([]);
  });

  it('I39 no output value of either mode contains an SSN (NNN-NN-NNNN): raw SSNs are never written', async () => {
    expect(await db.violations(`SELECT tbl, col, value FROM ${masked}_strings WHERE regexp_matches(value, '[0-9]{3}-[0-9]{2}-[0-9]{4}')`)).toEqual([]);
    const rawValues = SCHEMAS.players.columns.filter((c) => c.type === 'string')
      .map((c) => `SELECT '${c.name}' AS col, "${c.name}" AS value FROM ${raw}_players WHERE regexp_matches("${c.name}", '[0-9]{3}-[0-9]{2}-[0-9]{4}')`);
    expect(await db.violations(rawValues.join(' UNION ALL '))).toEqual([]);
  });

  it('I40 raw mode: emails <first>.<last>NN@example.com/.net/.org, phones <city area code>-555-01NN, ASCII names', async () => {
    const bad = `SELECT player_id, first_name, last_name, email, phone, city, state FROM ${raw}_players p
      WHERE NOT regexp_full_match(email, '[a-z]+\\.[a-z]+[0-9]{2}@example\\.(com|net|org)')
         OR NOT starts_with(email, lower(first_name) || '.' || lower(last_name))
         OR NOT regexp_full_match(phone, '[0-9]{3}-555-01[0-9]{2}')
         OR left(phone, 3) <> (SELECT area_code FROM spec_geography g WHERE g.city = p.city AND g.state = p.state)
         OR NOT regexp_full_match(first_name, '[A-Z][a-z]+') OR NOT regexp_full_match(last_name, '[A-Z][a-z]+')
         OR NOT regexp_full_match(address, '[1-9][0-9]{2,3} [A-Z][a-z]+( [A-Z][a-z]+)*( Apt [1-9][0-9]{0,2})?')`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I40 masked values present the raw ones: initials, the last 4 phone digits; every presented column differs', async () => {
    const bad = `SELECT m.player_id, m.first_name, r.first_name AS raw_first, m.phone, r.phone AS raw_phone
      FROM ${masked}_players m JOIN ${raw}_players r USING (file_row_number)
      WHERE m.first_name <> left(r.first_name, 1) || '***' OR m.last_name <> left(r.last_name, 1) || '***'
         OR m.phone <> '***-***-' || right(r.phone, 4)
         OR ${PRESENTED.map((c) => `m.${c} = r.${c}`).join(' OR ')}`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I40 raw and masked files differ only in the five presented player columns (SQL EXCEPT, both ways)', async () => {
    for (const key of keysOf(masked)) {
      const columns = SCHEMAS[key].columns.map((c) => c.name).filter((c) => key !== 'players' || !PRESENTED.includes(c));
      const select = (run: string) => `SELECT file_row_number, ${columns.map((c) => `"${c}"`).join(', ')} FROM ${run}_${key}`;
      expect(await db.num(`SELECT count(*) FROM ${raw}_${key}`), key).toBe(await db.num(`SELECT count(*) FROM ${masked}_${key}`));
      expect(await db.violations(`${select(masked)} EXCEPT ${select(raw)}`), key).toEqual([]);
      expect(await db.violations(`${select(raw)} EXCEPT ${select(masked)}`), key).toEqual([]);
    }
  });

  it('I40 the files of the other tables are byte-identical in both modes', () => {
    const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    for (const key of keysOf(masked).filter((k) => k !== 'players')) {
      expect(sha(db.file(raw, key)), key).toBe(sha(db.file(masked, key)));
    }
  });

  it('I40 Parquet schema, column descriptions and all key-value metadata are the same in both modes', async () => {
    for (const key of keysOf(masked)) {
      const kv = (run: RunName) => `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${db.file(run, key)}')`;
      const schema = (run: RunName) =>
        `SELECT name, type, repetition_type, logical_type, converted_type, num_children FROM parquet_schema('${db.file(run, key)}')`;
      expect(await db.num(`SELECT count(*) FROM (${kv(masked)})`), key).toBeGreaterThan(0);
      for (const q of [kv, schema]) {
        expect(await db.violations(`${q(masked)} EXCEPT ${q(raw)}`), key).toEqual([]);
        expect(await db.violations(`${q(raw)} EXCEPT ${q(masked)}`), key).toEqual([]);
      }
    }
  });
});
