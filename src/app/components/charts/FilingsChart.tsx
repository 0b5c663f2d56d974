/** Compliance filings (SPEC 9) per ISO week of their filing_timestamp, stacked by type. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeekFilings } from '../../../export/chart-data';
import { COLORS, niceTicks, whole } from './chart-format';
import { ChartFigure } from './ChartFigure';
import { CHART_TITLES } from './chart-titles';

export function FilingsChart({ data }: { data: WeekFilings[] }) {
  const rows = data.map((w) => ({ ...w, label: `${w.week.slice(5)} · ${w.monday.slice(5)}` }));
  const total = data.reduce((n, w) => n + w.CTR + w.SAR + w.W2G, 0);
  const ticks = niceTicks(Math.max(...rows.map((r) => r.CTR + r.SAR + r.W2G)));
  return (
    <ChartFigure
      testId="chart-filings"
      title={CHART_TITLES.filingsByWeek}
      caption={<>{whole(total)} filings by the ISO week (Monday's date shown) of filing_timestamp, the instant the record was created (UTC); the filing_date of a CTR or SAR can be later.</>}
    >
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 12 }}>
          <CartesianGrid stroke="#e8ecf1" vertical={false} />
          <XAxis dataKey="label" interval={0} label={{ value: 'ISO week of filing_timestamp · Monday (MM-DD)', position: 'insideBottom', offset: -14 }} />
          <YAxis tickFormatter={(n: number) => whole(n)} width={56} ticks={ticks} domain={[0, ticks[ticks.length - 1]]}
            label={{ value: 'Filings', angle: -90, position: 'insideLeft', offset: 0, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v) => whole(Number(v))} labelFormatter={(_, payload) => {
            const w = payload?.[0]?.payload as (typeof rows)[number] | undefined;
            return w ? `${w.week} (week of ${w.monday})` : '';
          }} />
          <Legend verticalAlign="top" height={32} itemSorter={null} />
          <Bar dataKey="CTR" name="CTR" stackId="filings" fill={COLORS.blue} isAnimationActive={false} />
          <Bar dataKey="SAR" name="SAR" stackId="filings" fill={COLORS.orange} isAnimationActive={false} />
          <Bar dataKey="W2G" name="W-2G" stackId="filings" fill={COLORS.green} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
