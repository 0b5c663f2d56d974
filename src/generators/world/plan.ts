/**
 * The plan (SPEC 3.10): the compliance filings and the activity that backs them, decided before any
 * row is written, from the world stream (`world`, `plan`, 0). Draw order: the CTR visits (one
 * weighted sample), then each CTR day (structuring runs first), then the other SARs category by
 * category, then the W-2Gs game by game. The slot and financial generators put the planned rows in
 * place; the compliance table reads the filings back.
 */
import { Method, Txn } from '../data/financial';
import { apportion, openStream, weightedSampleWithoutReplacement, type Rng } from '../rng';
import { SAR_CATEGORIES, SAR_CATEGORY_WEIGHTS, type SarCategory } from '../rules/sar-narrative';
import type { FilingStatus } from '../rules/filing-status';
import { W2G_GAME_TYPES, type Jurisdiction, type W2gGameType } from '../scenario/jurisdictions';
import type { Scenario } from '../scenario/types';
import { gamingDayStart, type TimeAxis } from '../time/intensity';
import { dayOf } from '../time/units';
import type { VisitCalendar } from './calendar';
import type { SlotFloor } from './floor';
import type { PlannedSlotRows } from './pairs';
import type { GameTable } from './pits';
import type { Population } from './population';
import { drawCtrDay, drawOtherSar, drawStructuringRun } from './plan-cash';
import { drawW2g, SlotCapacity } from './plan-w2g';
import { byVisit, filingColumns, txnColumns, type PlannedFilings, type PlannedTxns, type VisitTxns } from './plan-columns';

export const FILING_MIX = [0.4, 0.15, 0.45];
export const W2G_GAME_WEIGHTS = [0.7, 0.12, 0.05, 0.04, 0.04, 0.05];
/** CTR visits are weighted by tier: Bronze 1 … Diamond 16 (3.10). */
const CTR_TIER_WEIGHTS = [1, 2, 4, 8, 16];
/** Planned rows one visit may hold: visits never exceed 30 rows (7.3). */
export const VISIT_ROW_CAP = 30;

export type FilingType = 'CTR' | 'SAR' | 'W2G';

/** A planned cage transaction (SPEC 7.4), as the plan is drawn. */
export interface PlannedTxn {
  readonly visit: number;
  readonly t: number;
  readonly type: Txn;
  readonly method: Method;
  readonly amountCents: number;
  /** The SAR it is cited by or the W-2G it pays; −1 for a CTR day's rows (CTRs cite by aggregation). */
  readonly filing: number;
  /** A pinned cashier (Employee Involvement) and cage location index (structuring runs), or −1. */
  readonly cashier: number;
  readonly cage: number;
}

/** A planned filing as the plan is drawn; the compliance table completes it from the rows (CTR totals and sources). */
export interface PlannedFiling {
  readonly type: FilingType;
  readonly visit: number;
  readonly player: number;
  /** transaction_date (gaming day number). */
  readonly day: number;
  readonly category: SarCategory | null;
  readonly game: W2gGameType | null;
  /** Planned rows it cites: a SAR's transactions, a W-2G's payout; a CTR's planned rows. */
  readonly txns: number[];
  /** W-2G: the machine (Slots, Video Poker) and table (Table Games) index, or −1. */
  readonly machine: number;
  readonly table: number;
  readonly wagerCents: number;
  readonly jackpotCents: number;
  /** SAR and W-2G: filing_timestamp; CTR: the delay after the trigger instant (9.2). */
  readonly filingT: number;
  readonly filingDay: number;
  readonly dueDay: number;
  readonly status: FilingStatus;
  /** review_notes for Rejected and Amended (Pending Review notes need the CTR's final timestamp). */
  readonly note: string | null;
  readonly officer: number;
}

/** The W-2G slot jackpots, sorted by instant: planned rows of the slot table (4.3). */
export interface SlotJackpots {
  readonly instants: Float64Array;
  readonly machines: Int16Array;
  readonly players: Int32Array;
  readonly betCents: Float64Array;
  readonly amountCents: Float64Array;
  /** The W-2G filing of each. */
  readonly filings: Int32Array;
}

