import { describe, expect, it } from 'vitest';
import type { Remote } from 'comlink';
import type { TablePlan } from '../generators/engine';
import type { GeneratorApi } from './generator-api';
import { GeneratorPool, type PoolWorker } from './generator-pool';

/** A worker whose calls wait until released; `kill` makes it die as a crashed worker would. */
function fakeWorker(id: number) {
  let die: (error: Error) => void = () => undefined;
  const calls: { key: string; release: () => void }[] = [];
  /** The world parts each init was given (undefined: the worker drew its own). */
  const inits: unknown[] = [];
  const api = {
    init: async (_scenario: unknown, _secret: unknown, parts: unknown) => (inits.push(parts), null),
    generate: (key: string) =>
      new Promise((resolve) => calls.push({ key, release: () => resolve({ batches: [], worker: id }) })),
  } as unknown as Remote<GeneratorApi>;
  const worker: PoolWorker = { api, onDeath: (d) => (die = d), terminate: () => undefined };
  return { worker, calls, inits, kill: () => die(new Error(`worker ${id} crashed`)) };
}

const plan = (key: TablePlan['key']): TablePlan => ({ key, rows: 65_536, groups: [[0, 1]] });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('GeneratorPool', () => {
  it('gives each request to the next idle worker, in order, and keeps the cage tables on one worker', async () => {
    const [a, b] = [fakeWorker(1), fakeWorker(2)];
    const pool = new GeneratorPool([a.worker, b.worker]);
    expect(await pool.init({} as never)).toBeNull();
    const done = [pool.produce(plan('financial'), 0, 1), pool.produce(plan('slots'), 0, 1), pool.produce(plan('compliance'), 0, 1), pool.produce(plan('slots'), 1, 1)];
    await tick();
    expect([a.calls.map((c) => c.key), b.calls.map((c) => c.key)]).toEqual([['financial'], ['slots']]);
    b.calls[0].release(); // b is idle: the compliance request waits for a (the ledger's owner), b takes the next slots
    await tick();
    expect(b.calls.map((c) => c.key)).toEqual(['slots', 'slots']);
    a.calls[0].release();
    await tick();
    expect(a.calls.map((c) => c.key)).toEqual(['financial', 'compliance']);
    a.calls[1].release();
    b.calls[1].release();
    await Promise.all(done);
  });

  it('gives every worker the world parts drawn elsewhere, or lets each draw its own', async () => {
    const [a, b] = [fakeWorker(1), fakeWorker(2)];
    expect(await new GeneratorPool([a.worker, b.worker]).init({} as never)).toBeNull();
    expect([a.inits, b.inits]).toEqual([[undefined], [undefined]]);
    const [d, e] = [fakeWorker(4), fakeWorker(5)];
    await new GeneratorPool([d.worker, e.worker]).init({} as never, undefined, { drawnBy: 'the volume check' } as never);
    expect([d.inits, e.inits]).toEqual([[{ drawnBy: 'the volume check' }], [{ drawnBy: 'the volume check' }]]);
  });

  it('fails the request in flight when its worker dies, and every later one once all are dead', async () => {
    const [a, b] = [fakeWorker(1), fakeWorker(2)];
    const pool = new GeneratorPool([a.worker, b.worker]);
    await pool.init({} as never);
    const first = pool.produce(plan('slots'), 0, 1);
    await tick();
    a.kill();
    await expect(first).rejects.toThrow('worker 1 crashed');
    const second = pool.produce(plan('slots'), 1, 1);
    await tick();
    expect(b.calls).toHaveLength(1);
    b.kill();
    await expect(second).rejects.toThrow('worker 2 crashed');
    await expect(pool.produce(plan('slots'), 2, 1)).rejects.toThrow('crashed');
    await expect(pool.init({} as never)).rejects.toThrow('crashed');
  });
});
