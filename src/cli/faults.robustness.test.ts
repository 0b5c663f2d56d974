/**
 * Issue 7, CLI faults (SPEC 14): real faults against the built CLI in child processes — a disk that is full
 * (writes go to /dev/full, which fails every write with ENOSPC), an output folder that cannot be written (as a
 * user the permissions apply to), SIGINT / SIGTERM / SIGHUP at several points, and a generator worker that throws,
 * crashes or exits mid-run (the CDS_FAULT test hook). Each must end with its exit code and one clear line, promptly,
 * with no `.partial` file, no file under a final name that the run did not finish, no manifest.json, and an
 * earlier run's files that this run had not replaced left as they were; a retry then gives a clean run's bytes.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliProcess, type CliRun } from '../testing/cli-process';
import { faultTally } from '../testing/fault-tally';
import { entries, snapshot } from '../testing/output-snapshot';

const ROOT = mkdtempSync(join(realpathSync(tmpdir()), 'cds-faults-'));
// Traversable by the unprivileged user the permission cases run as.
chmodSync(ROOT, 0o755);
afterAll(() => {
  spawnSync('chmod', ['-R', 'u+w', ROOT]);
  rmSync(ROOT, { recursive: true, force: true });
});

let dirs = 0;
const fresh = (label: string) => join(ROOT, `${label}-${++dirs}`);
const WINDOW = ['--start', '2026-10-01', '--end', '2026-10-08'];
const ZIP = 'casino_data_42_20261001_20261007.zip';
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);
/** Files the run completed (its `Saved:` lines): replaced by this run, so removed with it. */
const savedBy = (run: CliRun) => [...run.stdout.matchAll(/^ {2}Saved: (\S+)/gm)].map((m) => m[1]);

/** A run, shared by the cases that compare with it (test order is shuffled). */
function shared(args: readonly string[]): () => Promise<string> {
  let dir: Promise<string> | null = null;
  return () => (dir ??= (async () => {
    const out = fresh('clean');
    const run = await runCliProcess([...args, '-o', out], { cwd: ROOT });
    if (run.code !== 0) throw new Error(`the clean run failed: ${run.stderr}`);
    return out;
  })());
}

/** A folder holding a copy of `earlier` (an earlier complete run), or empty. */
function outputWith(label: string, earlier: string | null): string {
  const dir = fresh(label);
  if (earlier) cpSync(earlier, dir, { recursive: true });
  else mkdirSync(dir);
  return dir;
}

/**
 * What a failed or interrupted run leaves: no `.partial`, no manifest.json, no new or changed file, no new
 * folder; every file of `before` that the run did not complete (`saved`) still there, byte for byte.
 */
function expectNothingLeft(dir: string, before: Map<string, Buffer>, saved: readonly string[] = []): void {
  const after = snapshot(dir);
  expect([...after.keys()].filter((f) => f.endsWith('.partial'))).toEqual([]);
  expect(after.has('manifest.json')).toBe(false);
  for (const [file, bytes] of after) {
    expect(before.has(file), `${file} was written by the failed run`).toBe(true);
    expect(bytes.equals(before.get(file)!), `${file} was changed by the failed run`).toBe(true);
  }
  const kept = [...before.keys()].filter((f) => f !== 'manifest.json' && !saved.includes(f)).sort();
  expect(entries(dir)).toEqual(kept);
}

// ---------------------------------------------------------------------------------------------------------------
const disk = faultTally('CLI faults: disk full, unwritable output folder');

const SMALL = ['--slots', '70000', '--tables', '5000', '--players', '1000', ...WINDOW, '--workers', '2'];
const smallRun = shared(SMALL);
const smallZip = shared([...SMALL, '--zip']);

/** `<dir>/<file>` made a link to /dev/full: the run opens it as it is (flag `w` follows links) and every write fails with ENOSPC. */
function diskFullAt(dir: string, file: string): void {
  expect(lstatSync('/dev/full').isCharacterDevice(), '/dev/full is needed for a real ENOSPC').toBe(true);
  symlinkSync('/dev/full', join(dir, file));
}

