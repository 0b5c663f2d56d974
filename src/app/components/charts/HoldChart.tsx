/** Realised hold of slot plays per machine type next to the theoretical hold of the same plays (SPEC 3.6, 4.3). */
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MachineTypeHold } from '../../../export/chart-data';
import { COLORS, dollars, niceTicks, percent } from './chart-format';
import { ChartFigure } from './ChartFigure';
import { CHART_TITLES } from './chart-titles';

export function HoldChart({ data }: { data: MachineTypeHold[] }) {
  const rows = data.map((d) => ({ machineType: d.machineType, actual: d.actualHold * 100, theoretical: d.theoreticalHold * 100, coinIn: d.coinIn, plays: d.plays }));
  const ticks = niceTicks(Math.max(...rows.flatMap((r) => [r.actual, r.theoretical])) * 1.08);
  return (
    <ChartFigure
      testId="chart-hold"
      title={CHART_TITLES.holdByMachineType}
      caption={<>Actual hold = 1 − coin_out ÷ coin_in over GAME_PLAY rows (jackpots excluded, as in SPEC 4.3's hold control); theoretical = the machines' theoretical_hold weighted by those plays' coin-in. Hold is controlled to ±0.5 pp only for 2,000 or more plays per machine type and 65,536-row chunk; smaller samples vary widely.</>}
    >
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 12 }} barGap={2}>
          <CartesianGrid stroke="#e8ecf1" vertical={false} />
          <XAxis dataKey="machineType" interval={0} label={{ value: 'Machine type', position: 'insideBottom', offset: -14 }} />
          <YAxis tickFormatter={(n: number) => `${n.toFixed(0)}%`} width={56} ticks={ticks} domain={[0, ticks[ticks.length - 1]]}
            label={{ value: 'Hold (% of coin-in)', angle: -90, position: 'insideLeft', offset: 0, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v) => percent(Number(v) / 100)}
            labelFormatter={(label, payload) => {
              const row = payload?.[0]?.payload as (typeof rows)[number] | undefined;
              return row ? `${label}: ${row.plays.toLocaleString('en-US')} plays, ${dollars(row.coinIn)} coin-in` : String(label);
            }} />
          <Legend verticalAlign="top" height={32} itemSorter={null} />
          <Bar dataKey="actual" name="Actual hold" fill={COLORS.blue} isAnimationActive={false}>
            <LabelList dataKey="actual" position="top" formatter={(v) => percent(Number(v) / 100, 1)} fontSize={11} />
          </Bar>
          <Bar dataKey="theoretical" name="Theoretical hold" fill={COLORS.orange} isAnimationActive={false}>
            <LabelList dataKey="theoretical" position="top" formatter={(v) => percent(Number(v) / 100, 1)} fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
