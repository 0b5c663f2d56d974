/** SPEC 3.1's intensity curve as generated: average slot events per hour of day, one line per UTC weekday. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SlotIntensity } from '../../../export/chart-data';
import { COLORS, whole } from './chart-format';
import { ChartFigure } from './ChartFigure';
import { CHART_TITLES } from './chart-titles';

// Mon–Thu in thin cool lines, Fri–Sun (the SPEC's busy days) in thick warm ones: the weekend lift stands out.
const STYLE = [
  { color: COLORS.sky, width: 1.5 }, { color: COLORS.blue, width: 1.5 }, { color: COLORS.green, width: 1.5 },
  { color: COLORS.grey, width: 1.5 }, { color: COLORS.orange, width: 2.75 }, { color: COLORS.purple, width: 2.75 },
  { color: COLORS.yellow, width: 2.75 },
];

export function SlotIntensityChart({ data }: { data: SlotIntensity }) {
  const rows = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    ...Object.fromEntries(data.weekdays.map((day, w) => [day, data.windowHours[w][hour] > 0 ? data.eventsPerHour[w][hour] : null])),
  }));
  const days = data.weekdays.filter((_, w) => data.windowHours[w].some((h) => h > 0));
  return (
    <ChartFigure
      testId="chart-slot-intensity"
      title={CHART_TITLES.slotIntensity}
      caption={<>Average slot events in each hour of the window ({whole(data.total)} events), by UTC weekday. SPEC 3.1 expects an evening peak (20:00–01:00), a trough at 05:00–08:00, and Friday and Saturday busiest.</>}
    >
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 12 }}>
          <CartesianGrid stroke="#e8ecf1" vertical={false} />
          <XAxis dataKey="hour" ticks={[0, 3, 6, 9, 12, 15, 18, 21]} tickFormatter={(h: number) => `${String(h).padStart(2, '0')}:00`}
            label={{ value: 'Hour of day (UTC)', position: 'insideBottom', offset: -14 }} />
          <YAxis tickFormatter={(n: number) => whole(n)} width={56}
            label={{ value: 'Slot events per hour', angle: -90, position: 'insideLeft', offset: 0, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v) => whole(Number(v))} labelFormatter={(h) => `${String(h).padStart(2, '0')}:00–${String(h).padStart(2, '0')}:59 UTC`} />
          <Legend verticalAlign="top" height={32} itemSorter={null} />
          {days.map((day) => {
            const s = STYLE[data.weekdays.indexOf(day)];
            return <Line key={day} type="monotone" dataKey={day} stroke={s.color} strokeWidth={s.width} dot={false} isAnimationActive={false} />;
          })}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
