import { describe, expect, it } from 'vitest';
import { createWorld } from './engine';
import { volumeError } from './feasibility';
import { resolveScenario, type ScenarioInput } from './scenario/validate';

function worldOf(input: Partial<ScenarioInput>) {
  const result = resolveScenario({ start: '2026-10-01', seed: 42, today: 0, ...input } as ScenarioInput);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return createWorld(result.scenario);
}

describe('volumeError (SPEC 3.10 feasibility, E_VOLUME)', () => {
  it('accepts every preset with its own window', () => {
    for (const preset of ['small', 'demo', 'legacy'] as const) expect(volumeError(worldOf({ preset })), preset).toBeNull();
  });

  it('names the minimum financial and slot rows the plan needs, with the requested counts', () => {
    const world = worldOf({ counts: { slots: 100, players: 1000, financial: 10, compliance: 1000 }, days: 7 });
    const message = volumeError(world)!;
    expect(message).toMatch(/^1,000 compliance filings \(400 CTR, 150 SAR, 450 W-2G\) need: /);
    expect(message).toContain(`bronze_financial_txn ≥ ${world.plan.needs.minFinancialRows.toLocaleString('en-US')} rows (requested 10)`);
    expect(message).toContain('bronze_slot_telemetry ≥ 7,380 rows (requested 100)');
    expect(message).toMatch(/\. Lower --compliance or raise these counts\.$/);
  });

  it('reads "(not requested)" for a table the plan needs but the scenario does not generate', () => {
    const message = volumeError(worldOf({ counts: { slots: 100_000, players: 1000, compliance: 100 }, days: 7 }))!;
    expect(message).toMatch(/bronze_financial_txn ≥ [\d,]+ rows \(not requested\)/);
    expect(message).not.toContain('bronze_slot_telemetry');
  });

  it('asks for more players (a multiple of 100, above the requested count) when the calendar has too few visits', () => {
    const message = volumeError(worldOf({ preset: 'small', days: 1 }))!;
    const [, min] = /players ≥ ([\d,]+) \(requested 1,000\)/.exec(message)!;
    const players = Number(min.replace(/,/g, ''));
    expect(players % 100).toBe(0);
    expect(players).toBeGreaterThan(1000);
  });

  it('asks for more players when the financial rows exceed 30 per visit, even without compliance', () => {
    const message = volumeError(worldOf({ counts: { players: 100, financial: 1_000_000 }, days: 1 }))!;
    expect(message).toMatch(/^0 compliance filings \(0 CTR, 0 SAR, 0 W-2G\) need: players ≥ [\d,]+ \(requested 100\)\./);
  });
});
