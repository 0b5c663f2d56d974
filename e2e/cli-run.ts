/** The built CLI on the e2e scenario (the small preset over WINDOW, seed 42), for byte comparisons with the app. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WINDOW } from './window';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Runs the CLI with `flags` into a fresh folder, hands the folder to `read`, then removes it. */
export function withCliRun<T>(flags: readonly string[], read: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'cds-e2e-cli-'));
  try {
    execFileSync(process.execPath, ['dist-cli/main.mjs', '--preset', 'small', '--start', WINDOW.start, '--end', WINDOW.end, '--seed', '42', ...flags, '-o', dir], { stdio: 'pipe' });
    return read(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI's `--zip` with `flags`: its file name and bytes. */
export function cliZip(flags: readonly string[] = []): { name: string; bytes: Buffer } {
  return withCliRun([...flags, '--zip'], (dir) => {
    const [name] = readdirSync(dir);
    return { name, bytes: readFileSync(join(dir, name)) };
  });
}
