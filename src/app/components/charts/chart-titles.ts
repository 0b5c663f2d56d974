/** Each chart's heading, shared by the charts and the notes on charts not drawn. */
import type { ChartKey } from '../../../export/chart-data';

export const CHART_TITLES: Readonly<Record<ChartKey, string>> = {
  slotIntensity: 'Slot events by hour of day and weekday',
  holdByMachineType: 'Hold % by machine type',
  coinInByDenomination: 'Coin-in by denomination',
  loyaltyTiers: 'Loyalty tier mix',
  cashIn: 'Cash-in distribution',
  filingsByWeek: 'Compliance filings by type and week',
};
