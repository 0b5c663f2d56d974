/** The browser's generator pool: Web Workers running generator.worker.ts (see generator-pool.ts). */
import { wrap } from 'comlink';
import type { Scenario } from '../generators/scenario/types';
import type { WorldParts } from '../generators/world';
import type { GeneratorApi } from './generator-api';
import { GeneratorPool, type PoolWorker } from './generator-pool';

/** Loading a worker script and building its world takes well under a second; this is a failure. */
const START_TIMEOUT_MS = 60_000;

export class BrowserPool extends GeneratorPool {
  private readonly lives: readonly WebPoolWorker[];

  constructor(size: number) {
    const workers = Array.from({ length: size }, (_, i) => webWorker(i + 1));
    super(workers);
    this.lives = workers;
  }

  /** Gives every worker the world; a worker that does not answer in time fails the run rather than hang it. */
  override async init(scenario: Scenario, piiSecret?: string, parts?: WorldParts): Promise<string | null> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`A generator worker did not start within ${START_TIMEOUT_MS / 1000} s.`)), START_TIMEOUT_MS);
    });
    try {
      const volumes = await Promise.race([super.init(scenario, piiSecret, parts), late]);
      for (const worker of this.lives) worker.watchLife();
      return volumes;
    } finally {
      clearTimeout(timer);
    }
  }
}

interface WebPoolWorker extends PoolWorker {
  /** Once the worker has answered init (it holds its life lock): its death is reported however it happens. */
  watchLife(): void;
}

function webWorker(id: number): WebPoolWorker {
  // Unique per worker and tab: the name is also the worker's life lock (generator.worker.ts).
  const name = `casino-data-generator-${id}-${crypto.randomUUID()}`;
  const worker = new Worker(new URL('./generator.worker.ts', import.meta.url), { type: 'module', name });
  let die: (error: Error) => void = () => undefined;
  return {
    api: wrap<GeneratorApi>(worker),
    onDeath(callback) {
      die = callback;
      worker.addEventListener('error', (e) => {
        e.preventDefault(); // handled here: not also reported as the run worker's own uncaught error
        die(new Error(e.message ? `it crashed: ${e.message}` : 'it stopped unexpectedly'));
      });
    },
    watchLife() {
      // Granted only when the worker's own hold ends: it closed, crashed or was terminated (then the pool is closing).
      void navigator.locks?.request(name, () => die(new Error('it stopped unexpectedly')));
    },
    terminate: () => worker.terminate(),
  };
}
