/** The charts of one run, in a grid; loaded lazily with recharts (its own bundle). A chart without data is not drawn. */
import type { ChartData } from '../../../export/chart-data';
import { CashInChart } from './CashInChart';
import { CoinInChart } from './CoinInChart';
import { FilingsChart } from './FilingsChart';
import { HoldChart } from './HoldChart';
import { SlotIntensityChart } from './SlotIntensityChart';
import { TierChart } from './TierChart';

export default function ChartGrid({ charts }: { charts: ChartData }) {
  return (
    <div className="chart-grid">
      {charts.slotIntensity && <SlotIntensityChart data={charts.slotIntensity} />}
      {charts.holdByMachineType && <HoldChart data={charts.holdByMachineType} />}
      {charts.coinInByDenomination && <CoinInChart data={charts.coinInByDenomination} />}
      {charts.loyaltyTiers && <TierChart data={charts.loyaltyTiers} />}
      {charts.cashIn && <CashInChart data={charts.cashIn} />}
      {charts.filingsByWeek && <FilingsChart data={charts.filingsByWeek} />}
    </div>
  );
}
