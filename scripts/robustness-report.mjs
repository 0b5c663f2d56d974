// Prints the robustness report (issue 7): one row per category recorded by the hardening tests
// (src/testing/robustness.ts) in test-results/robustness/. Exits 1 when a category is missing or failed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.CDS_ROBUSTNESS_DIR ?? join(process.cwd(), 'test-results', 'robustness');
const tallies = existsSync(dir)
  ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  : [];
if (tallies.length === 0) {
  console.error(`No robustness tallies in ${dir}: run the robustness tests first (npm run test:robustness).`);
  process.exit(1);
}
/** 1234567 → 1,234,567 (fixed separators, no locale). */
const count = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const rows = [['category', 'tried', 'ok', 'failures', 'figures'], ...tallies.map((t) => [t.category, count(t.tried), count(t.ok), count(t.failures), t.figures])];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const line = (r) => `| ${r.map((cell, c) => (c >= 1 && c <= 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ')} |`;
console.log(line(rows[0]));
console.log(`|${widths.map((w, c) => (c >= 1 && c <= 3 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
for (const r of rows.slice(1)) console.log(line(r));
const tried = tallies.reduce((a, t) => a + t.tried, 0);
const failures = tallies.reduce((a, t) => a + t.failures, 0);
console.log(`\n${tallies.length} categories, ${count(tried)} cases tried, ${count(failures)} failures.`);
process.exit(failures > 0 ? 1 : 0);
