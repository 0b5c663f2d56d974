/**
 * The size estimate against real runs (written in memory, exactly as the browser writes them): within 15 % of the
 * actual total for the small preset in every format and compression, with daily partitions, and for a custom mix.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, generateGroup, planTables } from '../generators/engine';
import { resolveScenario, type ScenarioInput } from '../generators/scenario/validate';
import { memoryTarget } from './memory-target';
import type { Partitioning } from './partition';
import { estimateOutputBytes } from './size-estimate';
import { writeRun } from './write-run';

/** The stated accuracy: estimate / actual within [1 / FACTOR, FACTOR]. */
const FACTOR = 1.15;

async function actualBytes(input: Omit<ScenarioInput, 'today'>, partitioning: Partitioning): Promise<{ actual: number; estimate: number }> {
  const result = resolveScenario({ start: '2026-10-01', seed: 42, ...input, today: 0 });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const scenario = result.scenario;
  const world = createWorld(scenario);
  const target = memoryTarget();
  await writeRun(scenario, planTables(scenario), target, async (plan, first, count) => generateGroup(world, plan.key, first, count), 1, { partitioning });
  return { actual: target.files.reduce((n, f) => n + f.bytes, 0), estimate: estimateOutputBytes(scenario, partitioning) };
}

const CASES: [string, Omit<ScenarioInput, 'today'>, Partitioning][] = [
  ['small, Parquet snappy', { preset: 'small' }, 'none'],
  ['small, Parquet zstd', { preset: 'small', compression: 'zstd' }, 'none'],
  ['small, Parquet uncompressed', { preset: 'small', compression: 'none' }, 'none'],
  ['small, CSV', { preset: 'small', format: 'csv' }, 'none'],
  ['small, JSON Lines', { preset: 'small', format: 'json' }, 'none'],
  ['small, Parquet, daily partitions', { preset: 'small' }, 'day'],
  ['custom: 40,000 slot events and 2,000 players over 3 days, CSV', { counts: { slots: 40_000, players: 2_000 }, days: 3, format: 'csv' }, 'none'],
];

describe(`size estimate (within a factor of ${FACTOR} of real output)`, () => {
  for (const [title, input, partitioning] of CASES) {
    it(title, async () => {
      const { actual, estimate } = await actualBytes(input, partitioning);
      expect(estimate / actual, `estimate ${estimate}, actual ${actual}`).toBeGreaterThan(1 / FACTOR);
      expect(estimate / actual, `estimate ${estimate}, actual ${actual}`).toBeLessThan(FACTOR);
    });
  }
});
