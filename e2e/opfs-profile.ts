/**
 * What the browser-storage e2e tests share: a fresh persistent profile per test (Playwright's default contexts are
 * incognito, where Chromium keeps OPFS in memory), started with StaticStorageQuota disabled so that a quota set
 * through the DevTools Protocol reaches `navigator.storage.estimate()`; a large run; and OPFS inspection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { fixedWindow } from './window';

export const test = base.extend<{ context: BrowserContext; page: Page }>({
  context: async ({ launchOptions, baseURL, viewport }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'cds-e2e-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      ...launchOptions,
      args: [...(launchOptions.args ?? []), '--disable-features=StaticStorageQuota'],
      baseURL,
      viewport,
      acceptDownloads: true,
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  page: async ({ context }, use) => use(context.pages()[0] ?? (await context.newPage())),
});

/**
 * 450,000 slot events as JSON Lines: one file of 284 MB, past 200 MB and past the 256 MB above which the app writes
 * to OPFS on its own (JSON Lines is the quickest format to that size: measured with the CLI).
 */
export const BIG_ROWS = 450_000;

export async function bigRun(page: Page): Promise<void> {
  await page.goto('/');
  await fixedWindow(page, '2026-10-01', '2026-10-31');
  for (const table of ['Table-game events', 'Players', 'Cage transactions', 'Security events', 'Compliance filings']) {
    await page.getByRole('checkbox', { name: table }).uncheck();
  }
  await page.getByLabel('Slot events rows').fill(String(BIG_ROWS));
  await page.getByLabel('Format').selectOption('json');
  await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
}

/** The run folders in OPFS with their files and sizes, as the page sees them. */
export function storedRuns(page: Page): Promise<{ run: string; files: Record<string, number> }[]> {
  return page.evaluate(async () => {
    type Entry = FileSystemDirectoryHandle | FileSystemFileHandle;
    const list = async (dir: FileSystemDirectoryHandle) => {
      const entries: Entry[] = [];
      for await (const e of (dir as unknown as { values(): AsyncIterable<Entry> }).values()) entries.push(e);
      return entries;
    };
    const root = await navigator.storage.getDirectory();
    const runs = await root.getDirectoryHandle('casino-data-studio').catch(() => null);
    if (!runs) return [];
    const out: { run: string; files: Record<string, number> }[] = [];
    for (const run of await list(runs)) {
      const files: Record<string, number> = {};
      if (run.kind === 'directory') {
        for (const f of await list(run)) files[f.name] = f.kind === 'file' ? (await f.getFile()).size : -1;
      }
      out.push({ run: run.name, files });
    }
    return out;
  });
}

export const usage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? -1);

/** Sets the origin's quota through the DevTools Protocol; the override lasts as long as its session (left open). */
export async function overrideQuota(page: Page, quotaSize: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize });
}
