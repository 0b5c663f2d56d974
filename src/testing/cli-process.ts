/**
 * The built CLI (`dist-cli/main.mjs`) as a user runs it: a child process, no shell, real stdout, stderr, exit code
 * and files. For the fault tests: a test environment (CDS_FAULT), another user (uid/gid), and a hook on the child
 * once it runs (to send it a signal at a chosen moment).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI_MAIN = fileURLToPath(new URL('../../dist-cli/main.mjs', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** When the child closed (performance.now()). */
  readonly closedAt: number;
}

export interface CliOptions {
  readonly cwd: string;
  /** Added to the environment (CDS_PII_SECRET is always removed). */
  readonly env?: Readonly<Record<string, string>>;
  /** Run as this user (the tests run as root in CI, where permissions do not stop writes). */
  readonly user?: { readonly uid: number; readonly gid: number };
  /** Gets the child and its output so far, on every piece of output. */
  readonly onOutput?: (child: ChildProcess, stdout: string, stderr: string) => void;
}

export function runCliProcess(args: readonly string[], options: CliOptions): Promise<CliRun> {
  if (!existsSync(CLI_MAIN)) throw new Error(`${CLI_MAIN} is missing: run npm run build:cli first`);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.CDS_PII_SECRET;
  if (!options.env?.CDS_FAULT) delete env.CDS_FAULT;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], {
      cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...options.user,
    });
    let stdout = '';
    let stderr = '';
    const seen = () => options.onOutput?.(child, stdout, stderr);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => ((stdout += d), seen()));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => ((stderr += d), seen()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, closedAt: performance.now() }));
  });
}
