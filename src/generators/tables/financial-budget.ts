/**
 * Day budgets of the financial table (SPEC 7.3): R_d = planned(d) + s_d, the s_d apportioning the
 * remaining rows by the days' intensity I_d, with R_d ≤ 30 × visitors(d); rows cut by a cap are
 * re-apportioned over the days still below theirs until none is cut.
 */
import { apportion } from '../rng';
import { gamingDayStart } from '../time/intensity';
import type { World } from '../world';
import { VISIT_ROW_CAP } from '../world/plan';

export interface DayBudgets {
  /** Rows of day index j (gaming day firstDay + j), and the first global row of each day. */
  readonly rows: Int32Array;
  readonly firstRow: Float64Array;
  /** Planned rows of each day. */
  readonly planned: Int32Array;
}

export function dayBudgets(world: World, total: number): DayBudgets {
  const cal = world.calendar;
  const days = cal.days;
  const planned = new Int32Array(days);
  for (const visit of world.plan.txns.visit) planned[dayIndexOfVisit(world, visit)]++;
  const cap = new Float64Array(days);
  const intensity = new Float64Array(days);
  let plannedTotal = 0;
  for (let j = 0; j < days; j++) {
    cap[j] = VISIT_ROW_CAP * (cal.dayStart[j + 1] - cal.dayStart[j]);
    const d = cal.firstDay + j;
    intensity[j] = world.axis.integralBetween(gamingDayStart(d), gamingDayStart(d + 1));
    plannedTotal += planned[j];
  }
  if (plannedTotal > total) throw new Error(`the plan needs ${plannedTotal} financial rows, only ${total} were requested`);
  const rows = Int32Array.from(planned);
  let pool = total - plannedTotal;
  while (pool > 0) {
    const weights = Array.from(intensity, (w, j) => (rows[j] < cap[j] ? w : 0));
    if (!weights.some((w) => w > 0)) throw new Error(`the visit calendar holds at most ${Math.round(cap.reduce((a, b) => a + b, 0))} financial rows, ${total} were requested`);
    const share = apportion(pool, weights);
    pool = 0;
    for (let j = 0; j < days; j++) {
      const room = cap[j] - rows[j];
      const take = Math.min(share[j], room);
      rows[j] += take;
      pool += share[j] - take;
    }
  }
  const firstRow = new Float64Array(days + 1);
  for (let j = 0; j < days; j++) firstRow[j + 1] = firstRow[j] + rows[j];
  return { rows, firstRow, planned };
}

/** Day index (0-based from the first gaming day) of a visit. */
function dayIndexOfVisit(world: World, visit: number): number {
  const starts = world.calendar.dayStart;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= visit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
