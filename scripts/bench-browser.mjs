// `npm run bench:browser [-- preset[:workers,...] ...]`: the built app in Debian's Chromium (Playwright). Per
// preset and Web Worker count: click-to-files time (from the click on Generate, once enabled: the page has checked the
// form's volumes; median of 3; 1 run for production), the longest gap between
// animation frames on the page (responsiveness), and peak memory per target over the DevTools Protocol (JS heap and
// ArrayBuffers of the page and of each worker, plus each worker's WebAssembly memory as it reports it). Then parquet-wasm
// alone encoding the same rows in one thread, and the ratio "click to files / encode only". Figures only.
import { execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { chromium } from '@playwright/test';
import { MemorySampler } from './cdp-memory.mjs';

const WINDOWS = { small: ['2026-10-01', '2026-10-08'], demo: ['2026-10-01', '2026-10-31'], legacy: ['2026-10-01', '2026-10-31'], production: ['2026-08-01', '2026-10-30'] };
const cases = (process.argv.length > 2 ? process.argv.slice(2) : ['legacy:1,2,3', 'production:2']).map((arg) => {
  const [preset, workers = '2'] = arg.split(':');
  if (!WINDOWS[preset]) throw new Error(`unknown preset ${preset}`);
  return { preset, workers: workers.split(',').map(Number), runs: preset === 'production' ? 1 : 3 };
});
const port = 4175;
const origin = `http://127.0.0.1:${port}`;

execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
execFileSync('node', ['scripts/build-cli.mjs'], { stdio: 'inherit' });
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
    if ((await fetch(origin)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});

async function runOnce(preset, workers) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${origin}/`);
  await page.getByLabel('Preset').selectOption(preset);
  await page.getByRole('radio', { name: 'Start and end' }).check();
  await page.getByLabel('Start (UTC)').fill(WINDOWS[preset][0]);
  await page.getByLabel('End (UTC, exclusive)').fill(WINDOWS[preset][1]);
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
  // As a user would: Generate once the page has checked the volumes of the form (its world is then drawn).
  const generate = page.getByRole('button', { name: 'Generate' });
  await generate.and(page.locator(':enabled')).waitFor({ timeout: 120_000 });
  const sampler = new MemorySampler(await browser.newBrowserCDPSession(), origin);
  sampler.start();
  const started = Date.now();
  await generate.click();
  await page.getByRole('status').filter({ hasText: 'Done:' }).waitFor({ timeout: 900_000 });
  const seconds = (Date.now() - started) / 1000;
  const memory = await sampler.stop();
  const maxGap = await page.evaluate(() => {
    window.__stopFrames = true;
    return window.__maxGap;
  });
  await page.close();
  return { seconds, maxGap, memory };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes) => (bytes / 1_048_576).toFixed(0);
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  /* not a checkout */
}
console.log('# Casino Data Studio browser benchmark');
console.log(`Chromium ${browser.version()} | ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length} | commit ${commit}`);
console.log('');
console.log('| preset | Web Workers | runs | click to files, s | longest frame gap, ms | peak JS heap + buffers + wasm, all targets, MiB | encode only, s | ratio |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
const details = [];
for (const { preset, workers, runs } of cases) {
  const encode = JSON.parse(execFileSync(process.execPath, ['dist-cli/bench-encode.mjs', preset, ...WINDOWS[preset]], { encoding: 'utf8' }));
  const encodeSeconds = encode.encodeMs / 1000;
  for (const count of workers) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await runOnce(preset, count));
    const seconds = median(results.map((r) => r.seconds));
    const run = results.find((r) => r.seconds === seconds);
    const total = run.memory.reduce((n, t) => n + t.heap + t.wasm, 0);
    console.log(`| ${preset} | ${count} | ${runs} | ${seconds.toFixed(2)} | ${Math.round(median(results.map((r) => r.maxGap)))} | ${mib(total)} | ${encodeSeconds.toFixed(2)} | ${(seconds / encodeSeconds).toFixed(2)} |`);
    details.push(`${preset}, ${count} worker${count > 1 ? 's' : ''}: ${run.memory.map((t) => `${t.label} heap and buffers ${mib(t.heap)} MiB${t.wasm ? ` + wasm ${mib(t.wasm)} MiB` : ''}`).join('; ')}`);
  }
}
console.log('');
console.log('Peak memory per target (median run), the sum of which is in the table:');
for (const line of details) console.log(`- ${line}`);
await browser.close();
stop();
