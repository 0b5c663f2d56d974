/**
 * Issue 7, browser faults: a generator Web Worker that throws, crashes (an uncaught error) or stops (`self.close()`,
 * which sends no error event) mid-run. The fault is the test hook of src/workers/fault-hook.ts: the generator
 * worker is started with `?cds_fault=<spec>` on its URL (see armFault), so the built worker itself fails on its
 * second slots request. Each must end the run with a clear alert, Generate usable again, no file offered, no
 * run files left in browser storage (OPFS), every worker of the run gone, and a retry whose zip equals the CLI's
 * --zip byte for byte. The quota running out mid-run (OPFS) is e2e/opfs.spec.ts's "a quota that runs out mid-run".
 */
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { faultTally } from '../src/testing/fault-tally';
import { cliZip, sha256 } from './cli-run';
import { fixedWindow } from './window';

const tally = faultTally('browser faults: generator Web Worker throws, crashes or stops');

/**
 * The small preset with 300,000 slot events: three row groups over two generators, so whichever is faster, one of
 * them gets a second request (the faults strike there).
 */
const SLOTS = 300_000;
const RUN_SCRIPT = /run\.worker-[^/]*\.js$/;

/**
 * Arms the fault in the run's generator workers: `?cds_fault=<spec>` on the generator script's URL (the test hook of
 * src/workers/fault-hook.ts). Routes do not reach a worker's own requests (the generator workers are started by the
 * run worker), so the run worker's script is served with a `Worker` that adds the parameter to that URL.
 */
async function armFault(context: BrowserContext, spec: string): Promise<void> {
  const prelude = `{
    const Original = globalThis.Worker;
    globalThis.Worker = class extends Original {
      constructor(url, options) {
        const armed = new URL(String(url), location.href);
        if (armed.pathname.includes('generator.worker')) armed.searchParams.set('cds_fault', ${JSON.stringify(spec)});
        super(armed, options);
      }
    };
  }\n`;
  await context.route(RUN_SCRIPT, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: prelude + (await response.text()) });
  });
}

/** The run folders in OPFS with their file names, as the page sees them. */
function storedRuns(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const runs = await root.getDirectoryHandle('casino-data-studio').catch(() => null);
    const names: string[] = [];
    if (runs) for await (const name of (runs as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names;
  });
}

/** The armed generator workers, and the run workers (the run's, and the volume checker's). */
const generatorWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('cds_fault='));
const runWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('run.worker'));

/**
 * A worker going away takes as long as the browser takes to tear it down, seconds on a loaded machine: the test
 * waits for its `close` event, and this bound is only there so that a worker that never goes fails the test.
 */
const GONE_TIMEOUT_MS = 60_000;

/** Resolves when `worker` has closed (at once if it already has). */
function closed(page: Page, worker: Worker): Promise<Worker> {
  return new Promise((resolve) => {
    worker.once('close', () => resolve(worker));
    if (!page.workers().includes(worker)) resolve(worker);
  });
}

/** `pending`, or a failure naming `what` after GONE_TIMEOUT_MS. */
async function within<T>(pending: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${GONE_TIMEOUT_MS / 1000} s`)), GONE_TIMEOUT_MS)));
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const cases: [fault: string, sink: 'memory' | 'opfs', reason: string][] = [
  ['throw:slots:2', 'memory', 'injected fault (CDS_FAULT throw:slots:2)'],
  ['crash:slots:2', 'opfs', 'it crashed: Uncaught Error: injected fault (CDS_FAULT crash:slots:2)'],
  ['exit:slots:2', 'opfs', 'it stopped unexpectedly'],
];

for (const [fault, sink, reason] of cases) {
  test(`a generator worker that fails mid-run (${fault}, files in ${sink}): a clear alert, nothing kept, the workers gone, and a retry equal to the CLI --zip`, async ({ page, context }, info) => tally.run(`${fault} (${sink})`, async () => {
    await armFault(context, fault);
    await page.goto('/');
    await fixedWindow(page);
    await page.getByLabel('Slot events rows').fill(String(SLOTS));
    await page.getByLabel('Web Workers').selectOption('3');
    await page.getByLabel('Storage').selectOption(sink);
    await page.getByRole('button', { name: 'Generate' }).click();
    // In OPFS the run has its folder before the fault: "nothing left" below is about a folder that existed.
    if (sink === 'opfs') await expect.poll(async () => (await storedRuns(page)).length, { timeout: 60_000, intervals: [20] }).toBe(1);
    // Two generators at work: the workers of the run are visible to the test, so "gone" below means something.
    await expect.poll(() => generatorWorkers(page).length, { timeout: 60_000 }).toBe(2);
    // Their `close` events are listened for from now on, so none is missed however early it comes.
    const generatorsGone = Promise.all(generatorWorkers(page).map((w) => closed(page, w)));
    const runWorkersBefore = runWorkers(page);
    const firstRunWorkerGone = Promise.race(runWorkersBefore.map((w) => closed(page, w)));

    const failure = page.getByRole('alert').filter({ hasText: 'generator worker failed' });
    await expect(failure).toHaveText(`A generator worker failed while generating slots: ${reason}Retry`, { timeout: 60_000 });
    await page.screenshot({ path: info.outputPath('fault.png'), fullPage: true });
    await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Download all (.zip)' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^(bronze_.*|manifest\.json)$/ })).toHaveCount(0);
    // The other generator, and the run worker that held them, are terminated; nothing of the run stays stored.
    await within(generatorsGone, 'the generator workers closed');
    const runWorkerGone = await within(firstRunWorkerGone, "the run's worker closed");
    // Only the run's own worker goes: every other one there before (the volume checker's) stays. The checker may also
    // have started after that snapshot (its first check waits for the form to settle), so later workers are not counted.
    const stayed = runWorkers(page);
    expect(stayed).not.toContain(runWorkerGone);
    for (const worker of runWorkersBefore.filter((w) => w !== runWorkerGone)) expect(stayed).toContain(worker);
    expect(await storedRuns(page)).toEqual([]);
    const overall = page.getByRole('progressbar', { name: 'Overall progress' });
    const frozen = await overall.getAttribute('aria-valuenow');
    await page.waitForTimeout(1_000);
    await expect(overall).toHaveAttribute('aria-valuenow', frozen!);

    await context.unroute(RUN_SCRIPT);
    await failure.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('status')).toContainText(`Done: ${(SLOTS + 18_700 - 10_000).toLocaleString('en-US')} rows`, { timeout: 150_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all (.zip)' }).click()]);
    const path = info.outputPath('retry.zip');
    await download.saveAs(path);
    expect(sha256(readFileSync(path))).toBe(sha256(cliZip(['--slots', String(SLOTS)]).bytes));
  }));
}
