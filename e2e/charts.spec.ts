/**
 * Issue 6 in the built app: after a run of the small preset, the six charts are drawn from the run's rows before any
 * download, each with visible marks; the charting code is loaded only then (its own bundle). Each chart's screenshot
 * and the whole page's go to test-results/e2e/ for review (the reviewed ones are kept in docs/charts/).
 */
import { expect, test, type Locator } from '@playwright/test';
import { fixedWindow } from './window';

const MACHINE_TYPES = ['Video Slots', 'Mechanical Reels', 'Video Poker', 'Progressive'];

/** How many of the elements matching `selector` inside a chart are drawn with a non-zero width and height. */
async function drawnMarks(chart: Locator, selector: string): Promise<number> {
  return chart.locator(selector).evaluateAll((elements) =>
    elements.filter((e) => {
      const box = (e as SVGGraphicsElement).getBBox();
      return box.width > 0 && box.height > 0;
    }).length);
}

const ticks = (chart: Locator, axis: 'xAxis' | 'yAxis') => chart.locator(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`).allTextContents();

const BARS = '.recharts-bar-rectangle path';
const LINES = 'path.recharts-line-curve';

test('small preset: the six charts are drawn from the run before any download, with non-empty marks', async ({ page }, info) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('/');
  await fixedWindow(page);
  await page.getByLabel('Seed').fill('42');
  await expect(page.getByRole('region', { name: 'Charts' })).toHaveCount(0);
  const beforeRun = scripts.length;
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Done: 18,700 rows', { timeout: 120_000 });

  const panel = page.getByRole('region', { name: 'Charts' });
  // The run's status links to the charts, which sit below the fold on a laptop screen.
  await page.getByRole('link', { name: 'See the charts' }).click();
  await expect(panel).toBeInViewport();
  const figure = (testId: string, name: string) => {
    const chart = panel.getByTestId(testId);
    return { chart, named: panel.getByRole('figure', { name }) };
  };

  const intensity = figure('chart-slot-intensity', 'Slot events by hour of day and weekday');
  await expect(intensity.named).toBeVisible();
  await expect.poll(() => drawnMarks(intensity.chart, LINES)).toBe(7);
  expect(await ticks(intensity.chart, 'xAxis')).toEqual(['00:00', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00']);
  await expect(intensity.chart).toContainText('Hour of day (UTC)');
  await expect(intensity.chart).toContainText('Slot events per hour');

  const hold = figure('chart-hold', 'Hold % by machine type');
  await expect(hold.named).toBeVisible();
  expect(await drawnMarks(hold.chart, BARS)).toBe(2 * MACHINE_TYPES.length);
  expect(await ticks(hold.chart, 'xAxis')).toEqual(MACHINE_TYPES);
  await expect(hold.chart.locator('.recharts-legend-wrapper')).toContainText('Actual hold');
  await expect(hold.chart.locator('.recharts-legend-wrapper')).toContainText('Theoretical hold');

  const coinIn = figure('chart-coin-in', 'Coin-in by denomination');
  await expect(coinIn.named).toBeVisible();
  expect(await ticks(coinIn.chart, 'xAxis')).toEqual(['$0.01', '$0.05', '$0.25', '$1', '$5', '$25', '$100']);
  expect(await drawnMarks(coinIn.chart, BARS)).toBe(7);

  const tiers = figure('chart-tiers', 'Loyalty tier mix');
  await expect(tiers.named).toBeVisible();
  expect(await ticks(tiers.chart, 'yAxis')).toEqual(['Bronze', 'Silver', 'Gold', 'Platinum', 'Diamond']);
  expect(await drawnMarks(tiers.chart, BARS)).toBe(5);
  await expect(tiers.chart).toContainText('400 (40.0%)');

  const cashIn = figure('chart-cash-in', 'Cash-in distribution');
  await expect(cashIn.named).toBeVisible();
  expect(await drawnMarks(cashIn.chart, BARS)).toBeGreaterThan(8);
  // The threshold: one vertical reference line across the plot, labelled beside it.
  const line = cashIn.chart.locator('.recharts-reference-line line');
  await expect(line).toHaveCount(1);
  const geometry = await line.evaluate((l) => ({ x1: Number(l.getAttribute('x1')), x2: Number(l.getAttribute('x2')), height: (l as SVGLineElement).getBBox().height }));
  expect(geometry.x1).toBe(geometry.x2);
  expect(geometry.height).toBeGreaterThan(100);
  const label = cashIn.chart.locator('text.recharts-label', { hasText: 'CTR threshold $10,000' });
  await expect(label).toHaveCount(1);
  expect(Math.abs(Number(await label.getAttribute('x')) - geometry.x1)).toBeLessThan(10);

  const filings = figure('chart-filings', 'Compliance filings by type and week');
  await expect(filings.named).toBeVisible();
  expect(await drawnMarks(filings.chart, BARS)).toBeGreaterThanOrEqual(3);
  await expect(filings.chart.locator('.recharts-legend-wrapper')).toContainText('W-2G');
  await expect(filings.chart).toContainText('200 filings');

  await expect(panel.locator('.chart-notes')).toHaveCount(0);
  // The charting code came after the click, in its own script (not in the page's first load).
  expect(scripts.slice(0, beforeRun).some((u) => /ChartGrid/.test(u))).toBe(false);
  expect(scripts.slice(beforeRun).some((u) => /ChartGrid/.test(u))).toBe(true);

  for (const [name, { chart }] of Object.entries({ 'slot-intensity': intensity, hold, 'coin-in': coinIn, tiers, 'cash-in': cashIn, filings })) {
    await chart.screenshot({ path: info.outputPath(`chart-${name}.png`) });
  }
  await panel.screenshot({ path: info.outputPath('charts-panel.png') });
  await page.screenshot({ path: info.outputPath('charts-page.png'), fullPage: true });
});

test('a scenario without the player and compliance tables omits their charts with a note', async ({ page }) => {
  await page.goto('/');
  await fixedWindow(page);
  for (const table of ['Players', 'Compliance filings']) await page.getByRole('checkbox', { name: table, exact: true }).uncheck();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toContainText('Done', { timeout: 120_000 });
  const panel = page.getByRole('region', { name: 'Charts' });
  await expect(panel.getByTestId('chart-hold')).toBeVisible();
  await expect(panel.getByTestId('chart-tiers')).toHaveCount(0);
  await expect(panel.getByTestId('chart-filings')).toHaveCount(0);
  await expect(panel.getByRole('list', { name: 'Charts not drawn' })).toContainText('Not drawn: Loyalty tier mix (bronze_player_profile was not generated).');
  await expect(panel.getByRole('list', { name: 'Charts not drawn' })).toContainText('Not drawn: Compliance filings by type and week (bronze_compliance was not generated).');
});
