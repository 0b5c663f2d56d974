/**
 * Charts of the generated data (issue 6), drawn from the aggregates the run worker computed on the rows it wrote: shown
 * as soon as a run is done, before any download. The charting code (recharts) loads lazily, in its own bundle, so the
 * page's first load and the form never wait for it.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useApp } from '../store';
import { CHART_TITLES } from './charts/chart-titles';

const loadChartGrid = () => import('./charts/ChartGrid');
const ChartGrid = lazy(loadChartGrid);

export function ChartsPanel() {
  const { result, status } = useApp();
  // Fetched and compiled while a run is generating (the page is idle then), not in the frame the charts appear in.
  useEffect(() => {
    if (status === 'running') void loadChartGrid();
  }, [status]);
  if (status !== 'done' || !result) return null;
  const { charts } = result;
  return (
    <section className="panel charts" id="charts" aria-label="Charts">
      <div className="actions">
        <h2>Charts</h2>
        <span className="hint">Computed on every row written, in the run worker. UTC (the property's clock, SPEC 1).</span>
      </div>
      {charts.omitted.length > 0 && (
        <ul className="chart-notes" aria-label="Charts not drawn">
          {charts.omitted.map((o) => <li key={o.chart}>Not drawn: {CHART_TITLES[o.chart]} ({o.reason}).</li>)}
        </ul>
      )}
      <Suspense fallback={<p className="chart-loading" aria-live="polite">Loading charts…</p>}>
        <ChartGrid charts={charts} />
      </Suspense>
    </section>
  );
}
