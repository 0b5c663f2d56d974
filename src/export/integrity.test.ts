import { describe, expect, it } from 'vitest';
import type { ColumnBatch } from '../generators/columns';
import { resolveScenario } from '../generators/scenario/validate';
import { SCHEMAS } from '../generators/schema';
import type { TableKey } from '../generators/tables';
import { IntegrityCollector } from './integrity';
import { createRun } from './run';

const result = resolveScenario({ preset: 'small', start: '2026-10-01', end: '2026-10-08', seed: 9, today: 0 });
if (!result.ok) throw new Error('scenario');
const scenario = result.scenario;

async function tablesOf(): Promise<[TableKey, ColumnBatch[]][]> {
  const run = createRun(scenario);
  const out: [TableKey, ColumnBatch[]][] = [];
  for (const plan of run.plans) {
    const chunks: ColumnBatch[] = [];
    for await (const c of run.table(plan.key).chunks()) chunks.push(c);
    out.push([plan.key, chunks]);
  }
  return out;
}

const check = (collector: IntegrityCollector, id: string) => collector.result().find((c) => c.id === id)!;

describe('IntegrityCollector (SPEC 12 on the rows written)', () => {
  it('passes every check on generated output, with the counts behind each', async () => {
    const collector = new IntegrityCollector(scenario);
    for (const [key, chunks] of await tablesOf()) for (const c of chunks) collector.add(key, c);
    const checks = collector.result();
    expect(checks.map((c) => c.id)).toEqual(['I1', 'I3', 'I5 I6', 'I8', 'I17', 'I28', 'I29', 'I31', 'I32', 'I34', 'I35', 'I36', 'I37', 'I38', 'I9']);
    expect(checks.filter((c) => !c.pass)).toEqual([]);
    expect(check(collector, 'I31').detail).toMatch(/^CTR: 80 filings, 80 patron-days over \$10,000, 80 with equal totals$/);
    expect(check(collector, 'I28').detail).toMatch(/^W-2G: (\d+) slot filings, \1 matching jackpots, \1 jackpots at or over the threshold$/);
    expect(check(collector, 'I3').detail).toContain(`bronze_slot_telemetry: ${scenario.counts.slots!.toLocaleString('en-US')} distinct, 0 repeated`);
  });

  it('fails I3 on a repeated id, counting it once', async () => {
    const tables = await tablesOf();
    const slots = tables.find(([k]) => k === 'slots')![1].at(-1)!;
    const ids = slots.columns[SCHEMAS.slots.columns.findIndex((c) => c.name === 'event_id')];
    if (ids.type !== 'string') throw new Error('schema');
    // The chunk's last event id made its first: ids have one width, so the bytes are overwritten in place.
    const width = ids.offsets[1] - ids.offsets[0];
    ids.bytes.set(ids.bytes.subarray(ids.offsets[0], ids.offsets[1]), ids.offsets[slots.length] - width);
    const collector = new IntegrityCollector(scenario);
    for (const [key, chunks] of tables) for (const c of chunks) collector.add(key, c);
    expect(check(collector, 'I3').pass).toBe(false);
    expect(check(collector, 'I3').detail).toContain(`bronze_slot_telemetry: ${(scenario.counts.slots! - 1).toLocaleString('en-US')} distinct, 1 repeated`);
  });

  it('fails I31, I32, I35 and I36 on tampered rows (a CTR total off by a cent, a wrong CTR reference, an unknown source id, a late due date)', async () => {
    const tables = await tablesOf();
    const compliance = tables.find(([k]) => k === 'compliance')![1][0];
    const cashIn = compliance.columns[SCHEMAS.compliance.columns.findIndex((c) => c.name === 'cash_in_amount')];
    const type = SCHEMAS.compliance.columns.findIndex((c) => c.name === 'filing_type');
    const sources = compliance.columns[SCHEMAS.compliance.columns.findIndex((c) => c.name === 'source_ids')];
    if (cashIn.type !== 'float64' || sources.type !== 'string' || compliance.columns[type].type !== 'string') throw new Error('schema');
    const typeColumn = compliance.columns[type];
    const ctrRow = Array.from({ length: compliance.length }, (_, r) => r).find((r) =>
      new TextDecoder().decode(typeColumn.bytes.subarray(typeColumn.offsets[r], typeColumn.offsets[r + 1])) === 'CTR')!;
    cashIn.values[ctrRow] += 0.01;
    const due = compliance.columns[SCHEMAS.compliance.columns.findIndex((c) => c.name === 'due_date')];
    if (due.type !== 'date') throw new Error('schema');
    due.values[ctrRow] += 1; // a CTR due 16 days after its gaming day
    const financial = tables.find(([k]) => k === 'financial')![1][0];
    const reference = financial.columns[SCHEMAS.financial.columns.findIndex((c) => c.name === 'ctr_reference')];
    if (reference.type !== 'string' || !reference.valid) throw new Error('schema');
    const flagged = reference.valid.indexOf(1);
    reference.bytes[reference.offsets[flagged + 1] - 1] ^= 1; // a cage row naming another CTR
    sources.bytes[sources.offsets[ctrRow] + 4] ^= 1; // a TXN- id no row has
    const collector = new IntegrityCollector(scenario);
    for (const [key, chunks] of tables) for (const c of chunks) collector.add(key, c);
    expect(check(collector, 'I31').pass).toBe(false);
    expect(check(collector, 'I35').pass).toBe(false);
    expect(check(collector, 'I36').pass).toBe(false);
    expect(check(collector, 'I32').pass).toBe(false);
    expect(check(collector, 'I28').pass).toBe(true);
    expect(check(collector, 'I38').pass).toBe(true);
  });
});
