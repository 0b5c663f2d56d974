/** Players per loyalty tier (SPEC 3.8 weights .40 .30 .18 .09 .03), with each tier's share. */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TierCount } from '../../../export/chart-data';
import { percent, whole } from './chart-format';
import { ChartFigure } from './ChartFigure';
import { CHART_TITLES } from './chart-titles';

const TIER_COLORS: Record<string, string> = { Bronze: '#a0652c', Silver: '#7b8794', Gold: '#b38600', Platinum: '#4f6d8a', Diamond: '#3d9fd6' };

export function TierChart({ data }: { data: TierCount[] }) {
  const rows = data.map((d) => ({ ...d, label: `${whole(d.players)} (${percent(d.share, 1)})` }));
  return (
    <ChartFigure
      testId="chart-tiers"
      title={CHART_TITLES.loyaltyTiers}
      caption={<>Members of the player profile table by loyalty_tier ({whole(data.reduce((n, d) => n + d.players, 0))} players). SPEC 3.8 apportions .40 / .30 / .18 / .09 / .03.</>}
    >
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 112, bottom: 24, left: 12 }}>
          <CartesianGrid stroke="#e8ecf1" horizontal={false} />
          <XAxis type="number" tickFormatter={(n: number) => whole(n)} label={{ value: 'Players', position: 'insideBottom', offset: -14 }} />
          <YAxis type="category" dataKey="tier" width={72} />
          <Tooltip formatter={(v) => whole(Number(v))} />
          <Bar dataKey="players" name="Players" isAnimationActive={false}>
            {rows.map((r) => <Cell key={r.tier} fill={TIER_COLORS[r.tier] ?? '#5b6675'} />)}
            <LabelList dataKey="label" position="right" fontSize={11} fill="#1b2430" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
