/**
 * A person's path through the built app in Chromium: the small preset over a fixed window, generated in the
 * Web Worker, downloaded as one zip that is byte-identical to the CLI's `--zip`; an invalid field blocks
 * Generate with the SPEC 15 message; Cancel stops a large run. Screenshots go to test-results/e2e/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { DuckDBInstance } from '@duckdb/node-api';
import { cliZip, sha256 } from './cli-run';
import { fixedWindow, WINDOW } from './window';


test('small preset: generate, see 100 %, download the zip; it equals the CLI --zip and a shared link\'s run with 3 workers byte for byte', async ({ page }, info) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Casino Data Studio' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('01-scenario.png'), fullPage: true });
  await expect(page.getByLabel('Preset')).toHaveValue('small');
  await fixedWindow(page);
  await page.getByLabel('Seed').fill('42');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });
  await expect(page.getByRole('progressbar', { name: 'Overall progress' })).toHaveAttribute('aria-valuenow', '100');
  const integrity = page.getByRole('region', { name: 'Integrity' });
  await expect(integrity.getByText('all 15 checks pass')).toBeVisible();
  await expect(integrity).toContainText(/W-2G: (\d+) slot filings, \1 matching jackpots/);
  await expect(integrity).toContainText('CTR: 80 filings, 80 patron-days over $10,000, 80 with equal totals');
  await page.screenshot({ path: info.outputPath('02-done.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all (.zip)' }).click()]);
  expect(download.suggestedFilename()).toBe('casino_data_42_20261001_20261007.zip');
  const zipPath = info.outputPath('app.zip');
  await download.saveAs(zipPath);
  const zipBytes = readFileSync(zipPath);
  const entries = unzipSync(zipBytes);
  const names = Object.keys(entries);
  expect(names).toEqual([
    'bronze_slot_telemetry.parquet', 'bronze_table_games.parquet', 'bronze_player_profile.parquet',
    'bronze_financial_txn.parquet', 'bronze_security_events.parquet', 'bronze_compliance.parquet', 'manifest.json',
  ]);
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as { files: { file: string; rows: number; sha256: string }[] };
  expect(manifest.files.map((f) => f.rows)).toEqual([10_000, 5_000, 1_000, 2_000, 500, 200]);
  for (const f of manifest.files) {
    const bytes = entries[f.file];
    expect(new TextDecoder().decode(bytes.subarray(0, 4)), f.file).toBe('PAR1');
    expect(new TextDecoder().decode(bytes.subarray(bytes.length - 4)), f.file).toBe('PAR1');
    expect(sha256(bytes), f.file).toBe(f.sha256);
  }

  // An independent reader (DuckDB) reads a file of the zip back: its rows and a join across tables.
  const unpacked = mkdtempSync(join(tmpdir(), 'cds-e2e-zip-'));
  try {
    for (const name of names) writeFileSync(join(unpacked, name), entries[name]);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await db.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${join(unpacked, 'bronze_compliance.parquet')}')`)).getRowObjectsJson();
    expect(Number(rows[0].n)).toBe(200);
    const joined = (await db.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${join(unpacked, 'bronze_compliance.parquet')}') c
      JOIN read_parquet('${join(unpacked, 'bronze_player_profile.parquet')}') p USING (player_id)`)).getRowObjectsJson();
    expect(Number(joined[0].n)).toBe(200);
    db.closeSync();
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }

  // The shared link restores every field and regenerates the same zip.
  const link = await page.getByRole('link', { name: 'Link to this scenario' }).getAttribute('href');
  expect(page.url()).toBe(link);
  const again = await page.context().newPage();
  await again.goto(link!);
  await expect(again.getByLabel('Preset')).toHaveValue('small');
  await expect(again.getByLabel('Start (UTC)')).toHaveValue('2026-10-01T00:00:00.000000Z');
  await expect(again.getByLabel('End (UTC, exclusive)')).toHaveValue('2026-10-08T00:00:00.000000Z');
  await expect(again.getByLabel('Seed')).toHaveValue('42');
  // Another worker count never changes a byte (this run: two generator workers and the writer).
  await again.getByLabel('Web Workers').selectOption('3');
  await again.getByRole('button', { name: 'Generate' }).click();
  await expect(again.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });
  const [shared] = await Promise.all([again.waitForEvent('download'), again.getByRole('button', { name: 'Download all (.zip)' }).click()]);
  const sharedPath = info.outputPath('shared.zip');
  await shared.saveAs(sharedPath);
  expect(sha256(readFileSync(sharedPath))).toBe(sha256(zipBytes));
  await again.close();

  const cli = cliZip();
  expect(cli.name).toBe(download.suggestedFilename());
  expect(sha256(zipBytes)).toBe(sha256(cli.bytes));
});

test('daily partitions: the zip holds Hive folders and equals the CLI --partition-by day --zip; the link keeps the layout', async ({ page }, info) => {
  await page.goto('/');
  await fixedWindow(page);
  await page.getByLabel('Layout').selectOption('day');
  await expect(page.getByRole('link', { name: 'Link to this scenario' })).toHaveAttribute('href', /&partition_by=day$/);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });
  await expect(page.getByRole('link', { name: 'bronze_slot_telemetry/event_date=2026-10-01/part-00000.parquet' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all (.zip)' }).click()]);
  const zipPath = info.outputPath('daily.zip');
  await download.saveAs(zipPath);
  expect(sha256(readFileSync(zipPath))).toBe(sha256(cliZip(['--partition-by', 'day']).bytes));
  expect(Object.keys(unzipSync(readFileSync(zipPath)))).toContain('bronze_compliance/filing_timestamp_date=2026-10-07/part-00000.parquet');
  const again = await page.context().newPage();
  await again.goto((await page.getByRole('link', { name: 'Link to this scenario' }).getAttribute('href'))!);
  await expect(again.getByLabel('Layout')).toHaveValue('day');
  await again.close();
});

test('a tampered or foreign link is explained, and the default scenario is shown instead', async ({ page }) => {
  await page.goto('/?spec_version=2&seed=-1&start=2026-10-01');
  const banner = page.getByRole('alert').filter({ hasText: 'This link does not describe a scenario' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('spec_version');
  // Another spec version is explained as such, alone: its other fields may mean something else there.
  await expect(banner).toContainText('this link was made by spec version 2 (spec_version=2); this version of Casino Data Studio reads spec version 1 only');
  await expect(banner).not.toContainText('seed must be');
  await expect(page.getByLabel('Preset')).toHaveValue('small');
  await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
});

test('a worker that fails is reported with a clear message and a retry that works', async ({ page }) => {
  await page.goto('/');
  // The run worker's script cannot load: the run fails instead of hanging.
  await page.context().route(/run\.worker-[^/]*\.js$/, (route) => route.abort());
  await page.getByRole('button', { name: 'Generate' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'worker failed' });
  await expect(failure).toBeVisible({ timeout: 30_000 });
  await page.context().unroute(/run\.worker-[^/]*\.js$/);
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });
});

test('volumes that cannot back the filings (E_VOLUME) are refused before Generate, next to the volumes', async ({ page }) => {
  await page.goto('/');
  await fixedWindow(page, '2026-10-01', '2026-10-02');
  await expect(page.getByText(/^200 compliance filings \(80 CTR, 30 SAR, 90 W-2G\) need: players ≥ [\d,]+ \(requested 1,000\)\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Generate' })).toBeDisabled();
  await page.getByLabel('Compliance filings rows').fill('0');
  await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
});

test('Generate waits for the volume check of the form as it stands, and says so', async ({ page }) => {
  await page.goto('/');
  await fixedWindow(page, '2026-10-01', '2026-10-08');
  const generate = page.getByRole('button', { name: 'Generate' });
  await expect(generate).toBeEnabled();
  // Raised past what the players can back: until the check has answered, Generate cannot start a run that would fail.
  await page.getByLabel('Compliance filings rows').fill('900000');
  await expect(page.getByRole('status')).toContainText('checking the volumes…');
  await expect(generate).toBeDisabled();
  await expect(page.getByText(/^900,000 compliance filings .* need: /)).toBeVisible({ timeout: 30_000 });
  await expect(generate).toBeDisabled();
  await expect(page.getByRole('status')).not.toContainText('checking the volumes…');
  await page.getByLabel('Compliance filings rows').fill('200');
  await expect(generate).toBeEnabled({ timeout: 30_000 });
  await generate.click();
  await expect(page.getByRole('status')).toContainText('Done: ', { timeout: 120_000 });
});

test('an invalid field shows its SPEC 15 message next to it and disables Generate', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Seed').fill('12.5');
  await expect(page.getByText('seed must be a whole number from 0 to 4294967295 (got 12.5)')).toBeVisible();
  await expect(page.getByLabel('Seed')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Generate' })).toBeDisabled();
  await page.getByLabel('Slot events rows').fill('-5');
  await expect(page.getByText('Slot events must be a whole number from 0 to 100,000,000 (got -5)')).toBeVisible();
  await page.getByLabel('Seed').fill('7');
  await page.getByLabel('Slot events rows').fill('5000');
  await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
});

test('Cancel stops a running generation promptly and says so', async ({ page }, info) => {
  await page.goto('/');
  await page.getByLabel('Preset').selectOption('demo');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Generating…');
  await expect(page.getByRole('progressbar', { name: 'Slot events progress' })).not.toHaveAttribute('aria-valuenow', '0', { timeout: 60_000 });
  await page.screenshot({ path: info.outputPath('03-running.png'), fullPage: true });
  await page.getByRole('button', { name: 'Cancel' }).click();
  // Prompt means the run is stopped, not finished first (no zip below); how soon the page says so depends on the machine.
  await expect(page.getByRole('status')).toContainText('Generation cancelled');
  await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Download all (.zip)' })).toHaveCount(0);
});

test('demo preset: the preview holds 100,000 slot rows spread over the whole window, scrolls to the last one, sorts, and shows the schema', async ({ page }, info) => {
  await page.goto('/');
  await page.getByLabel('Preset').selectOption('demo');
  await fixedWindow(page);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Done: 675,000 rows', { timeout: 150_000 });
  const explore = page.getByRole('region', { name: 'Explore' });
  await expect(explore.getByText('100,000 of 500,000 rows, evenly spread over the whole file.')).toBeVisible();
  await expect(explore.getByRole('columnheader', { name: /event_id\s*string/ })).toBeVisible();
  await expect(explore.getByRole('columnheader', { name: /event_timestamp\s*timestamp/ })).toBeVisible();
  const grid = explore.getByLabel('Preview rows (scroll)');
  // Rows are virtualised: only a window of them is in the DOM however far the grid scrolls.
  expect(await grid.locator('tbody tr:not(.spacer)').count()).toBeLessThan(100);
  await page.screenshot({ path: info.outputPath('04-preview.png'), fullPage: true });
  await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  // The sample reaches the end of the file: its last row is on the window's last day. The grid draws the rows near
  // the bottom once it has handled the scroll, so the last row drawn is awaited, not read at once.
  const lastDay = new Date(Date.parse(`${WINDOW.end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await expect(grid.locator('tbody tr:not(.spacer)').last().locator('td').nth(6)).toHaveText(new RegExp(`^${lastDay}T\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$`));
  // Sorting the preview by coin_in orders the rows by it (numbers sort descending first).
  await grid.evaluate((el) => el.scrollTo(0, 0));
  await explore.getByRole('button', { name: /^coin_in/ }).click();
  const header = explore.getByRole('columnheader', { name: /coin_in/ });
  await expect(header).not.toHaveAttribute('aria-sort', 'none');
  const direction = await header.getAttribute('aria-sort');
  const cell = (i: number) => grid.locator('tbody tr:not(.spacer)').nth(i).locator('td').nth(12).textContent();
  const [first, second] = [Number(await cell(0)), Number(await cell(1))];
  if (direction === 'descending') expect(first).toBeGreaterThanOrEqual(second);
  else expect(first).toBeLessThanOrEqual(second);
  expect(first).toBeGreaterThan(0);
  await explore.getByRole('tab', { name: 'Schema' }).click();
  await expect(explore.getByRole('cell', { name: 'Timestamp<MICROSECOND, UTC>' }).first()).toBeVisible();
  await expect(explore.getByRole('row', { name: /jackpot_amount .* yes/ })).toBeVisible();
  await page.screenshot({ path: info.outputPath('05-schema.png'), fullPage: true });
});
