/**
 * The fault tests' tally (issue 7): each fault scenario is one case; a case that ends with every assertion met is a
 * clean failure. Each case is written as it ends (one file per case), and the category's tally is recomputed from
 * them, so a runner that restarts its worker after a failed test (Playwright) still reports every case.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordTally, ROBUSTNESS_DIR } from './robustness';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export interface FaultTally {
  /** Runs one case: it counts as clean only if `body` completes. */
  run(name: string, body: () => Promise<void>): Promise<void>;
  /** `run` as a test body (Vitest). */
  scenario(name: string, body: () => Promise<void>): () => Promise<void>;
}

export function faultTally(category: string): FaultTally {
  const cases = join(ROBUSTNESS_DIR, 'cases', slug(category));
  const write = (name: string, ok: boolean) => {
    mkdirSync(cases, { recursive: true });
    writeFileSync(join(cases, `${slug(name)}.json`), JSON.stringify({ name, ok }));
    const all = readdirSync(cases).map((f) => JSON.parse(readFileSync(join(cases, f), 'utf8')) as { ok: boolean });
    const ok_ = all.filter((c) => c.ok).length;
    recordTally({
      category, tried: all.length, ok: ok_, failures: all.length - ok_,
      figures: `${all.length} fault scenarios, ${ok_} clean failures`,
    });
  };
  const run = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
    } catch (error) {
      write(name, false);
      throw error;
    }
    write(name, true);
  };
  return { run, scenario: (name, body) => () => run(name, body) };
}
