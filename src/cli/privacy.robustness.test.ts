/**
 * Issue 7 privacy guarantees, measured on real output of the built CLI:
 * - masked mode: every value of every column of every table (the CSV text, so numbers and dates too) is scanned for
 *   SSN patterns, emails, phone numbers, and the raw twin run's names and street addresses: zero hits;
 * - raw mode: every phone is in 555-0100..555-0199 and every email on example.com/.net/.org; the engine's
 *   underlying SSNs (no file has a raw SSN column) are all in area 900-999;
 * - a PII secret (CDS_PII_SECRET) is never written: not in any output byte (tables, manifest, dictionary, Delta
 *   commits, zip), not on stdout or stderr, and not in the share-link query.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld } from '../generators/engine';
import { formatCount } from '../generators/scenario/messages';
import { serializeScenarioQuery } from '../generators/scenario/serialize';
import { resolveScenario } from '../generators/scenario/validate';
import { SCHEMAS } from '../generators/schema';
import { TABLE_KEYS } from '../generators/tables';
import { parseCsv } from '../testing/parse-csv';
import { recordTally } from '../testing/robustness';

const run = promisify(execFile);
const MAIN = 'dist-cli/main.mjs';
const ROOT = mkdtempSync(join(tmpdir(), 'cds-privacy-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const SEEDS = [42, 7, 2026];
const WINDOW = ['--preset', 'small', '--start', '2026-10-01', '--end', '2026-10-08', '-f', 'csv'];
const SECRET = 'Sup3r-S3cret-Key-for-tokens-7f1c9d';

beforeAll(async () => {
  for (const seed of SEEDS) {
    await run(process.execPath, [MAIN, ...WINDOW, '--seed', String(seed), '-o', join(ROOT, `masked-${seed}`)]);
    await run(process.execPath, [MAIN, ...WINDOW, '--seed', String(seed), '--include-pii', '-o', join(ROOT, `raw-${seed}`)]);
  }
}, 180_000);

/** A table's CSV as objects. */
function table(dir: string, stem: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(ROOT, dir, `${stem}.csv`), 'utf8'));
  return rows.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i]])));
}

const SSN = /\b\d{3}-\d{2}-\d{4}\b/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE = /(?<!\d)(\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)/;
/** Two capitalised words (a "First Last") and a street line's start (a house number and a capitalised word). */
const FULL_NAME = /[A-Z][a-z]+ [A-Z][a-z]+/g;
const STREET = /\b[1-9]\d{2,3} [A-Z][a-z]+/g;

