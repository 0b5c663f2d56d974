/**
 * Issue 7: the README lists every runtime dependency with its purpose and the licence its package declares, and
 * every dependency is pinned to an exact version (no ranges: the bytes of the files depend on them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordTally } from './robustness';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The README's runtime table: `| package | licence | why |` rows up to the next blank line. */
function runtimeTable(): Map<string, { licence: string; why: string }> {
  const section = readme.slice(readme.indexOf('## Dependencies and why'));
  const table = section.slice(section.indexOf('| package | licence | why |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return new Map(rows.map((row) => {
    const [name, licence, why] = row.split('|').slice(1, 4).map((cell) => cell.trim());
    return [name, { licence, why }];
  }));
}

describe('runtime dependencies', () => {
  it('each is listed in the README with its purpose and its declared licence, and pinned exactly', () => {
    const listed = runtimeTable();
    const names = Object.keys(pkg.dependencies);
    const problems: string[] = [];
    for (const name of names) {
      const declared = (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { license: string }).license;
      const row = listed.get(name);
      if (!row) problems.push(`${name} is not in the README's dependency table`);
      else if (row.licence !== declared) problems.push(`${name}: README says ${row.licence}, the package declares ${declared}`);
      else if (row.why.length < 20) problems.push(`${name}: no real purpose given`);
      if (!/^\d+\.\d+\.\d+$/.test(pkg.dependencies[name])) problems.push(`${name} is not pinned (${pkg.dependencies[name]})`);
    }
    for (const name of listed.keys()) if (!(name in pkg.dependencies)) problems.push(`${name} is in the README but not a dependency`);
    recordTally({
      category: 'runtime dependencies documented',
      tried: names.length,
      ok: names.length - problems.length,
      failures: problems.length,
      figures: `${names.length} runtime dependencies, ${names.length - problems.length} listed with purpose and licence, pinned`,
    });
    expect(problems).toEqual([]);
  });
});
