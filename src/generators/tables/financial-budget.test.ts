import { describe, expect, it } from 'vitest';
import { createWorld } from '../engine';
import { resolveScenario, type ScenarioInput } from '../scenario/validate';
import { VISIT_ROW_CAP } from '../world/plan';
import { dayBudgets } from './financial-budget';

function worldOf(input: Partial<ScenarioInput>) {
  const result = resolveScenario({ start: '2026-10-01', seed: 3, today: 0, ...input } as ScenarioInput);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return createWorld(result.scenario);
}

describe('dayBudgets (SPEC 7.3 day budgets)', () => {
  it('sums to the requested rows exactly, each day between its planned rows and 30 × its visitors', () => {
    for (const input of [{ preset: 'small' as const }, { preset: 'legacy' as const }, { counts: { players: 300, financial: 4_500 }, days: 10 }]) {
      const world = worldOf(input);
      const total = world.scenario.counts.financial!;
      const budgets = dayBudgets(world, total);
      expect(budgets.rows.reduce((a, b) => a + b, 0)).toBe(total);
      const cal = world.calendar;
      for (let j = 0; j < cal.days; j++) {
        expect(budgets.rows[j]).toBeGreaterThanOrEqual(budgets.planned[j]);
        expect(budgets.rows[j]).toBeLessThanOrEqual(VISIT_ROW_CAP * (cal.dayStart[j + 1] - cal.dayStart[j]));
      }
      expect(budgets.firstRow[cal.days]).toBe(total);
    }
  });

  it('fills the busiest days first when caps cut: a day at its cap holds 30 rows per visitor', () => {
    const world = worldOf({ counts: { players: 300, financial: 4_500 }, days: 10 });
    const budgets = dayBudgets(world, 4_500);
    const cal = world.calendar;
    const capped = Array.from({ length: cal.days }, (_, j) => budgets.rows[j] === VISIT_ROW_CAP * (cal.dayStart[j + 1] - cal.dayStart[j]));
    expect(capped.some(Boolean)).toBe(true);
  });

  it('refuses more rows than the calendar can hold', () => {
    const world = worldOf({ counts: { players: 50, financial: 100_000 }, days: 2 });
    expect(() => dayBudgets(world, 100_000)).toThrow(/the visit calendar holds at most/);
  });
});