describe('masked mode: no raw PII in any output value', () => {
  it('every value of every column of every table is free of SSNs, emails, phone numbers, and the raw twin\'s names and addresses', () => {
    let values = 0;
    const hits: string[] = [];
    for (const seed of SEEDS) {
      const raw = table(`raw-${seed}`, SCHEMAS.players.stem);
      const names = new Set(raw.map((p) => `${p.first_name} ${p.last_name}`));
      const firstNames = new Set(raw.map((p) => p.first_name));
      const lastNames = new Set(raw.map((p) => p.last_name));
      const streets = new Map(raw.map((p) => [p.address.match(STREET)![0], p.address]));
      for (const key of TABLE_KEYS) {
        for (const row of table(`masked-${seed}`, SCHEMAS[key].stem)) {
          for (const [column, value] of Object.entries(row)) {
            values++;
            const where = `seed ${seed} ${SCHEMAS[key].stem}.${column}: ${value.slice(0, 80)}`;
            if (SSN.test(value)) hits.push(`SSN in ${where}`);
            for (const email of value.match(EMAIL) ?? []) if (!email.endsWith('@masked.com')) hits.push(`email in ${where}`);
            if (PHONE.test(value)) hits.push(`phone in ${where}`);
            if (firstNames.has(value) || lastNames.has(value)) hits.push(`raw name in ${where}`);
            for (const words of value.match(FULL_NAME) ?? []) if (names.has(words)) hits.push(`raw "First Last" in ${where}`);
            for (const street of value.match(STREET) ?? []) if (streets.has(street) && value.includes(streets.get(street)!)) hits.push(`raw address in ${where}`);
          }
        }
      }
    }
    recordTally({
      category: 'masked output scanned for raw PII',
      tried: values,
      ok: values - hits.length,
      failures: hits.length,
      figures: `${formatCount(values)} values of 6 tables x ${SEEDS.length} seeds scanned (SSN, email, phone, raw names and addresses), ${hits.length} hits`,
    });
    expect(values).toBeGreaterThan(500_000);
    expect(hits.slice(0, 10)).toEqual([]);
  });

  it('the masked presentation itself: J***, S***, a 16-hex address @masked.com, ***-***-01NN, a 64-hex address token', () => {
    for (const seed of SEEDS) {
      for (const p of table(`masked-${seed}`, SCHEMAS.players.stem)) {
        expect(p.first_name).toMatch(/^[A-Z]\*\*\*$/);
        expect(p.last_name).toMatch(/^[A-Z]\*\*\*$/);
        expect(p.email).toMatch(/^[0-9a-f]{16}@masked\.com$/);
        expect(p.phone).toMatch(/^\*\*\*-\*\*\*-01\d{2}$/);
        expect(p.address).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });
});

describe('raw mode: provably fictional PII', () => {
  it('every phone is in 555-0100..555-0199 and every email on example.com, .net or .org', () => {
    let checked = 0;
    const bad: string[] = [];
    for (const seed of SEEDS) {
      for (const p of table(`raw-${seed}`, SCHEMAS.players.stem)) {
        checked += 2;
        if (!/^\d{3}-555-01\d{2}$/.test(p.phone)) bad.push(p.phone);
        if (!/@example\.(com|net|org)$/.test(p.email)) bad.push(p.email);
      }
    }
    recordTally({ category: 'raw mode phones and emails', tried: checked, ok: checked - bad.length, failures: bad.length, figures: `${formatCount(checked)} raw phones and emails, ${formatCount(checked - bad.length)} in 555-01xx or on example.com/.net/.org` });
    expect(bad).toEqual([]);
  });

  it('the engine\'s underlying SSNs (never written to a file) are all in area 900-999, for small and production populations', () => {
    let checked = 0;
    const bad: number[] = [];
    for (const [preset, seed] of [['small', 42], ['small', 7], ['production', 42]] as const) {
      const result = resolveScenario({ preset, seed, start: '2026-10-01', today: 0 });
      if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
      const { ssn } = createWorld(result.scenario).population;
      for (const value of ssn) {
        checked++;
        const area = Math.floor(value / 1_000_000);
        if (area < 900 || area > 999) bad.push(value);
      }
    }
    recordTally({ category: 'engine SSNs in area 900-999', tried: checked, ok: checked - bad.length, failures: bad.length, figures: `${formatCount(checked)} underlying SSNs, ${formatCount(checked - bad.length)} in area 900-999 (never issued)` });
    expect(checked).toBeGreaterThan(100_000);
    expect(bad).toEqual([]);
  });
});

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

describe('the PII secret is never written', () => {
  it('appears in no output byte (any format, zip, manifest, dictionary, Delta commits), on no console line and in no link', async () => {
    const forms = [SECRET, Buffer.from(SECRET).toString('hex'), Buffer.from(SECRET).toString('base64'), encodeURIComponent(SECRET)];
    const env = { ...process.env, CDS_PII_SECRET: SECRET };
    const runs = [['-f', 'parquet', '--dictionary'], ['-f', 'csv', '--zip'], ['-f', 'json'], ['-f', 'delta', '--partition-by', 'day']];
    let scanned = 0;
    const found: string[] = [];
    for (const [i, extra] of runs.entries()) {
      const dir = join(ROOT, `secret-${i}`);
      const { stdout, stderr } = await run(process.execPath, [MAIN, '--preset', 'small', '--start', '2026-10-01', '--end', '2026-10-08', ...extra, '-o', dir], { env });
      for (const [name, bytes] of [['stdout', Buffer.from(stdout)], ['stderr', Buffer.from(stderr)], ...filesUnder(dir).map((f) => [f, readFileSync(f)] as const)] as const) {
        scanned++;
        for (const form of forms) if (bytes.includes(form)) found.push(`${form === SECRET ? 'the secret' : 'an encoding of the secret'} in ${name}`);
      }
      if (!extra.includes('--zip')) {
        const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { scenario: { pii_key: string } };
        expect(manifest.scenario.pii_key).toBe('secret');
      }
    }
    // The secret changes the tokens (it is used), and the share-link form of the scenario carries only pii_key=secret.
    const seedKeyed = table('masked-42', SCHEMAS.players.stem)[0].address;
    const secretKeyed = (JSON.parse(readFileSync(join(ROOT, 'secret-2', 'bronze_player_profile.json'), 'utf8').split('\n')[0]) as { address: string }).address;
    expect(secretKeyed).toMatch(/^[0-9a-f]{64}$/);
    expect(secretKeyed).not.toBe(seedKeyed);
    const result = resolveScenario({ preset: 'small', start: '2026-10-01', end: '2026-10-08', pii_key: 'secret', today: 0 });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const link = serializeScenarioQuery(result.scenario);
    expect(link).toContain('pii_key=secret');
    for (const form of forms) expect(link).not.toContain(form);
    recordTally({ category: 'PII secret never written', tried: scanned + 1, ok: scanned + 1 - found.length, failures: found.length, figures: `${scanned} outputs (files, zips, consoles) and a share link searched for the secret in 4 encodings, ${found.length} found` });
    expect(found).toEqual([]);
  }, 120_000);
});