/** What the volumes must be to back the plan (3.10 feasibility). */
export interface PlanNeeds {
  readonly minFinancialRows: number;
  readonly minSlotRows: number;
  /** Visits the filings needed but the calendar could not give; 0 when the plan is complete. */
  readonly missingVisits: number;
  /** The slot table cannot hold the planned jackpots (a chunk would be over half planned rows). */
  readonly slotOverflow: boolean;
  readonly placedVisits: number;
}

export interface Plan {
  readonly counts: { readonly ctr: number; readonly sar: number; readonly w2g: number };
  readonly filings: PlannedFilings;
  readonly txns: PlannedTxns;
  readonly visitTxns: VisitTxns;
  /** CTR filing index by visit (the planned CTR days). */
  readonly ctrVisits: ReadonlyMap<number, number>;
  /** Visits of non-structuring SARs (the CTR limit applies to them, 7.4). */
  readonly sarVisits: ReadonlySet<number>;
  /** Unusual Transaction Pattern visits: no rating that day; Chip Walking visits: no chip redemption. */
  readonly noRating: ReadonlySet<number>;
  readonly noRedemption: ReadonlySet<number>;
  readonly slotJackpots: SlotJackpots;
  readonly needs: PlanNeeds;
}

/** What the plan draws on. */
export interface PlanContext {
  readonly scenario: Scenario;
  readonly jurisdiction: Jurisdiction;
  readonly axis: TimeAxis;
  readonly calendar: VisitCalendar;
  readonly population: Population;
  readonly floor: SlotFloor;
  readonly tables: readonly GameTable[];
  readonly slotPairs: PlannedSlotRows;
  readonly complianceOfficers: readonly number[];
  readonly cashiers: readonly number[];
}

/** The mutable state of a plan being drawn, shared by plan-cash.ts and plan-w2g.ts. */
export class PlanDraft {
  readonly filings: PlannedFiling[] = [];
  readonly txns: PlannedTxn[] = [];
  readonly ctrVisits = new Map<number, number>();
  readonly sarVisits = new Set<number>();
  readonly noRating = new Set<number>();
  readonly noRedemption = new Set<number>();
  readonly jackpots: { t: number; machine: number; player: number; bet: number; amount: number; filing: number }[] = [];
  /** Gaming day of each visit (day-major calendar order). */
  readonly visitDay: Int32Array;
  /** Planned transactions of each visit so far (the plan groups them by visit once drawn: plan-columns.ts). */
  private readonly txnsOfVisit: Int32Array;
  readonly dAsOf: number;
  missingVisits = 0;
  placedVisits = 0;
  /** A slot chunk could not hold its planned jackpots: the slot table is too small. */
  slotOverflow = false;

  constructor(readonly ctx: PlanContext, readonly rng: Rng) {
    const cal = ctx.calendar;
    this.visitDay = new Int32Array(cal.visitors.length);
    for (let j = 0; j < cal.days; j++) this.visitDay.fill(cal.firstDay + j, cal.dayStart[j], cal.dayStart[j + 1]);
    this.txnsOfVisit = new Int32Array(cal.visitors.length);
    this.dAsOf = dayOf(ctx.scenario.as_of - 1);
  }

  get visitCount(): number {
    return this.visitDay.length;
  }

  player(visit: number): number {
    return this.ctx.calendar.visitors[visit];
  }

  /** The visit's span: [max(start, 06:00 of d), min(end, 06:00 of d + 1)) (3.8). */
  span(visit: number): [number, number] {
    const d = this.visitDay[visit];
    const { start, end } = this.ctx.scenario;
    return [Math.max(start, gamingDayStart(d)), Math.min(end, gamingDayStart(d + 1))];
  }

  /** The visit of (player, day), or −1 when the player does not visit that day. */
  visitOf(player: number, day: number): number {
    return visitOfPlayer(this.ctx.calendar, player, day);
  }

  plannedRows(visit: number): number {
    return this.txnsOfVisit[visit];
  }

  addTxn(txn: PlannedTxn): number {
    this.txnsOfVisit[txn.visit]++;
    return this.txns.push(txn) - 1;
  }

