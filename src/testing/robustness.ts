/**
 * The robustness report's tallies (issue 7): each hardening test records what it tried and what happened, as one
 * JSON file per category under test-results/robustness/; `npm run test:robustness` runs those tests and prints
 * the table (scripts/robustness-report.mjs). Tests still assert every case: a tally only reports.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROBUSTNESS_DIR = process.env.CDS_ROBUSTNESS_DIR ?? join(process.cwd(), 'test-results', 'robustness');

export interface Tally {
  /** The report's row, e.g. `invalid scenarios (validator)`. */
  readonly category: string;
  /** Cases tried. */
  readonly tried: number;
  /** Cases that behaved as required (a clear rejection, a clean failure, zero hits...). */
  readonly ok: number;
  /** Cases that did not (each also fails its test). */
  readonly failures: number;
  /** The figures in words, e.g. `512 invalid scenarios, 512 clear rejections, 0 crashes`. */
  readonly figures: string;
}

/** Writes one category's tally (the last write of a category wins). */
export function recordTally(tally: Tally): void {
  mkdirSync(ROBUSTNESS_DIR, { recursive: true });
  const slug = tally.category.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  writeFileSync(join(ROBUSTNESS_DIR, `${slug}.json`), `${JSON.stringify(tally, null, 2)}\n`);
}
