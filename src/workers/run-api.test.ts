/**
 * The browser's run API over a real MessageChannel with Comlink, in Node: progress crosses as a proxied
 * callback, files and the zip come back as Blobs, and the zip equals the CLI's `--zip` byte for byte, also when
 * the run is written into OPFS (an in-memory fake of it) or a picked folder; a full OPFS fails the run and leaves
 * no folder.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expose, proxy, wrap } from 'comlink';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { resolveScenario } from '../generators/scenario/validate';
import { listFolder, OPFS_RUNS_DIR } from '../export/opfs-folders';
import { fakeOpfs } from '../testing/fake-opfs';
import { createRunApi, type OpfsRoot, type RunApi, type RunProgress } from './run-api';

const dir = mkdtempSync(join(tmpdir(), 'cds-run-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Comlink closes a proxy's port once the proxy is garbage-collected, even with a call in flight (whose answer is
 * then lost): a test that only keeps the call's promise could wait forever. Every proxy stays referenced here.
 */
const connected: RunApi[] = [];

function connect(opfsRoot?: OpfsRoot): RunApi {
  const { port1, port2 } = new MessageChannel();
  expose(createRunApi(undefined, opfsRoot), port1 as unknown as Parameters<typeof expose>[1]);
  const api = wrap<RunApi>(port2 as unknown as Parameters<typeof wrap>[0]) as unknown as RunApi;
  connected.push(api);
  return api;
}

function smallScenario() {
  const result = resolveScenario({ preset: 'small', start: '2026-10-01', end: '2026-10-08', seed: 42, today: 0 });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result;
}

let cliZip: Promise<Buffer> | null = null;
/** The CLI's `--zip` of the small scenario, written once. */
function cliSmallZip(): Promise<Buffer> {
  cliZip ??= (async () => {
    const out = join(dir, 'cli');
    execFileSync(process.execPath, ['dist-cli/main.mjs', '--preset', 'small', '--start', '2026-10-01', '--end', '2026-10-08', '--seed', '42', '--zip', '-o', out], { stdio: 'pipe' });
    return readFileSync(join(out, readdirSync(out)[0]));
  })();
  return cliZip;
}

