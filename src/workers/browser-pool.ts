/** The browser's generator pool: Web Workers running generator.worker.ts (see generator-pool.ts). */
import { wrap } from 'comlink';
import type { Scenario } from '../generators/scenario/types';
import type { GeneratorApi } from './generator-api';
import { GeneratorPool, type PoolWorker } from './generator-pool';

/** Loading a worker script and building its world takes well under a second; this is a failure. */
const START_TIMEOUT_MS = 60_000;

export class BrowserPool extends GeneratorPool {
  constructor(size: number) {
    super(Array.from({ length: size }, (_, i) => webWorker(i + 1)));
  }

  /** Builds the world in every worker; a worker that does not answer in time fails the run rather than hang it. */
  override async init(scenario: Scenario, piiSecret?: string): Promise<string | null> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`A generator worker did not start within ${START_TIMEOUT_MS / 1000} s.`)), START_TIMEOUT_MS);
    });
    try {
      return await Promise.race([super.init(scenario, piiSecret), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function webWorker(id: number): PoolWorker {
  const worker = new Worker(new URL('./generator.worker.ts', import.meta.url), { type: 'module', name: `casino-data-generator-${id}` });
  return {
    api: wrap<GeneratorApi>(worker),
    onDeath: (die) => worker.addEventListener('error', (e) => die(new Error(e.message ? `it crashed: ${e.message}` : 'it stopped unexpectedly'))),
    terminate: () => worker.terminate(),
  };
}
