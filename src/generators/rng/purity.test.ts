import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('SPEC 1 determinism: the randomness layer is pure TypeScript', () => {
  it.each(sources)('%s (code, comments aside) imports nothing from node: and uses no Math.random, Math.log or Math.exp', (file) => {
    const text = readFileSync(join(here, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(text).not.toMatch(/from\s+['"]node:/);
    expect(text).not.toMatch(/require\(/);
    expect(text).not.toMatch(/Math\.(random|log|exp|pow)\b/);
    expect(text).not.toMatch(/\b(Date\.now|crypto\.|process\.)/);
  });

  it('covers every module of the layer', () => {
    expect(sources.sort()).toEqual(
      ['apportion.ts', 'fdlibm.ts', 'index.ts', 'keyed-hash.ts', 'permutation.ts', 'round.ts', 'sha256-compress.ts', 'sha256.ts', 'streams.ts', 'xoshiro.ts'],
    );
  });
});
