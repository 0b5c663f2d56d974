/** A world built from another thread's parts (WorldParts) is the same world: the same rows from every table. */
import { describe, expect, it } from 'vitest';
import type { ColumnBatch } from '../columns';
import { createWorld, generateGroup, planTables } from '../engine';
import { resolveScenario } from '../scenario/validate';
import { worldParts } from './index';

function scenarioOf(seed: number) {
  const result = resolveScenario({ preset: 'small', start: '2026-10-01', days: 7, seed, today: 0 } as never);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.scenario;
}

/** Every array of every column as bytes (typed arrays compared element by element would take seconds). */
function bytesOf(batches: readonly ColumnBatch[]): Buffer[] {
  return batches.flatMap((b) => b.columns.flatMap((c) => {
    const arrays = c.type === 'string' ? [c.offsets, c.bytes, c.valid] : [c.values, c.valid];
    return arrays.map((a) => (a ? Buffer.from(a.buffer, a.byteOffset, a.byteLength) : Buffer.alloc(0)));
  }));
}

describe('world parts', () => {
  it('a world built from cloned parts writes the same rows as the world they came from, for every table', () => {
    const scenario = scenarioOf(42);
    const drawn = createWorld(scenario);
    // structuredClone: what another thread receives (typed arrays, maps, sets and strings copied).
    const parts = structuredClone(worldParts(drawn));
    const adopted = createWorld(scenario, undefined, parts);
    for (const part of ['population', 'calendar', 'slotPairs', 'plan'] as const) expect(adopted[part], part).toBe(parts[part]);
    expect(adopted.plan.filings.count).toBeGreaterThan(0);
    expect(adopted.plan.txns.count).toBeGreaterThan(0);
    for (const plan of planTables(scenario)) {
      expect(plan.rows, plan.key).toBeGreaterThan(0);
      const [left, right] = [bytesOf(generateGroup(adopted, plan.key, 0, 1)), bytesOf(generateGroup(drawn, plan.key, 0, 1))];
      expect(left.length, plan.key).toBe(right.length);
      left.forEach((bytes, i) => expect(bytes.equals(right[i]), `${plan.key} array ${i}`).toBe(true));
    }
  });

  it('refuses parts drawn for another scenario', () => {
    const parts = worldParts(createWorld(scenarioOf(42)));
    expect(() => createWorld(scenarioOf(43), undefined, parts)).toThrow('world parts of another scenario');
  });
});
