/**
 * Delta Lake in the app (issue 6): the small preset as Delta tables with daily partitions, downloaded as one zip
 * that equals the CLI's `--format delta --partition-by day --zip` byte for byte; each table's commit names its
 * part files, and DuckDB reads them. The shared link keeps the format.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { cliZip, sha256 } from './cli-run';
import { fixedWindow } from './window';


test('Delta format with daily partitions: commits name every part file; the zip equals the CLI\'s', async ({ page }, info) => {
  await page.goto('/');
  await fixedWindow(page);
  await page.getByLabel('Format').selectOption('delta');
  await expect(page.getByLabel('Compression')).toHaveValue('default');
  await expect(page.getByLabel('Compression').locator('option')).toHaveText(['Snappy (default)', 'Zstandard', 'None']);
  await page.getByLabel('Layout').selectOption('day');
  await expect(page.getByRole('link', { name: 'Link to this scenario' })).toHaveAttribute('href', /format=delta.*&partition_by=day$/);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });
  const files = page.getByRole('region', { name: 'Files' });
  await expect(files.getByRole('link', { name: 'bronze_slot_telemetry/event_date=2026-10-01/part-00000.parquet' })).toBeVisible();
  await expect(files.getByRole('link', { name: 'bronze_slot_telemetry/_delta_log/00000000000000000000.json' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('delta-files.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), files.getByRole('button', { name: 'Download all (.zip)' }).click()]);
  const zipPath = info.outputPath('delta.zip');
  await download.saveAs(zipPath);
  const entries = unzipSync(readFileSync(zipPath));
  for (const stem of ['bronze_slot_telemetry', 'bronze_player_profile', 'bronze_compliance']) {
    const log = new TextDecoder().decode(entries[`${stem}/_delta_log/00000000000000000000.json`]);
    const adds = log.trimEnd().split('\n').map((l) => JSON.parse(l) as { add?: { path: string; size: number } }).flatMap((a) => (a.add ? [a.add] : []));
    expect(adds.length, stem).toBeGreaterThan(0);
    for (const add of adds) expect(entries[`${stem}/${add.path}`]?.length, `${stem}/${add.path}`).toBe(add.size);
  }

  expect(sha256(readFileSync(zipPath))).toBe(sha256(cliZip(['--format', 'delta', '--partition-by', 'day']).bytes));
});