describe('issue 7 CLI: a full disk fails the run with exit 1, a message naming the file, and nothing left', () => {
  it('ENOSPC on the first table: its .partial (the link) is removed, nothing else appears', disk.scenario('ENOSPC first table', async () => {
    const dir = outputWith('enospc-first', null);
    diskFullAt(dir, 'bronze_slot_telemetry.parquet.partial');
    const run = await runCliProcess([...SMALL, '-o', dir], { cwd: ROOT });
    expect(run.code, run.stderr).toBe(1);
    expect(lastLine(run.stderr)).toBe(`Error during generation: cannot write ${dir}/bronze_slot_telemetry.parquet: no space left on device (the disk is full)`);
    expect(run.stdout).not.toContain('GENERATION SUMMARY');
    expectNothingLeft(dir, new Map());
  }));

  it('ENOSPC on a later table over an earlier run: the tables it finished go, the earlier files it had not replaced stay', disk.scenario('ENOSPC later table over an earlier run', async () => {
    const dir = outputWith('enospc-later', await smallRun());
    const before = snapshot(dir);
    diskFullAt(dir, 'bronze_table_games.parquet.partial');
    const run = await runCliProcess([...SMALL, '-o', dir], { cwd: ROOT });
    expect(run.code, run.stderr).toBe(1);
    expect(lastLine(run.stderr)).toBe(`Error during generation: cannot write ${dir}/bronze_table_games.parquet: no space left on device (the disk is full)`);
    expect(savedBy(run)).toEqual(['bronze_slot_telemetry.parquet']);
    expectNothingLeft(dir, before, savedBy(run));
  }));

  it('ENOSPC on manifest.json, the last file: every table file of the run goes too', disk.scenario('ENOSPC manifest.json', async () => {
    const dir = outputWith('enospc-manifest', null);
    diskFullAt(dir, 'manifest.json.partial');
    const run = await runCliProcess([...SMALL, '-o', dir], { cwd: ROOT });
    expect(run.code, run.stderr).toBe(1);
    expect(lastLine(run.stderr)).toBe(`Error during generation: cannot write ${dir}/manifest.json: no space left on device (the disk is full)`);
    expect(savedBy(run)).toHaveLength(3);
    expectNothingLeft(dir, new Map());
  }));

  it('ENOSPC with --zip: the zip .partial goes, an earlier zip of the same name stays as it was', disk.scenario('ENOSPC --zip', async () => {
    const dir = outputWith('enospc-zip', await smallZip());
    const before = snapshot(dir);
    expect([...before.keys()]).toEqual([ZIP]);
    diskFullAt(dir, `${ZIP}.partial`);
    const run = await runCliProcess([...SMALL, '--zip', '-o', dir], { cwd: ROOT });
    expect(run.code, run.stderr).toBe(1);
    expect(lastLine(run.stderr)).toBe(`Error during generation: cannot write ${dir}/${ZIP}: no space left on device (the disk is full)`);
    expectNothingLeft(dir, before);
  }));
});

/**
 * The user the permission cases run as: this one, or `nobody` when the tests run as root (CI), for whom
 * permissions do not stop writes. Either way a probe write into a read-only folder must fail, else the case fails.
 */
const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

