/**
 * Issue 6 data dictionary, checked on a real run written in memory as CSV (slots past one chunk): the CSV parsed
 * back equals the schemas and the run's manifest `schemas` section row for row; each column's examples are the
 * first distinct values of that column in the first 65,536 rows of the table's own CSV file; the Markdown has a
 * section per table with every column.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, generateGroup, planTables } from '../generators/engine';
import { resolveScenario } from '../generators/scenario/validate';
import { SCHEMAS } from '../generators/schema';
import { CHUNK_ROWS } from '../generators/tables';
import {
  buildDictionary, DICTIONARY_CSV, DICTIONARY_CSV_HEADER, DICTIONARY_MARKDOWN, ELLIPSIS, EXAMPLE_MAX_CHARS, EXAMPLE_SEPARATOR,
} from './dictionary';
import { DictionaryCollector } from './dictionary-hooks';
import { TYPE_NAMES } from './manifest';
import { memoryTarget } from './memory-target';
import { writeRun } from './write-run';
import { parseCsv } from '../testing/parse-csv';

const scenarioResult = resolveScenario({
  preset: 'small', counts: { slots: 70_000 }, format: 'csv', start: '2026-10-01', end: '2026-10-08', seed: 42, today: 0,
});
if (!scenarioResult.ok) throw new Error(scenarioResult.errors.map((e) => e.message).join('\n'));
const scenario = scenarioResult.scenario;

let written: Promise<Map<string, string>> | null = null;
/** The run's files as text by name, written once (the test order is shuffled). */
function runFiles(): Promise<Map<string, string>> {
  written ??= (async () => {
    const world = createWorld(scenario);
    const plans = planTables(scenario);
    const target = memoryTarget();
    const dictionary = new DictionaryCollector(scenario, plans);
    await writeRun(scenario, plans, target, async (plan, first, count) => generateGroup(world, plan.key, first, count), 1, dictionary.hooks);
    return new Map(await Promise.all(target.files.map(async (f) => [f.name, await f.data.text()] as const)));
  })();
  return written;
}

const shorten = (v: string) => ([...v].length > EXAMPLE_MAX_CHARS ? [...v].slice(0, EXAMPLE_MAX_CHARS - 1).join('') + ELLIPSIS : v);

describe('issue 6 data dictionary', () => {
  it('is written beside the tables, before manifest.json, which does not list it', async () => {
    const files = await runFiles();
    expect([...files.keys()].slice(-3)).toEqual([DICTIONARY_MARKDOWN, DICTIONARY_CSV, 'manifest.json']);
    const manifest = JSON.parse(files.get('manifest.json')!) as { files: { file: string }[] };
    expect(manifest.files.map((f) => f.file)).not.toContain(DICTIONARY_CSV);
  });

  it('the CSV rows equal the schemas and the manifest schemas section: every table, column order, type, nullability, description', async () => {
    const files = await runFiles();
    const [header, ...rows] = parseCsv(files.get(DICTIONARY_CSV)!);
    expect(header).toEqual([...DICTIONARY_CSV_HEADER]);
    const plans = planTables(scenario);
    const fromSchemas = plans.flatMap((p) => SCHEMAS[p.key].columns.map((c) => [SCHEMAS[p.key].stem, c.name, TYPE_NAMES[c.type], String(c.nullable), c.description]));
    expect(rows.map((r) => r.slice(0, 5))).toEqual(fromSchemas);
    const manifest = JSON.parse(files.get('manifest.json')!) as { schemas: Record<string, { name: string; type: string; nullable: boolean; description: string }[]> };
    const fromManifest = Object.entries(manifest.schemas).flatMap(([key, columns]) =>
      columns.map((c) => [SCHEMAS[key as keyof typeof SCHEMAS].stem, c.name, c.type, String(c.nullable), c.description]));
    expect(rows.map((r) => r.slice(0, 5))).toEqual(fromManifest);
    expect(new Set(rows.map((r) => r[0])).size).toBe(6);
  });

  it("each column's examples are the first 3 distinct non-null cells of the table's first 65,536 CSV rows, as written", async () => {
    const files = await runFiles();
    const [, ...rows] = parseCsv(files.get(DICTIONARY_CSV)!);
    let shortened = 0;
    for (const plan of planTables(scenario)) {
      const schema = SCHEMAS[plan.key];
      const [names, ...data] = parseCsv(files.get(`${schema.stem}.csv`)!);
      expect(names).toEqual(schema.columns.map((c) => c.name));
      const firstChunk = data.slice(0, CHUNK_ROWS);
      const mine = rows.filter((r) => r[0] === schema.stem);
      schema.columns.forEach((column, c) => {
        const distinct = [...new Set(firstChunk.map((r) => r[c]).filter((v) => v !== ''))].slice(0, 3);
        expect(mine[c][5], `${schema.stem}.${column.name}`).toBe(distinct.map(shorten).join(EXAMPLE_SEPARATOR));
        if (distinct.some((v) => shorten(v) !== v)) shortened++;
      });
    }
    expect(shortened).toBeGreaterThan(0);
    // Slots span two chunks: the examples come from the first only (its _batch_id), not the second.
    const batchIds = parseCsv(files.get('bronze_slot_telemetry.csv')!).slice(1).map((r) => r.at(-1));
    expect(batchIds[0]).not.toBe(batchIds[CHUNK_ROWS]);
    expect(rows.find((r) => r[0] === 'bronze_slot_telemetry' && r[1] === '_batch_id')![5]).toBe(batchIds[0]);
  });

  it('the Markdown has one section per table, with its file stem, row count and every column in order', async () => {
    const md = (await runFiles()).get(DICTIONARY_MARKDOWN)!;
    const plans = planTables(scenario);
    expect(md.match(/^## .*$/gm)).toEqual(plans.map((p) => `## ${SCHEMAS[p.key].stem}`));
    for (const [k, section] of md.split(/^## /m).slice(1).entries()) {
      const schema = SCHEMAS[plans[k].key];
      expect(section).toContain(`File stem \`${schema.stem}\`, ${plans[k].rows.toLocaleString('en-US')} rows.`);
      const cells = section.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split(' | '));
      expect(cells.map((c) => c[0])).toEqual(schema.columns.map((c) => `| \`${c.name}\``));
      expect(cells.map((c) => [c[1], c[2], c[3]])).toEqual(schema.columns.map((c) => [`\`${TYPE_NAMES[c.type]}\``, c.nullable ? 'yes' : 'no', c.description]));
    }
  });

  it('escapes | and line breaks in Markdown and quotes them in the CSV; the same input gives the same bytes', () => {
    const examples = SCHEMAS.players.columns.map((_, c) => (c === 0 ? ['a|b\nc', 'x,"y"'] : []));
    const build = () => buildDictionary(scenario, [{ key: 'players', rows: 2, examples }]);
    const [md, csv] = build();
    const text = new TextDecoder().decode(md.bytes);
    expect(text).toContain('`a\\|b↵c`, `x,"y"`');
    expect(text.split('\n').filter((l) => l.startsWith('| `')).every((l) => l.split(/(?<!\\)\|/).length === 7)).toBe(true);
    const rows = parseCsv(new TextDecoder().decode(csv.bytes));
    expect(rows[1][5]).toBe(`a|b\nc${EXAMPLE_SEPARATOR}x,"y"`);
    expect(rows).toHaveLength(SCHEMAS.players.columns.length + 1);
    const again = build();
    expect(Buffer.from(again[0].bytes).equals(Buffer.from(md.bytes)) && Buffer.from(again[1].bytes).equals(Buffer.from(csv.bytes))).toBe(true);
  });
});
