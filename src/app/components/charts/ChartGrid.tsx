/** The charts of one run, in a grid; loaded lazily with recharts (its own bundle). A chart without data is not drawn. */
import { useEffect, useState } from 'react';
import type { ChartData } from '../../../export/chart-data';
import { CashInChart } from './CashInChart';
import { CoinInChart } from './CoinInChart';
import { FilingsChart } from './FilingsChart';
import { HoldChart } from './HoldChart';
import { SlotIntensityChart } from './SlotIntensityChart';
import { TierChart } from './TierChart';

/** Mounts one more chart per animation frame, so drawing six SVG charts never holds the page for one long frame. */
function useOneMorePerFrame(total: number): number {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= total) return;
    const frame = requestAnimationFrame(() => setShown((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  }, [shown, total]);
  return shown;
}

export default function ChartGrid({ charts }: { charts: ChartData }) {
  const drawn = [
    charts.slotIntensity && <SlotIntensityChart key="intensity" data={charts.slotIntensity} />,
    charts.holdByMachineType && <HoldChart key="hold" data={charts.holdByMachineType} />,
    charts.coinInByDenomination && <CoinInChart key="coin-in" data={charts.coinInByDenomination} />,
    charts.loyaltyTiers && <TierChart key="tiers" data={charts.loyaltyTiers} />,
    charts.cashIn && <CashInChart key="cash-in" data={charts.cashIn} />,
    charts.filingsByWeek && <FilingsChart key="filings" data={charts.filingsByWeek} />,
  ].filter(Boolean);
  const shown = useOneMorePerFrame(drawn.length);
  return <div className="chart-grid">{drawn.slice(0, shown)}</div>;
}
