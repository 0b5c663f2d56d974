/**
 * Counted cash-in (SPEC 10.2) by amount, per transaction and per patron gaming day, on 1-2-5 log-scale bins, with the
 * jurisdiction's CTR threshold marked on the bin edge it is (more than the threshold in a gaming day needs a CTR).
 */
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CashInDistribution } from '../../../export/chart-data';
import { COLORS, compactDollars, dollars, niceTicks, whole } from './chart-format';
import { ChartFigure } from './ChartFigure';
import { CHART_TITLES } from './chart-titles';

const binLabel = (low: number, high: number | null) =>
  high === null ? `> ${compactDollars(low)}` : low === 0 ? `≤ ${compactDollars(high)}` : `${compactDollars(low)}–${compactDollars(high).slice(1)}`;

export function CashInChart({ data }: { data: CashInDistribution }) {
  const rows = data.bins.map((b) => ({ ...b, label: binLabel(b.low, b.high) }));
  const ticks = niceTicks(Math.max(...rows.flatMap((r) => [r.transactions, r.patronDays])));
  const thresholdBin = rows.find((b) => b.high === data.threshold);
  return (
    <ChartFigure
      testId="chart-cash-in"
      title={CHART_TITLES.cashIn}
      caption={<>
        Counted cash-in rows (CASH_IN, CHIP_PURCHASE, FRONT_MONEY_DEPOSIT, SAFEKEEPING_DEPOSIT, MARKER_PAYMENT paid in Cash;
        {' '}{whole(data.transactions)} transactions) and each patron's total per gaming day ({whole(data.patronDays)} patron-days),
        in bins (low, high]. More than {dollars(data.threshold).replace('.00', '')} in a gaming day requires a CTR: {whole(data.patronDaysOverThreshold)} patron-days.
      </>}
    >
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 12 }} barGap={1}>
          <CartesianGrid stroke="#e8ecf1" vertical={false} />
          <XAxis dataKey="label" interval={0} angle={-35} textAnchor="end" height={72} tick={{ fontSize: 11 }}
            label={{ value: 'Amount (USD, log-scale bins)', position: 'insideBottom', offset: 0 }} />
          <YAxis tickFormatter={(n: number) => whole(n)} width={56} ticks={ticks} domain={[0, ticks[ticks.length - 1]]}
            label={{ value: 'Count', angle: -90, position: 'insideLeft', offset: 0, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v) => whole(Number(v))} />
          <Legend verticalAlign="top" height={32} itemSorter={null} />
          <Bar dataKey="transactions" name="Transactions" fill={COLORS.blue} isAnimationActive={false} />
          <Bar dataKey="patronDays" name="Patron gaming days" fill={COLORS.yellow} isAnimationActive={false} />
          {thresholdBin && (
            <ReferenceLine x={thresholdBin.label} position="end" stroke={COLORS.orange} strokeWidth={2} strokeDasharray="6 3"
              label={{ value: `CTR threshold ${dollars(data.threshold).replace('.00', '')}`, position: 'insideTopRight', fill: COLORS.orange, fontSize: 12, fontWeight: 600 }} />
          )}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
