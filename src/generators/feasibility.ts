/**
 * Feasibility of a scenario's volumes (SPEC 3.10, error E_VOLUME of 15): the drawn plan names the
 * financial and slot rows its filings need, and the visit calendar the players it needs.
 */
import { formatCount } from './scenario/messages';
import type { World } from './world';
import { DEFAULT_POPULATION } from './world';
import { VISIT_ROW_CAP } from './world/plan';

const MAX_PLAYERS = 10_000_000;

/** The E_VOLUME message, or null when the volumes can back the plan and the financial rows. */
export function volumeError(world: World): string | null {
  const { counts } = world.scenario;
  const { needs, counts: filings } = world.plan;
  const n = counts.compliance ?? 0;
  const parts: string[] = [];
  const requested = (value: number | null) => (value === null ? 'not requested' : `requested ${formatCount(value)}`);
  if (n > 0 && (counts.financial === null || counts.financial < needs.minFinancialRows)) {
    parts.push(`bronze_financial_txn ≥ ${formatCount(needs.minFinancialRows)} rows (${requested(counts.financial)})`);
  }
  if (needs.minSlotRows > 0 && (counts.slots === null || counts.slots < needs.minSlotRows || needs.slotOverflow)) {
    const min = needs.slotOverflow ? Math.max(needs.minSlotRows, 2 * (counts.slots ?? 0)) : needs.minSlotRows;
    parts.push(`bronze_slot_telemetry ≥ ${formatCount(min)} rows (${requested(counts.slots)})`);
  }
  const players = counts.players ?? DEFAULT_POPULATION;
  const ratio = Math.max(visitRatio(world), financialRatio(world));
  if (ratio > 1 && players > 0) {
    const min = Math.min(MAX_PLAYERS, Math.max(players + 100, Math.ceil((players * ratio) / 100) * 100));
    parts.push(`players ≥ ${formatCount(min)} (${requested(counts.players)})`);
  }
  if (parts.length === 0) return null;
  return `${formatCount(n)} compliance filings (${formatCount(filings.ctr)} CTR, ${formatCount(filings.sar)} SAR, ` +
    `${formatCount(filings.w2g)} W-2G) need: ${parts.join(', ')}. Lower --compliance or raise these counts.`;
}

/** Visits the filings needed over the visits they found. */
function visitRatio(world: World): number {
  const { missingVisits, placedVisits } = world.plan.needs;
  return missingVisits === 0 ? 0 : (placedVisits + missingVisits) / Math.max(1, placedVisits);
}

/** Financial rows requested over what the calendar holds (30 rows per visit). */
function financialRatio(world: World): number {
  const rows = world.scenario.counts.financial ?? 0;
  const room = VISIT_ROW_CAP * world.calendar.visitors.length;
  return rows === 0 ? 0 : rows / Math.max(room, 1);
}
