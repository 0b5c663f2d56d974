/**
 * The run API returns the charts' aggregates of the rows it wrote (issue 6: no second generation pass): equal to a
 * ChartAccumulator fed with the same tables' rows, whether the rows are generated in the run worker or come back
 * from generator workers with their encoded segments, and intact after crossing a MessageChannel.
 */
import { expose, proxy, wrap, type Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import { ChartAccumulator, type ChartData } from '../export/chart-data';
import { createRun } from '../export/run';
import type { Scenario } from '../generators/scenario/types';
import { resolveScenario } from '../generators/scenario/validate';
import { createGeneratorApi, type GeneratorApi } from './generator-api';
import { GeneratorPool } from './generator-pool';
import { createRunApi, type ProducerSource, type RunApi } from './run-api';

const resolved = resolveScenario({ preset: 'small', start: '2026-10-01', end: '2026-10-15', seed: 5, today: 0 });
if (!resolved.ok) throw new Error(resolved.errors.map((e) => e.message).join('\n'));
const scenario = resolved.scenario;

async function chartsOfRows(s: Scenario): Promise<ChartData> {
  const run = createRun(s);
  const charts = new ChartAccumulator(s);
  for (const plan of run.plans) for await (const chunk of run.table(plan.key).chunks({ batchSize: 10_000 })) charts.add(plan.key, chunk);
  return charts.result();
}

/** Generator APIs in this thread, each over its own MessageChannel, behind the pool the browser uses. */
const inProcessGenerators: ProducerSource = {
  async open(s, piiSecret, count) {
    const workers = Array.from({ length: count }, (_, i) => {
      const { port1, port2 } = new MessageChannel();
      expose(createGeneratorApi(i + 1), port1 as unknown as Parameters<typeof expose>[1]);
      const api = wrap<GeneratorApi>(port2 as unknown as Parameters<typeof wrap>[0]) as Remote<GeneratorApi>;
      return { api, onDeath: () => undefined, terminate: () => port2.close() };
    });
    const pool = new GeneratorPool(workers);
    const volumes = await pool.init(s, piiSecret);
    return { volumes, produce: pool.produce, segments: pool.segments, close: () => void pool.close() };
  },
};

describe('run API charts (issue 6)', () => {
  it('equal an accumulator fed with the same rows, across a MessageChannel, with every chart drawn', async () => {
    const { port1, port2 } = new MessageChannel();
    expose(createRunApi(), port1 as unknown as Parameters<typeof expose>[1]);
    const api = wrap<RunApi>(port2 as unknown as Parameters<typeof wrap>[0]) as unknown as RunApi;
    const run = await api.start(scenario, undefined, proxy(() => undefined));
    port2.close();
    expect(run.charts).toEqual(await chartsOfRows(scenario));
    expect(run.charts.omitted).toEqual([]);
    expect(run.charts.holdByMachineType).toHaveLength(4);
  });

  it('equal the same with two generator workers encoding segments (the browser default)', async () => {
    const run = await createRunApi(inProcessGenerators).start(scenario, undefined, () => undefined, 2);
    expect(run.charts).toEqual(await chartsOfRows(scenario));
  });

  it('omit the charts of tables left out, saying which', async () => {
    const only = resolveScenario({ counts: { slots: 2_000, players: 200 }, start: '2026-10-01', days: 3, seed: 2, today: 0 });
    if (!only.ok) throw new Error('scenario');
    const run = await createRunApi().start(only.scenario, undefined, () => undefined);
    expect(run.charts.slotIntensity?.total).toBe(2_000);
    expect(run.charts.loyaltyTiers?.reduce((n, t) => n + t.players, 0)).toBe(200);
    expect(run.charts.omitted).toEqual([
      { chart: 'cashIn', reason: 'bronze_financial_txn was not generated' },
      { chart: 'filingsByWeek', reason: 'bronze_compliance was not generated' },
    ]);
  });
});
