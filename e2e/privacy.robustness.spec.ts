/**
 * Issue 7 privacy: the built app makes no request beyond its own origin. Every request of a full run (the page,
 * its workers and their WebAssembly, generate, preview, schema, dictionary, charts, downloads) is recorded and
 * must be same-origin; the Content-Security-Policy (meta tag and preview header, also on the worker scripts)
 * allows only 'self', and a probe request to another origin is blocked by it.
 */
import { expect, test } from '@playwright/test';
import { recordTally } from '../src/testing/robustness';
import { fixedWindow } from './window';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

test('a full generate / preview / download run makes no request beyond its own origin, and the CSP blocks one that tries', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  // Context-wide: the page's requests and those of its dedicated workers (the wasm fetch comes from a worker).
  context.on('request', (request) => requests.push(request.url()));
  const workerPolicies: (string | undefined)[] = [];
  context.on('response', (response) => {
    if (/\.worker-[^/]*\.js$/.test(response.url())) workerPolicies.push(response.headers()['content-security-policy']);
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  const response = await page.goto('/');
  const policy = response!.headers()['content-security-policy'];
  expect(policy).toContain("connect-src 'self'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', policy);
  for (const directive of ['script-src', 'style-src', 'font-src', 'connect-src', 'worker-src']) {
    expect(policy, directive).toMatch(new RegExp(`${directive} 'self'( 'wasm-unsafe-eval')?(;|$)`));
  }

  await fixedWindow(page);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });
  await expect(page.getByRole('region', { name: 'Charts' }).getByRole('figure').first()).toBeVisible();
  const explore = page.getByRole('region', { name: 'Explore' });
  await expect(explore.getByRole('table').first()).toBeVisible();
  await explore.getByRole('tab', { name: 'Schema' }).click();
  for (const name of ['Data dictionary (.md)', 'Data dictionary (.csv)', 'Download all (.zip)']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    expect((await download.createReadStream()) !== null, name).toBe(true);
  }
  const [single] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'bronze_compliance.parquet' }).click()]);
  expect(single.suggestedFilename()).toBe('bronze_compliance.parquet');

  // The run's own requests: the workers and parquet-wasm's WebAssembly were fetched, and nothing else left the origin.
  expect(requests.some((url) => /\.worker-[^/]*\.js$/.test(url)), 'worker scripts seen').toBe(true);
  expect(requests.some((url) => url.endsWith('.wasm')), 'wasm fetch (from a worker) seen').toBe(true);
  const offOrigin = requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin);
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  expect(workerPolicies.length).toBeGreaterThan(0);
  for (const workerPolicy of workerPolicies) expect(workerPolicy).toBe(policy);

  // A request to another origin is refused by the policy before it is sent.
  const probe = await page.evaluate(() => fetch('https://example.com/collect', { method: 'POST', body: 'x' }).then(() => 'sent', (e: unknown) => `blocked: ${String(e)}`));
  expect(probe).toMatch(/^blocked/);
  // Reported once per policy that refuses it (the meta tag and the header are both enforced).
  await expect.poll(() => page.evaluate(() => window.cspViolations)).toContain('connect-src https://example.com/collect');
  expect(new Set(await page.evaluate(() => window.cspViolations))).toEqual(new Set(['connect-src https://example.com/collect']));
  expect(requests.filter((url) => url.startsWith('https://example.com'))).toEqual([]);

  recordTally({
    category: 'network requests off the origin (CSP)',
    tried: requests.length,
    ok: requests.length - offOrigin.length,
    failures: offOrigin.length,
    figures: `${requests.length} requests during generate, preview, charts, dictionary and downloads, ${offOrigin.length} off the origin; a probe to another origin blocked by the CSP`,
  });
  expect(offOrigin).toEqual([]);
});
