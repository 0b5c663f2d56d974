/** The fixed window the e2e runs use, so their files equal the CLI's for the same explicit dates. */
import type { Page } from '@playwright/test';

export const WINDOW = { start: '2026-10-01', end: '2026-10-08' };

/** Switches the form to "Start and end" and fills the window (default: the week of WINDOW). */
export async function fixedWindow(page: Page, start = WINDOW.start, end = WINDOW.end): Promise<void> {
  await page.getByRole('radio', { name: 'Start and end' }).check();
  await page.getByLabel('Start (UTC)').fill(start);
  await page.getByLabel('End (UTC, exclusive)').fill(end);
}
