/**
 * Issue 6 in the built app: the small preset over a fixed window, then Explore → Schema downloads the data
 * dictionary (.md and .csv), byte-identical to CLI `--dictionary` for the same scenario; the "Load into a
 * lakehouse" section shows the PySpark snippets with the run's file names and the type table. Screenshots go to
 * test-results/e2e/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { withCliRun } from './cli-run';
import { fixedWindow } from './window';


test('the data dictionary downloads equal the CLI --dictionary files; the lakehouse guide names the run\'s files', async ({ page }, info) => {
  await page.goto('/');
  await fixedWindow(page);
  await page.getByLabel('Seed').fill('42');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });

  const explore = page.getByRole('region', { name: 'Explore' });
  await explore.getByRole('tab', { name: 'Schema' }).click();
  const saved: Record<string, Buffer> = {};
  for (const label of ['Data dictionary (.md)', 'Data dictionary (.csv)']) {
    const [download] = await Promise.all([page.waitForEvent('download'), explore.getByRole('button', { name: label }).click()]);
    const path = info.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    saved[download.suggestedFilename()] = readFileSync(path);
  }
  expect(Object.keys(saved)).toEqual(['data_dictionary.md', 'data_dictionary.csv']);
  await explore.screenshot({ path: info.outputPath('schema-dictionary.png') });

  withCliRun(['--dictionary'], (dir) => {
    for (const [name, bytes] of Object.entries(saved)) expect(bytes.equals(readFileSync(join(dir, name))), name).toBe(true);
  });
  expect(saved['data_dictionary.md'].toString('utf8')).toContain('File stem `bronze_compliance`, 200 rows.');

  await page.getByRole('link', { name: 'Load into a lakehouse' }).click();
  const guide = page.getByRole('region', { name: 'Load into a lakehouse' });
  await expect(guide).toBeInViewport();
  const snippet = guide.getByLabel('PySpark snippet');
  await expect(snippet).toContainText('df = spark.read.parquet("Files/casino/bronze_slot_telemetry.parquet")');
  await expect(snippet).toContainText('df.write.mode("overwrite").saveAsTable("bronze_compliance")');
  await expect(guide.getByText("With this run's file names.")).toBeVisible();
  await expect(guide.getByRole('row', { name: /timestamp\[us, UTC\].*TIMESTAMP.*datetime2\(6\)/ })).toBeVisible();
  await guide.screenshot({ path: info.outputPath('lakehouse-parquet.png') });

  await guide.getByRole('tab', { name: 'CSV' }).click();
  await expect(snippet).toContainText('schema = "event_id STRING, machine_id STRING,');
  await expect(snippet).toContainText('.schema(schema).csv("Files/casino/bronze_slot_telemetry.csv")');
  await expect(guide.getByText('With generic file names.')).toBeVisible();
  await guide.getByRole('tab', { name: 'Delta' }).click();
  await expect(snippet).toContainText('spark.read.format("delta").load("Files/casino/bronze_player_profile")');
  await guide.screenshot({ path: info.outputPath('lakehouse-delta.png') });
});
