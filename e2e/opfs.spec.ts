/**
 * Large runs in browser storage (issue 5): a file over 200 MB streamed into OPFS by the run worker, downloaded
 * through the page and read back with DuckDB; Cancel mid-run and "Clear stored files" leave nothing in OPFS; a run
 * forced into OPFS zips byte-identically to the CLI --zip (also as Delta tables, whose folders nest in the run
 * folder), a new run replaces the stored files of the last one, and files left by a closed session are removed when
 * the app opens again. A folder picker that rejects (headless) changes nothing; a picked folder (the picker stubbed)
 * gets each run in a new folder. A quota too small or exhausted mid-run: quota.robustness.spec.ts.
 *
 * Each test runs in its own persistent profile (opfs-profile.ts): Playwright's default contexts are incognito,
 * where Chromium keeps OPFS in memory (and reports a full quota as a short write instead of an error). Chromium
 * reports `navigator.storage.estimate().quota` as usage + 10 GiB whatever the real quota (the StaticStorageQuota
 * feature, against fingerprinting), so the profile disables that feature: the quota set through the DevTools
 * Protocol (`Storage.overrideQuotaForOrigin`) then reaches the page as a smaller quota would.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, rmSync, statSync } from 'node:fs';
import { expect } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { bigRun, BIG_ROWS, storedRuns, test, usage } from './opfs-profile';
import { cliZip, sha256 } from './cli-run';
import { fixedWindow } from './window';
import { approxSize } from '../src/app/format';

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (c) => hash.update(c)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}

test('a 284 MB file is streamed into OPFS, downloaded through the page (size and SHA-256 as in the manifest, read by DuckDB), then cleared', async ({ page }, info) => {
  await bigRun(page);
  await expect(page.locator('#storage-plan')).toHaveText('Large run (~284 MB): files are written to browser storage (OPFS).');
  const started = Date.now();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText(`Done: ${BIG_ROWS.toLocaleString('en-US')} rows`, { timeout: 150_000 });
  info.annotations.push({ type: 'generate', description: `click to done ${((Date.now() - started) / 1000).toFixed(1)} s; the page: ${await page.getByRole('status').textContent()}` });
  await expect(page.getByText(/^These files \(284 MB, and the zip once made\) are stored in this browser's storage \(OPFS\)/)).toBeVisible();
  await page.screenshot({ path: info.outputPath('opfs-done.png'), fullPage: true });

  const runs = await storedRuns(page);
  expect(runs).toHaveLength(1);
  const stored = runs[0].files['bronze_slot_telemetry.json'];
  expect(stored).toBeGreaterThan(200 * 1024 * 1024);
  info.annotations.push({ type: 'file size', description: `${stored} bytes` });

  const save = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(name);
    const path = info.outputPath(name);
    await download.saveAs(path);
    return path;
  };
  const manifest = JSON.parse(readFileSync(await save('manifest.json'), 'utf8')) as { files: { file: string; rows: number; bytes: number; sha256: string }[] };
  const path = await save('bronze_slot_telemetry.json');
  const entry = manifest.files.find((f) => f.file === 'bronze_slot_telemetry.json')!;
  expect(entry.rows).toBe(BIG_ROWS);
  expect(statSync(path).size).toBe(entry.bytes);
  expect(entry.bytes).toBe(stored);
  expect(await sha256File(path)).toBe(entry.sha256);

  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    const [row] = (await db.runAndReadAll(`SELECT count(*) AS n, count(DISTINCT event_id) AS ids, min(event_timestamp) AS first, max(event_timestamp) AS last
      FROM read_json('${path}', format = 'newline_delimited')`)).getRowObjectsJson();
    expect(Number(row.n)).toBe(BIG_ROWS);
    expect(Number(row.ids)).toBe(BIG_ROWS);
    expect(String(row.first) >= '2026-10-01' && String(row.last) < '2026-10-31').toBe(true);
  } finally {
    db.closeSync();
    rmSync(path, { force: true });
  }

  await page.getByRole('button', { name: 'Clear stored files' }).click();
  await expect(page.getByText(/^Stored files cleared: 284 MB freed in browser storage\./)).toBeVisible();
  expect(await storedRuns(page)).toEqual([]);
  expect(await usage(page)).toBeLessThan(1_000_000);
});

test('Cancel during a large OPFS run removes its files from browser storage', async ({ page }) => {
  await bigRun(page);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Generating…');
  // Cancel only once the worker has written a good part of the file into OPFS.
  await expect.poll(() => usage(page), { timeout: 60_000, intervals: [100] }).toBeGreaterThan(30_000_000);
  expect(await storedRuns(page)).toHaveLength(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  // Said once the files are removed, however long a loaded machine takes for it.
  await expect(page.getByRole('status')).toContainText('Generation cancelled: nothing was kept (its files were removed from browser storage).');
  expect(await storedRuns(page)).toEqual([]);
  expect(await usage(page)).toBeLessThan(1_000_000);
});

test('Delta tables in browser storage: a folder per table in the run folder, and the zip equals the CLI --format delta --zip', async ({ page }, info) => {
  await page.goto('/');
  await fixedWindow(page);
  await page.getByLabel('Format').selectOption('delta');
  await page.getByLabel('Storage').selectOption('opfs');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });
  const [run] = await storedRuns(page);
  expect(run.files).toMatchObject({ bronze_slot_telemetry: -1, bronze_compliance: -1 }); // folders
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all (.zip)' }).click()]);
  const zipPath = info.outputPath('opfs-delta.zip');
  await download.saveAs(zipPath);
  expect(await sha256File(zipPath)).toBe(sha256(cliZip(['--format', 'delta']).bytes));
});

test('a small run forced into browser storage zips from OPFS byte-identically to the CLI --zip', async ({ page }, info) => {
  await page.goto('/');
  await fixedWindow(page);
  await page.getByLabel('Storage').selectOption('opfs');
  await expect(page.locator('#storage-plan')).toHaveText('Run of ~2 MB: files are written to browser storage (OPFS), as chosen.');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all (.zip)' }).click()]);
  const zipPath = info.outputPath('opfs.zip');
  await download.saveAs(zipPath);
  expect(Object.keys((await storedRuns(page))[0].files)).toContain(download.suggestedFilename());
  expect(await sha256File(zipPath)).toBe(sha256(cliZip().bytes));
  // A new run removes the stored files of the previous one before it writes its own.
  const before = (await storedRuns(page))[0].run;
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Generating…');
  await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });
  const after = await storedRuns(page);
  expect(after).toHaveLength(1);
  expect(after[0].run).not.toBe(before);
  // Files a closed session left behind are removed when the app opens again, and the page says how much.
  const left = Object.values(after[0].files).reduce((sum, size) => sum + Math.max(0, size), 0);
  await page.reload();
  await expect(page.getByText(`Removed ${approxSize(left)} of files an earlier session left in browser storage.`, { exact: true })).toBeVisible();
  expect(await storedRuns(page)).toEqual([]);
});

test('a folder picker that rejects (as headless Chromium\'s always does) leaves the storage choice as it was, and runs still work', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Storage').selectOption('folder');
  await expect(page.getByText(/^No folder was chosen \(.+\), so files are kept as before\.$/)).toBeVisible();
  await expect(page.getByLabel('Storage')).toHaveValue('auto');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });
  await expect(page.getByText("These files are held in this tab's memory until the next run or until the tab is closed.")).toBeVisible();
});

test('a picked folder (the picker stubbed with a folder in OPFS) receives each run in a new folder of its own, never removed by the app', async ({ page }) => {
  // Headless Chromium cannot show a picker: this one returns a folder, as the real one does once the user picks.
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker(): Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('picked', { create: true });
  });
  await page.goto('/');
  await fixedWindow(page);
  await page.getByLabel('Storage').selectOption('folder');
  await expect(page.getByLabel('Storage')).toHaveValue('folder');
  await expect(page.locator('#storage-plan')).toHaveText('Run of ~2 MB: files are written to a new folder inside "picked", the folder you chose.');
  const picked = () => page.evaluate(async () => {
    const list = async (dir: FileSystemDirectoryHandle) => {
      const names: string[] = [];
      for await (const e of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) names.push(e.name);
      return names.sort();
    };
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('picked');
    const out: Record<string, string[]> = {};
    for (const name of await list(root)) out[name] = await list(await root.getDirectoryHandle(name));
    return out;
  });
  for (const run of [1, 2]) {
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByRole('status')).toContainText('Generating…');
    await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });
    const folder = run === 1 ? 'casino_data_42_20261001_20261007' : 'casino_data_42_20261001_20261007-2';
    await expect(page.getByText(`were written to "picked/${folder}" on this computer and stay there`)).toBeVisible();
  }
  const tables = ['bronze_compliance', 'bronze_financial_txn', 'bronze_player_profile', 'bronze_security_events', 'bronze_slot_telemetry', 'bronze_table_games'];
  const files = [...tables.map((t) => `${t}.parquet`), 'manifest.json'].sort();
  expect(await picked()).toEqual({ casino_data_42_20261001_20261007: files, 'casino_data_42_20261001_20261007-2': files });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'manifest.json', exact: true }).click()]);
  const manifest = JSON.parse(readFileSync(await download.path(), 'utf8')) as { files: { rows: number }[] };
  expect(manifest.files.map((f) => f.rows)).toEqual([10_000, 5_000, 1_000, 2_000, 500, 200]);
  // Leftover sweeps touch only the app's own OPFS folder, never a picked one.
  await page.reload();
  expect(Object.keys(await picked())).toHaveLength(2);
});
