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
  /** Wraps a test body: the case counts as clean only if the body completes. */
  scenario<A extends unknown[]>(name: string, body: (...args: A) => Promise<void>): (...args: A) => Promise<void>;
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
  return {
    scenario: (name, body) => async (...args) => {
      try {
        await body(...args);
      } catch (error) {
        write(name, false);
        throw error;
      }
      write(name, true);
    },
  };
}
