/**
 * What a generator worker sends back for an encoded unit can be posted as it is: its transfer list holds each buffer
 * once and only buffers of its own (never the reused buffers its rows were generated in: unit-arena.ts).
 */
import { describe, expect, it } from 'vitest';
import { planTables } from '../generators/engine';
import { resolveScenario } from '../generators/scenario/validate';
import { rowGroupUnits } from '../export/segments';
import { tallyBuffers } from '../export/unit-tally';
import { CHUNK_ROWS } from '../generators/tables';
import { createGeneratorApi } from './generator-api';

/** Every typed array reachable from `value`. */
function viewsIn(value: unknown, out: ArrayBufferView[] = [], seen = new Set<unknown>()): ArrayBufferView[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (ArrayBuffer.isView(value)) out.push(value);
  else for (const v of value instanceof Map ? value.values() : Object.values(value)) viewsIn(v, out, seen);
  return out;
}

describe('generator API segments', () => {
  it('post units previewed whole, over two chunk groups, with a transfer list of their own buffers', async () => {
    // Two whole chunks: one unit of two chunk groups, previewed whole.
    const result = resolveScenario({ counts: { slots: 2 * CHUNK_ROWS }, start: '2026-10-01', end: '2026-10-08', seed: 42, today: 0 });
    if (!result.ok) throw new Error('scenario');
    const api = createGeneratorApi(1);
    api.init(result.scenario);
    const [plan] = planTables(result.scenario);
    const units = rowGroupUnits(plan);
    expect(units.map((u) => u.groups)).toEqual([[[0, 1], [1, 1]]]);
    for (const unit of units) {
      const place = { firstRow: unit.groups[0][0] * CHUNK_ROWS, tableRows: plan.rows, startsFile: unit === units[0] };
      const segment = await api.segment('slots', unit.groups, { format: 'parquet', compression: 'snappy' }, { checks: true, examples: true, previewRows: 200_000 }, place);
      const transfer = [segment.bytes.buffer as ArrayBuffer, ...segment.tallies.flatMap(tallyBuffers)];
      expect(new Set(transfer).size, 'each buffer once').toBe(transfer.length);
      for (const tally of segment.tallies) {
        for (const c of tally.sample?.columns ?? []) {
          for (const a of c.type === 'string' ? [c.offsets, c.bytes] : [c.values]) expect(a.buffer.byteLength, 'a sample array owns its buffer').toBe(a.byteLength);
        }
      }
      const posted = structuredClone(segment, { transfer });
      const rows = unit.groups.reduce((n, [first, count]) => n + Math.min(count * CHUNK_ROWS, plan.rows - first * CHUNK_ROWS), 0);
      expect(posted.tallies.reduce((n, t) => n + (t.sample?.length ?? 0), 0)).toBe(rows);
    }
  });

  it('tally every table into arrays of their own, whatever buffers the rows were generated in', async () => {
    const result = resolveScenario({ preset: 'small', start: '2026-10-01', end: '2026-10-08', seed: 42, today: 0 });
    if (!result.ok) throw new Error('scenario');
    const api = createGeneratorApi(1);
    api.init(result.scenario);
    for (const plan of planTables(result.scenario)) {
      for (const unit of rowGroupUnits(plan)) {
        const place = { firstRow: unit.groups[0][0] * CHUNK_ROWS, tableRows: plan.rows, startsFile: unit.groups[0][0] === 0 };
        // A sample smaller than the tables: rows picked from each chunk group.
        const segment = await api.segment(plan.key, unit.groups, { format: 'csv', compression: 'snappy' }, { checks: true, examples: true, previewRows: 100 }, place);
        const views = viewsIn(segment.tallies);
        expect(views.length, plan.key).toBeGreaterThan(0);
        for (const v of views) expect(v.buffer.byteLength, `${plan.key}: a tally array owns its buffer`).toBe(v.byteLength);
      }
    }
  });
});