describe('run API over a MessageChannel', () => {
  it('generates the small preset with progress, returns Blobs, and zips exactly as the CLI --zip', async () => {
    const result = smallScenario();
    const api = connect();
    const progress: RunProgress[] = [];
    const run = await api.start(result.scenario, undefined, proxy((p: RunProgress) => void progress.push(p)));
    expect(run.files.map((f) => f.name)).toEqual([
      'bronze_slot_telemetry.parquet', 'bronze_table_games.parquet', 'bronze_player_profile.parquet',
      'bronze_financial_txn.parquet', 'bronze_security_events.parquet', 'bronze_compliance.parquet', 'manifest.json',
    ]);
    for (const f of run.files) expect(sha256(new Uint8Array(await f.data.arrayBuffer())), f.name).toBe(f.sha256);
    expect(run.filings).toMatchObject({ ctr: 80, sar: 30, w2g: 90, w2g_payouts: 90 });
    // Progress calls cross on their own channel and may arrive after the result: wait until every table has
    // reported its end (the timeout only bounds a report that never comes).
    await vi.waitFor(() => {
      for (const key of ['slots', 'tables', 'players', 'financial', 'security', 'compliance'] as const) {
        const rows = result.scenario.counts[key]!;
        const mine = progress.filter((p) => p.table === key).map((p) => p.rowsDone);
        expect(Math.max(...mine), key).toBe(rows);
        expect(mine.every((done) => done >= 0 && done <= rows), key).toBe(true);
      }
    }, { timeout: 30_000, interval: 20 });

    const zip = await api.zip();
    expect(zip.name).toBe('casino_data_42_20261001_20261007.zip');
    expect(sha256(new Uint8Array(await zip.data.arrayBuffer()))).toBe(sha256(await cliSmallZip()));
  });

  it('hands a run the world its volume check drew (once, for that scenario only), and the run zips exactly as the CLI', async () => {
    const { scenario } = smallScenario();
    const checker = connect();
    expect(await checker.checkVolumes(scenario)).toBeNull();
    const parts = await checker.takeWorld(scenario);
    expect(parts?.scenario).toBe(JSON.stringify(scenario));
    expect(parts?.plan.filings.count).toBe(200);
    expect(await checker.takeWorld(scenario)).toBeNull(); // taken: the check keeps no copy
    const other = resolveScenario({ preset: 'small', start: '2026-10-01', end: '2026-10-08', seed: 43, today: 0 });
    if (!other.ok) throw new Error('seed 43');
    expect(await checker.checkVolumes(other.scenario)).toBeNull();
    expect(await checker.takeWorld(scenario)).toBeNull(); // drawn for seed 43, not for this scenario
    const api = connect();
    const run = await api.start(scenario, undefined, proxy(() => undefined), 0, 'none', { kind: 'memory' }, parts!);
    expect(run.filings).toMatchObject({ ctr: 80, sar: 30, w2g: 90 });
    const zip = await api.zip();
    expect(sha256(new Uint8Array(await zip.data.arrayBuffer()))).toBe(sha256(await cliSmallZip()));
  });

  it('writes a run into its OPFS folder and streams the zip there, byte-identical to the CLI --zip', async () => {
    const { root } = fakeOpfs();
    const api = connect(async () => root);
    const run = await api.start(smallScenario().scenario, undefined, proxy(() => undefined), 0, 'none', { kind: 'opfs', folder: 'run-a' });
    expect(run.sink).toBe('opfs');
    for (const f of run.files) expect(sha256(new Uint8Array(await f.data.arrayBuffer())), f.name).toBe(f.sha256);
    const zip = await api.zip();
    expect(sha256(new Uint8Array(await zip.data.arrayBuffer()))).toBe(sha256(await cliSmallZip()));
    const folder = await (await root.getDirectoryHandle(OPFS_RUNS_DIR)).getDirectoryHandle('run-a');
    expect((await listFolder(folder)).map((e) => e.name).sort()).toEqual([...run.files.map((f) => f.name), zip.name].sort());
  });

  it('writes a run into a new folder inside a picked one (writable streams), with the same zip', async () => {
    const { root } = fakeOpfs();
    const picked = await root.getDirectoryHandle('exports', { create: true });
    // In-process: a browser clones a real folder handle to the worker; the fake one cannot cross a MessageChannel.
    const api = createRunApi();
    const run = await api.start(smallScenario().scenario, undefined, () => undefined, 0, 'none', { kind: 'folder', parent: picked, folder: 'casino_data_42_20261001_20261007' });
    expect(run).toMatchObject({ sink: 'folder', folder: 'casino_data_42_20261001_20261007' });
    const zip = await api.zip();
    expect(sha256(new Uint8Array(await zip.data.arrayBuffer()))).toBe(sha256(await cliSmallZip()));
    const folder = await picked.getDirectoryHandle('casino_data_42_20261001_20261007');
    expect((await listFolder(folder)).map((e) => e.name).sort()).toEqual([...run.files.map((f) => f.name), zip.name].sort());
  });

  it('a full browser storage fails the run with "Browser storage is full" and removes its OPFS folder', async () => {
    const { root, storage } = fakeOpfs(1_000_000);
    const start = connect(async () => root).start(smallScenario().scenario, undefined, proxy(() => undefined), 0, 'none', { kind: 'opfs', folder: 'run-b' });
    await expect(start).rejects.toThrow(/^Browser storage is full: bronze_\w+\.parquet stopped at [\d.]+ MB\./);
    expect(await listFolder(await root.getDirectoryHandle(OPFS_RUNS_DIR))).toEqual([]);
    expect(storage.used).toBe(0);
  });

  it('issue 6: the data dictionary of a run (from its preview rows) equals the CLI --dictionary files byte for byte', async () => {
    const api = connect();
    await api.start(smallScenario().scenario, undefined, proxy(() => undefined));
    const files = await api.dictionary();
    const out = join(dir, 'cli-dictionary');
    execFileSync(process.execPath, ['dist-cli/main.mjs', '--preset', 'small', '--start', '2026-10-01', '--end', '2026-10-08', '--seed', '42', '--dictionary', '-o', out], { stdio: 'pipe' });
    expect(files.map((f) => f.name)).toEqual(['data_dictionary.md', 'data_dictionary.csv']);
    for (const f of files) expect(sha256(new Uint8Array(await f.data.arrayBuffer())), f.name).toBe(sha256(readFileSync(join(out, f.name))));
  });

  it('rejects volumes that cannot back the plan with the E_VOLUME message, before any file', async () => {
    const result = resolveScenario({ counts: { slots: 100, players: 1000, financial: 10, compliance: 1000 }, start: '2026-10-01', days: 7, seed: 1, today: 0 });
    if (!result.ok) throw new Error('scenario');
    await expect(connect().start(result.scenario, undefined, proxy(() => undefined))).rejects.toThrow(/^1,000 compliance filings \(400 CTR, 150 SAR, 450 W-2G\) need: /);
  });
});