  addFiling(filing: PlannedFiling): number {
    this.filings.push(filing);
    return this.filings.length - 1;
  }

  officer(): number {
    const officers = this.ctx.complianceOfficers;
    return officers[this.rng.int(0, officers.length - 1)];
  }
}

/** The visit of (player, day), or −1: a day's visitors are sorted by player, one visit each (3.8). */
export function visitOfPlayer(cal: VisitCalendar, player: number, day: number): number {
  const j = day - cal.firstDay;
  if (j < 0 || j >= cal.days) return -1;
  let lo = cal.dayStart[j];
  let hi = cal.dayStart[j + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const p = cal.visitors[mid];
    if (p === player) return mid;
    if (p < player) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function buildPlan(ctx: PlanContext): Plan {
  const draft = new PlanDraft(ctx, openStream(ctx.scenario.seed, 'world', 'plan', 0));
  const n = ctx.scenario.counts.compliance ?? 0;
  const [nCtr, nSar, nW2g] = apportion(n, FILING_MIX);
  if (n > 0) {
    const sarCounts = apportion(nSar, SAR_CATEGORY_WEIGHTS);
    drawCtrDays(draft, nCtr, sarCounts[0]);
    for (let c = 1; c < SAR_CATEGORIES.length; c++) {
      for (let i = 0; i < sarCounts[c]; i++) drawOtherSar(draft, SAR_CATEGORIES[c]);
    }
    const w2gCounts = apportion(nW2g, W2G_GAME_WEIGHTS);
    const capacity = new SlotCapacity(ctx.axis, ctx.slotPairs, ctx.scenario.counts.slots ?? 0);
    W2G_GAME_TYPES.forEach((game, g) => {
      for (let i = 0; i < w2gCounts[g]; i++) drawW2g(draft, game, capacity);
    });
  }
  const slotW2gs = n > 0 ? apportion(nW2g, W2G_GAME_WEIGHTS) : [0, 0];
  return {
    counts: { ctr: nCtr, sar: nSar, w2g: nW2g },
    filings: filingColumns(draft.filings),
    txns: txnColumns(draft.txns),
    visitTxns: byVisit(draft.txns, draft.visitCount),
    ctrVisits: draft.ctrVisits,
    sarVisits: draft.sarVisits,
    noRating: draft.noRating,
    noRedemption: draft.noRedemption,
    slotJackpots: sortJackpots(draft),
    needs: {
      minFinancialRows: draft.txns.length + draft.missingVisits,
      minSlotRows: 20 * (slotW2gs[0] + slotW2gs[1]),
      missingVisits: draft.missingVisits,
      slotOverflow: draft.slotOverflow,
      placedVisits: draft.placedVisits,
    },
  };
}

/** CTR days: one weighted sample of visits (tier weights); the first nStruct are structuring days (3.10). */
function drawCtrDays(draft: PlanDraft, nCtr: number, nStruct: number): void {
  const { population } = draft.ctx;
  const weights = new Float64Array(draft.visitCount);
  for (let v = 0; v < weights.length; v++) weights[v] = CTR_TIER_WEIGHTS[population.tier[draft.player(v)]];
  const available = Math.min(nCtr, weights.length);
  draft.missingVisits += nCtr - available;
  const visits = weightedSampleWithoutReplacement(draft.rng, weights, available);
  visits.forEach((visit, i) => {
    draft.placedVisits++;
    if (i < nStruct) drawStructuringRun(draft, visit);
    else drawCtrDay(draft, visit);
  });
  // A structuring SAR whose CTR day could not be drawn still needs a visit.
  draft.missingVisits += Math.max(0, nStruct - available);
}

function sortJackpots(draft: PlanDraft): SlotJackpots {
  const list = [...draft.jackpots].sort((a, b) => a.t - b.t || a.machine - b.machine || a.filing - b.filing);
  return {
    instants: Float64Array.from(list, (j) => j.t),
    machines: Int16Array.from(list, (j) => j.machine),
    players: Int32Array.from(list, (j) => j.player),
    betCents: Float64Array.from(list, (j) => j.bet),
    amountCents: Float64Array.from(list, (j) => j.amount),
    filings: Int32Array.from(list, (j) => j.filing),
  };
}
