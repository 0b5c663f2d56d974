/** The CLI's console text (SPEC 14): header, per-table lines, progress and the summary. */
import { formatCount } from '../generators/scenario/messages';
import { formatInstant } from '../generators/scenario/instant';
import type { Scenario } from '../generators/scenario/types';
import { SCHEMAS } from '../generators/schema';
import type { TablePlan } from '../generators/engine';
import type { BundleStats, WrittenFile } from './write-files';

const RULE = '-'.repeat(50);
const DOUBLE_RULE = '='.repeat(50);

/** bytes / 1,000,000 with two decimals, exact halves to even as C's and Python's `%.2f` do. */
export function megabytes(bytes: number): string {
  let hundredths = Math.floor(bytes / 10_000);
  const rest = bytes - hundredths * 10_000;
  if (rest > 5_000 || (rest === 5_000 && hundredths % 2 === 1)) hundredths++;
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

export function header(scenario: Scenario, dir: string): string[] {
  return [
    `Generating data from ${formatInstant(scenario.start)} to ${formatInstant(scenario.end)}`,
    `Output directory: ${dir}`,
    `Output format: ${scenario.format}`,
    `Seed: ${scenario.seed}`,
    RULE,
  ];
}

export const tableStart = (plan: TablePlan): string => `Generating ${formatCount(plan.rows)} ${plan.key}...`;
export const tableSaved = (file: WrittenFile): string => `  Saved: ${file.file} (${megabytes(file.bytes)} MB)`;

function summaryLine(name: string, rows: number, bytes: number): string {
  return `${name.padEnd(25)}${formatCount(rows).padStart(12)} records${megabytes(bytes).padStart(8)} MB`;
}

/**
 * One line per table (its partition files and Delta log summed); sizes are the files' own bytes, also in a zip
 * bundle; the bundle gets its own line.
 */
export function summary(files: readonly WrittenFile[], dir: string, filings: string | null, bundle: BundleStats | null = null): string[] {
  const rows = files.reduce((a, f) => a + f.rows, 0);
  const bytes = files.reduce((a, f) => a + f.bytes, 0);
  const tables = new Map<WrittenFile['key'], { rows: number; bytes: number }>();
  for (const f of files) {
    const table = tables.get(f.key) ?? { rows: 0, bytes: 0 };
    tables.set(f.key, { rows: table.rows + f.rows, bytes: table.bytes + f.bytes });
  }
  return [
    '',
    DOUBLE_RULE,
    'GENERATION SUMMARY',
    DOUBLE_RULE,
    ...[...tables].map(([key, t]) => summaryLine(SCHEMAS[key].stem, t.rows, t.bytes)),
    RULE,
    summaryLine('TOTAL', rows, bytes),
    ...(filings ? [filings] : []),
    ...(bundle ? [`Zip bundle: ${bundle.file} (${megabytes(bundle.bytes)} MB)`] : []),
    `Files saved to: ${dir}`,
  ];
}

/**
 * Progress on stderr: on a TTY one line rewritten at most 10×/s; otherwise a line at 25, 50,
 * 75 and 100 %.
 */
/** Where progress goes: a TTY gets one updating line. */
export type ProgressStream = Pick<NodeJS.WriteStream, 'write'> & { readonly isTTY?: boolean };

export class ProgressReporter {
  private lastDraw = 0;
  private lastQuarter = 0;
  private startedAt = 0;

  constructor(private readonly out: ProgressStream, private readonly now: () => number) {}

  start(): void {
    this.lastDraw = 0;
    this.lastQuarter = 0;
    this.startedAt = this.now();
  }

  update(plan: TablePlan, done: number): void {
    const elapsed = Math.max(1e-3, (this.now() - this.startedAt) / 1000);
    const rate = done / elapsed;
    const eta = rate > 0 ? (plan.rows - done) / rate : 0;
    const line = `${plan.key} ${formatCount(done)}/${formatCount(plan.rows)} rows ${formatCount(Math.round(rate))} rows/s ETA ${eta.toFixed(1)} s`;
    if (this.out.isTTY) {
      const t = this.now();
      if (t - this.lastDraw < 100 && done < plan.rows) return;
      this.lastDraw = t;
      this.out.write(`\r${line}\x1b[K${done >= plan.rows ? '\n' : ''}`);
      return;
    }
    // One line per quarter reached (25, 50, 75, 100 %), even when one chunk crosses several.
    const quarter = plan.rows === 0 ? 4 : Math.floor((done * 4) / plan.rows);
    for (; this.lastQuarter < quarter; this.lastQuarter++) this.out.write(`${line}\n`);
  }
}
