// `npm run bench:browser`: the built app in Debian's Chromium (Playwright), click-to-done time of a preset
// with 1, 2 and 3 Web Workers (median of 3), and the longest gap between animation frames on the page while
// it runs (responsiveness). Figures only: never fails on timing.
import { execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { chromium } from '@playwright/test';

const preset = process.argv[2] ?? 'demo';
const runs = Number(process.argv[3] ?? 3);
const port = 4175;
const url = `http://127.0.0.1:${port}/`;

execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
const stop = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stop);
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});

async function runOnce(workers) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.getByLabel('Preset').selectOption(preset);
  await page.getByRole('radio', { name: 'Start and end' }).check();
  await page.getByLabel('Start (UTC)').fill('2026-10-01');
  await page.getByLabel('End (UTC, exclusive)').fill(preset === 'production' ? '2026-12-30' : preset === 'small' ? '2026-10-08' : '2026-10-31');
  await page.getByLabel('Web Workers').selectOption(String(workers));
  await page.evaluate(() => {
    const w = window;
    w.__maxGap = 0;
    let last = performance.now();
    const tick = (now) => {
      w.__maxGap = Math.max(w.__maxGap, now - last);
      last = now;
      if (!w.__stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('status').filter({ hasText: 'Done:' }).waitFor({ timeout: 600_000 });
  const seconds = (Date.now() - started) / 1000;
  const maxGap = await page.evaluate(() => {
    window.__stopFrames = true;
    return window.__maxGap;
  });
  await page.close();
  return { seconds, maxGap };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  /* not a checkout */
}
console.log(`# Casino Data Studio browser benchmark: ${preset} preset`);
console.log(`Chromium ${browser.version()} | ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length} | commit ${commit} | median of ${runs}`);
console.log('');
console.log('| Web Workers | click to files, s | longest frame gap, ms |');
console.log('|---:|---:|---:|');
for (const workers of [1, 2, 3]) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(workers));
  console.log(`| ${workers} | ${median(results.map((r) => r.seconds)).toFixed(2)} | ${Math.round(median(results.map((r) => r.maxGap)))} |`);
}
await browser.close();
stop();
