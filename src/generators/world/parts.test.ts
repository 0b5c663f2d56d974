/** A world built from another thread's parts (WorldParts) is the same world: the same rows from every table. */
import { describe, expect, it } from 'vitest';
import { createWorld, generateGroup, planTables } from '../engine';
import { resolveScenario } from '../scenario/validate';
import { worldParts } from './index';
import { differingColumns } from '../../testing/column-bytes';

function scenarioOf(seed: number) {
  const result = resolveScenario({ preset: 'small', start: '2026-10-01', days: 7, seed, today: 0 } as never);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.scenario;
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
      const [left, right] = [generateGroup(adopted, plan.key, 0, 1), generateGroup(drawn, plan.key, 0, 1)];
      expect(left[0].columns.length, plan.key).toBeGreaterThan(0);
      expect(differingColumns(left, right), plan.key).toEqual([]);
    }
  });

  it('refuses parts drawn for another scenario', () => {
    const parts = worldParts(createWorld(scenarioOf(42)));
    expect(() => createWorld(scenarioOf(43), undefined, parts)).toThrow('world parts of another scenario');
  });
});