function readOnlyFolder(label: string): string {
  const dir = fresh(label);
  mkdirSync(dir);
  chmodSync(dir, 0o555);
  const probe = spawnSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(join(dir, 'probe'))}, 'x')`], { ...UNPRIVILEGED });
  expect(probe.status, `a probe write into the read-only ${dir} succeeded: this user is not stopped by permissions`).not.toBe(0);
  return dir;
}

describe('issue 7 CLI: an output folder that cannot be written fails with exit 1 (a runtime I/O failure) and a clear message', () => {
  it('-o under a regular file (ENOTDIR): the folder cannot be created', disk.scenario('output path under a file', async () => {
    const file = join(fresh('enotdir'), 'file.txt');
    mkdirSync(join(file, '..'));
    writeFileSync(file, 'not a folder');
    const run = await runCliProcess([...SMALL, '-o', join(file, 'sub')], { cwd: ROOT });
    expect(run.code, run.stderr).toBe(1);
    expect(lastLine(run.stderr)).toBe(`Error during generation: cannot create the output folder ${file}/sub: part of the path is a file, not a folder`);
    expect(entries(join(file, '..'))).toEqual(['file.txt']);
  }));

  it('-o a read-only folder (EACCES): the first file cannot be created', disk.scenario('read-only output folder', async () => {
    const dir = readOnlyFolder('readonly');
    const run = await runCliProcess([...SMALL, '-o', dir], { cwd: ROOT, user: UNPRIVILEGED });
    expect(run.code, run.stderr).toBe(1);
    expect(lastLine(run.stderr)).toBe(`Error during generation: cannot write ${dir}/bronze_slot_telemetry.parquet: permission denied (the folder is not writable by this user)`);
    expect(entries(dir)).toEqual([]);
  }));

  it('-o a new folder inside a read-only folder (EACCES): the folder cannot be created', disk.scenario('new folder in a read-only folder', async () => {
    const dir = readOnlyFolder('readonly-parent');
    const run = await runCliProcess([...SMALL, '-o', join(dir, 'out', 'deeper')], { cwd: ROOT, user: UNPRIVILEGED });
    expect(run.code, run.stderr).toBe(1);
    expect(lastLine(run.stderr)).toBe(`Error during generation: cannot create the output folder ${dir}/out/deeper: permission denied (the folder is not writable by this user)`);
    expect(entries(dir)).toEqual([]);
  }));

  it('--zip into a read-only folder (EACCES): the zip cannot be created', disk.scenario('--zip into a read-only folder', async () => {
    const dir = readOnlyFolder('readonly-zip');
    const run = await runCliProcess([...SMALL, '--zip', '-o', dir], { cwd: ROOT, user: UNPRIVILEGED });
    expect(run.code, run.stderr).toBe(1);
    expect(lastLine(run.stderr)).toBe(`Error during generation: cannot write ${dir}/${ZIP}: permission denied (the folder is not writable by this user)`);
    expect(entries(dir)).toEqual([]);
  }));
});

// ---------------------------------------------------------------------------------------------------------------
const signals = faultTally('CLI faults: interruptions (SIGINT, SIGTERM, SIGHUP)');

/** Four tables of about 2 s each here: time to be interrupted inside any of them. */
const LONG = ['--slots', '300000', '--tables', '300000', '--players', '1000', '--security', '300000', '--workers', '2', ...WINDOW];
/** An earlier complete run of the same tables (the same file names), small: what it holds, not its size, is checked. */
const EARLIER = ['--slots', '2000', '--tables', '2000', '--players', '1000', '--security', '2000', '--workers', '2', ...WINDOW];
const earlierRun = shared(EARLIER);
const earlierZip = shared([...EARLIER, '--zip']);
/**
 * From the signal (or the failure) to the process gone, cleanup included. Only a safety net: a process that a worker
 * keeps alive never exits, while a loaded machine may take seconds to tear one down. That the run stops rather than
 * finishing first is checked without a clock (no table starts after the signal).
 */
const PROMPT_MS = 60_000;

/** Runs the CLI and sends `signal` once `table` has started and `partial` exists (so it is mid-file). */
async function interrupted(args: readonly string[], signal: NodeJS.Signals, table: string, partial: string) {
  let sentAt = 0;
  let poll: ReturnType<typeof setInterval> | undefined;
  const run = await runCliProcess(args, {
    cwd: ROOT,
    onOutput(child, stdout) {
      if (poll || !stdout.includes(`Generating 300,000 ${table}...`)) return;
      poll = setInterval(() => {
        if (sentAt || !existsSync(partial)) return;
        sentAt = performance.now();
        child.kill(signal);
      }, 5);
    },
  });
  clearInterval(poll);
  expect(sentAt, `${partial} never appeared`).toBeGreaterThan(0);
  expect(run.closedAt - sentAt).toBeLessThan(PROMPT_MS);
  expect(run.stdout).not.toContain('GENERATION SUMMARY');
  const interruptedTable = run.stdout.indexOf(`Generating 300,000 ${table}...`);
  expect(run.stdout.slice(interruptedTable + 1), 'a table started after the signal').not.toContain('Generating ');
  return run;
}

describe('issue 7 CLI: an interrupted run removes its files, keeps an earlier run\'s files it had not replaced, and exits 128 + signal', () => {
  const cases: [name: string, signal: NodeJS.Signals, table: string, file: string, code: number, message: string][] = [
    ['SIGINT during the first table', 'SIGINT', 'slots', 'bronze_slot_telemetry.parquet', 130, 'Generation cancelled by user.'],
    ['SIGINT mid-way (second table)', 'SIGINT', 'tables', 'bronze_table_games.parquet', 130, 'Generation cancelled by user.'],
    ['SIGINT during the last table', 'SIGINT', 'security', 'bronze_security_events.parquet', 130, 'Generation cancelled by user.'],
    ['SIGTERM mid-way', 'SIGTERM', 'tables', 'bronze_table_games.parquet', 143, 'Generation cancelled: the process was terminated (SIGTERM).'],
    ['SIGHUP mid-way', 'SIGHUP', 'tables', 'bronze_table_games.parquet', 129, 'Generation cancelled: the terminal was closed (SIGHUP).'],
  ];
  for (const [name, signal, table, file, code, message] of cases) {
    it(`${name}: exit ${code}, "${message}"`, signals.scenario(name, async () => {
      const dir = outputWith('signal', await earlierRun());
      const before = snapshot(dir);
      const run = await interrupted([...LONG, '-o', dir], signal, table, join(dir, `${file}.partial`));
      expect(run.code, run.stderr).toBe(code);
      expect(run.stderr.endsWith(`\n${message}\n`), run.stderr).toBe(true);
      expectNothingLeft(dir, before, savedBy(run));
    }));
  }

  it('SIGINT mid-way through Delta tables: the table folders the run created go with their files', signals.scenario('SIGINT during --format delta', async () => {
    const dir = outputWith('signal-delta', null);
    const run = await interrupted([...LONG, '--format', 'delta', '-o', dir], 'SIGINT', 'tables', join(dir, 'bronze_table_games', 'part-00000.parquet.partial'));
    expect(run.code, run.stderr).toBe(130);
    expect(savedBy(run)).toContain('bronze_slot_telemetry/part-00000.parquet');
    expect(entries(dir)).toEqual([]);
  }));

  it('SIGINT while the --zip bundle is being written: exit 130, its .partial goes, an earlier zip stays', signals.scenario('SIGINT during --zip', async () => {
    const dir = outputWith('signal-zip', await earlierZip());
    const before = snapshot(dir);
    const run = await interrupted([...LONG, '--zip', '-o', dir], 'SIGINT', 'tables', join(dir, `${ZIP}.partial`));
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr.endsWith('\nGeneration cancelled by user.\n'), run.stderr).toBe(true);
    expectNothingLeft(dir, before);
  }));
});

// ---------------------------------------------------------------------------------------------------------------
const workers = faultTally('CLI faults: generator worker throws, crashes or exits');

/**
 * Slots in 5 chunks, then a second table. With 1 worker that is 5 slot requests; with 2, 3 row-group units, so
 * whichever worker is faster, one of them receives a second slot request (the faults strike there).
 */
const WORK = ['--slots', '300000', '--tables', '70000', '--players', '1000', ...WINDOW];

describe('issue 7 CLI: a generator worker that fails stops the run at once (exit 1, the others terminated), and a retry gives a clean run\'s bytes', () => {
  const cases: [fault: string, workers: number, reason: string][] = [
    ['throw:slots:2', 2, 'generating slots: injected fault (CDS_FAULT throw:slots:2)'],
    ['crash:slots:2', 2, 'generating slots: it crashed: injected fault (CDS_FAULT crash:slots:2)'],
    ['exit:slots:2', 2, 'generating slots: it stopped unexpectedly (exit code 1)'],
    ['exit:tables:1', 2, 'generating tables: it stopped unexpectedly (exit code 1)'],
    ['throw:slots:2', 1, 'generating slots: injected fault (CDS_FAULT throw:slots:2)'],
  ];
  const clean = new Map<number, () => Promise<string>>();
  for (const [fault, count, reason] of cases) {
    const args = [...WORK, '--workers', String(count)];
    if (!clean.has(count)) clean.set(count, shared(args));
    it(`CDS_FAULT=${fault} with ${count} worker(s): "a generator worker failed while ${reason}"`, workers.scenario(`${fault} with ${count} workers`, async () => {
      const dir = outputWith('worker', null);
      let failedAt = 0;
      const run = await runCliProcess([...args, '-o', dir], {
        cwd: ROOT,
        env: { CDS_FAULT: fault },
        onOutput: (_child, _stdout, stderr) => (failedAt ||= stderr.includes('Error during generation') ? performance.now() : 0),
      });
      expect(run.code, run.stderr).toBe(1);
      expect(lastLine(run.stderr)).toBe(`Error during generation: a generator worker failed while ${reason}`);
      // Reported, then the other workers terminated and the process gone: no worker keeps it alive.
      expect(run.closedAt - failedAt).toBeLessThan(PROMPT_MS);
      expectNothingLeft(dir, new Map());

      const retry = await runCliProcess([...args, '-o', dir], { cwd: ROOT });
      expect(retry.code, retry.stderr).toBe(0);
      const expected = snapshot(await clean.get(count)!());
      const got = snapshot(dir);
      expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [file, bytes] of expected) expect(got.get(file)!.equals(bytes), `${file} differs from a clean run`).toBe(true);
    }));
  }
});
