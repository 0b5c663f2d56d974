import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRun, resolveScenario } from './api';

const dir = mkdtempSync(join(tmpdir(), 'cds-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('programmatic API (README example)', () => {
  it('run.write(dir, { format }) writes the CLI files byte for byte, manifest (with its filings) included', async () => {
    const window = { start: '2026-10-01', end: '2026-10-08', seed: 42 };
    const counts = { slots: 10_000, players: 1000, financial: 2000, security: 500, compliance: 200 };
    const result = resolveScenario({ ...window, counts, today: 0 });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const written = await createRun(result.scenario).write(join(dir, 'api'), { format: 'csv' });
    expect(written.map((f) => f.file)).toEqual(['bronze_slot_telemetry.csv', 'bronze_player_profile.csv', 'bronze_financial_txn.csv',
      'bronze_security_events.csv', 'bronze_compliance.csv']);

    const flags = Object.entries(counts).flatMap(([key, n]) => [`--${key}`, String(n)]);
    execFileSync(process.execPath, ['dist-cli/main.mjs', ...flags, '--start', window.start,
      '--end', window.end, '--seed', '42', '--format', 'csv', '-o', join(dir, 'cli')]);
    const files = readdirSync(join(dir, 'cli')).sort();
    expect(readdirSync(join(dir, 'api')).sort()).toEqual(files);
    expect(files).toContain('manifest.json');
    for (const file of files) expect(readFileSync(join(dir, 'api', file)).equals(readFileSync(join(dir, 'cli', file))), file).toBe(true);
  });
});
