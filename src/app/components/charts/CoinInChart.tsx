/** Coin-in wagered per machine denomination (SPEC 3.6): the bets of GAME_PLAY and JACKPOT rows. */
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DenominationCoinIn } from '../../../export/chart-data';
import { COLORS, compactDollars, dollars, niceTicks } from './chart-format';
import { ChartFigure } from './ChartFigure';
import { CHART_TITLES } from './chart-titles';

const denomination = (d: number) => (d < 1 ? `$${d.toFixed(2)}` : `$${d}`);

export function CoinInChart({ data }: { data: DenominationCoinIn[] }) {
  const rows = data.map((d) => ({ ...d, label: denomination(d.denomination) }));
  const ticks = niceTicks(Math.max(...rows.map((r) => r.coinIn)) * 1.08);
  return (
    <ChartFigure
      testId="chart-coin-in"
      title={CHART_TITLES.coinInByDenomination}
      caption={<>Sum of coin_in on GAME_PLAY and JACKPOT rows (the bets placed); meter snapshots and bill-ins are not wagers and are left out.</>}
    >
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={rows} margin={{ top: 20, right: 16, bottom: 24, left: 12 }}>
          <CartesianGrid stroke="#e8ecf1" vertical={false} />
          <XAxis dataKey="label" interval={0} label={{ value: 'Machine denomination', position: 'insideBottom', offset: -14 }} />
          <YAxis tickFormatter={(n: number) => compactDollars(n)} width={64} ticks={ticks} domain={[0, ticks[ticks.length - 1]]}
            label={{ value: 'Coin-in (USD)', angle: -90, position: 'insideLeft', offset: 0, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v) => dollars(Number(v))} />
          <Bar dataKey="coinIn" name="Coin-in" fill={COLORS.green} isAnimationActive={false}>
            <LabelList dataKey="coinIn" position="top" formatter={(v) => compactDollars(Number(v))} fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
