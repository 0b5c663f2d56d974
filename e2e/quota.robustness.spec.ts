/**
 * Issue 7: browser storage (OPFS) that is too small or runs out mid-run is handled like the CLI's full disk: a
 * clear message, nothing started or every file of the run removed, and Generate usable again. A robustness tally.
 */
import { expect } from '@playwright/test';
import { recordTally } from '../src/testing/robustness';
import { bigRun, BIG_ROWS, overrideQuota, storedRuns, test, usage } from './opfs-profile';

const passed: string[] = [];
test.afterAll(() => {
  recordTally({ category: 'browser storage quota (OPFS) too small or exhausted', tried: 2, ok: passed.length, failures: 2 - passed.length, figures: `2 fault scenarios, ${passed.length} clean failures` });
});

test('a quota smaller than the estimate: the message gives both figures and nothing starts', async ({ page }) => {
  await bigRun(page);
  await expect(page.locator('#storage-plan')).toHaveText('Large run (~284 MB): files are written to browser storage (OPFS).');
  // The quota shrinks after the plan was drawn: Generate reads it again before starting.
  await overrideQuota(page, 50_000_000);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Not enough browser storage for this run: it needs about 284 MB, but only 50 MB is free for this site (quota 50 MB, 0 kB in use). ' +
    'Lower the volumes, choose Parquet, or free browser storage, then try again.',
  );
  await expect(page.getByRole('button', { name: 'Generate' })).toBeDisabled();
  await expect(page.getByRole('status')).toHaveText(`${BIG_ROWS.toLocaleString('en-US')} rows in 1 tables`);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  expect(await storedRuns(page)).toEqual([]);
  passed.push('too small');
});

test('a quota that runs out mid-run fails it with "Browser storage is full" and removes its files', async ({ page }) => {
  await bigRun(page);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect.poll(() => usage(page), { timeout: 60_000, intervals: [100] }).toBeGreaterThan(10_000_000);
  await overrideQuota(page, 40_000_000);
  const failure = page.getByRole('alert').filter({ hasText: 'Browser storage is full' });
  await expect(failure).toContainText(/^Browser storage is full: bronze_slot_telemetry\.json stopped at [\d.]+ MB\. The run's files were removed/, { timeout: 60_000 });
  await expect.poll(() => storedRuns(page)).toEqual([]);
  expect(await usage(page)).toBeLessThan(1_000_000);
  // The plan, drawn again with the smaller quota, now refuses the run before it starts.
  await expect(page.getByRole('alert').filter({ hasText: 'Not enough browser storage for this run' })).toContainText('only 40 MB is free');
  passed.push('exhausted');
});

