/**
 * Planned cage activity (SPEC 7.4, 9.3): CTR days, structuring runs and the transactions the other
 * SAR categories cite, with their filings' dates and status (10.4). Money in integer cents.
 */
import { CTR_IN_TYPES, CTR_OUT_TYPES, CTR_SIDE_TYPE_WEIGHTS, MARKER_AMOUNTS, Method, Txn, countedSide } from '../data/financial';
import { GOLD } from '../data/population';
import { WeightTable, round, uniformPick } from '../rng';
import { ctrDates, filingStatus, reviewNotes, sarDates, type FilingDates } from '../rules/filing-status';
import type { SarCategory } from '../rules/sar-narrative';
import { dayOf, HOUR_US, MINUTE_US } from '../time/units';
import { employeeId } from './ids';
import type { PlanDraft } from './plan';
import { ascending } from '../sort-order';

const sideTable = new WeightTable([0.45, 0.35, 0.2]);
const ctrTypeTable = new WeightTable(CTR_SIDE_TYPE_WEIGHTS);
/** 2, 3 or 4 rows: structuring runs and the other SAR sources (7.4). */
const runLengthTable = new WeightTable([0.5, 0.35, 0.15]);
const CTR_PART_MAX_CENTS = 5_000_000;
const CTR_LIMIT_CENTS = 1_000_000;
const SAR_WINDOW_DAYS = 7;
const PLACEMENT_TRIES = 64;
const MIN_GAP_US = 20 * MINUTE_US;

/** Sorted instants drawn from λ over the visit's span. */
function drawInstants(draft: PlanDraft, visit: number, count: number): number[] {
  const [a, b] = draft.span(visit);
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(draft.ctx.axis.drawBetween(draft.rng, a, b));
  return out.sort(ascending);
}

/** A side total split into k counted parts of whole hundreds, none above $50,000 (7.4). */
function splitTotal(draft: PlanDraft, totalHundreds: number): number[] {
  const { rng } = draft;
  const k = Math.max(Math.ceil(totalHundreds / 500), rng.int(1, 4));
  for (;;) {
    // k − 1 distinct cut points (k ≤ 4: a list beats a Set); a repeated draw is dropped.
    const points = [0];
    while (points.length < k) {
      const cut = rng.int(1, totalHundreds - 1);
      if (!points.includes(cut)) points.push(cut);
    }
    points.sort((a, b) => a - b).push(totalHundreds);
    const parts: number[] = [];
    for (let i = 1; i < points.length; i++) parts.push((points[i] - points[i - 1]) * 10_000);
    if (parts.every((c) => c <= CTR_PART_MAX_CENTS)) return parts;
  }
}

/**
 * A CTR or SAR filing: its dates, status and note (10.4), drawn in that order after the officer and
 * the filing instant (`filingT`, drawn by the caller from `dates`' own inputs). One literal, one shape.
 */
function addCashFiling(
  draft: PlanDraft, type: 'CTR' | 'SAR', visit: number, category: SarCategory | null, txns: number[],
  officer: number, filingT: number, dates: FilingDates,
): number {
  const status = filingStatus(type, dates.filingDay, draft.dAsOf, draft.rng);
  const note = status === 'Rejected' || status === 'Amended' ? reviewNotes(status, employeeId(officer), 0, draft.rng) : null;
  return draft.addFiling({
    type, visit, player: draft.player(visit), day: draft.visitDay[visit], category, game: null, txns, machine: -1, table: -1,
    wagerCents: 0, jackpotCents: 0, filingT, filingDay: dates.filingDay, dueDay: dates.dueDay, status, note, officer,
  });
}

function addCtrFiling(draft: PlanDraft, visit: number, txns: number[]): void {
  const officer = draft.officer();
  const delay = Math.floor(draft.rng.between(MINUTE_US, 2 * HOUR_US));
  const dates = ctrDates(draft.ctx.jurisdiction, draft.visitDay[visit], draft.rng);
  draft.ctrVisits.set(visit, addCashFiling(draft, 'CTR', visit, null, txns, officer, delay, dates));
}

/** A CTR day (7.4): the exceeding side(s), each a total LU(10,100, 100,000) in hundreds, split in parts. */
export function drawCtrDay(draft: PlanDraft, visit: number): void {
  const { rng } = draft;
  const side = sideTable.pick(rng);
  const rows: { type: Txn; cents: number }[] = [];
  for (const [exceeds, types] of [[side !== 1, CTR_IN_TYPES], [side !== 0, CTR_OUT_TYPES]] as const) {
    if (!exceeds) continue;
    const totalHundreds = round(rng.logUniform(10_100, 100_000) / 100);
    for (const cents of splitTotal(draft, totalHundreds)) rows.push({ type: types[ctrTypeTable.pick(rng)], cents });
  }
  const instants = drawInstants(draft, visit, rows.length);
  const txns = rows.map((r, i) => draft.addTxn({
    visit, t: instants[i], type: r.type, method: Method.Cash, amountCents: r.cents, filing: -1, cashier: -1, cage: -1,
  }));
  addCtrFiling(draft, visit, txns);
}

/**
 * A structuring run (7.4): 2–4 cash-ins of $8,000–$9,999.99, 20 min – 4 h apart, at distinct cage
 * locations; the run makes the day a CTR day, and a Structuring SAR cites it.
 */
export function drawStructuringRun(draft: PlanDraft, visit: number): void {
  const { rng } = draft;
  const [a, b] = draft.span(visit);
  // A span cut short by the window holds fewer rows: the gaps never go under 20 min.
  const fitting = Math.max(2, Math.min(4, Math.floor((b - a - 1) / MIN_GAP_US) + 1));
  const k = Math.min(runLengthTable.pick(rng) + 2, fitting);
  const amounts = Array.from({ length: k }, () => round(rng.between(800_000, 999_999)));
  const gaps = Array.from({ length: k - 1 }, () => Math.floor(rng.between(MIN_GAP_US, 4 * HOUR_US)));
  const room = b - a - 1;
  const minSum = (k - 1) * MIN_GAP_US;
  const rawSum = gaps.reduce((s, g) => s + g, 0);
  if (rawSum > room && rawSum > minSum) {
    const shrink = Math.max(0, room - minSum) / (rawSum - minSum);
    for (let i = 0; i < gaps.length; i++) gaps[i] = MIN_GAP_US + Math.floor((gaps[i] - MIN_GAP_US) * shrink);
  }
  const sum = gaps.reduce((s, g) => s + g, 0);
  let t = draft.ctx.axis.drawBetween(rng, a, Math.max(a + 1, b - sum));
  const cages = [0, 1, 2, 3, 4, 5];
  rng.shuffle(cages);
  const sarIndex = draft.filings.length + 1;
  const txns: number[] = [];
  for (let i = 0; i < k; i++) {
    if (i > 0) t += gaps[i - 1];
    txns.push(draft.addTxn({ visit, t, type: Txn.CashIn, method: Method.Cash, amountCents: amounts[i], filing: sarIndex, cashier: -1, cage: cages[i] }));
  }
  addCtrFiling(draft, visit, txns);
  addSarFiling(draft, visit, 'Structuring', txns);
}

function addSarFiling(draft: PlanDraft, visit: number, category: SarCategory, txns: number[]): void {
  const officer = draft.officer();
  let last = -Infinity;
  for (const i of txns) last = Math.max(last, draft.txns[i].t);
  let filingT = last + Math.floor(draft.rng.between(HOUR_US, 72 * HOUR_US));
  const { end } = draft.ctx.scenario;
  if (filingT >= end) filingT = last + Math.floor((end - last) / 2);
  const dates = sarDates(draft.ctx.jurisdiction, dayOf(filingT), draft.rng);
  addCashFiling(draft, 'SAR', visit, category, txns, officer, filingT, dates);
}

interface SarRow {
  type: Txn;
  method: Method;
  cents: number;
}

const amountCents = (draft: PlanDraft) => round(draft.rng.between(300_000, 950_000));

/** The cited rows of a non-structuring SAR (9.3), before they are placed on visits. */
function sarRows(draft: PlanDraft, category: SarCategory): SarRow[] {
  const { rng } = draft;
  const k = runLengthTable.pick(rng) + 2;
  const cash = (types: readonly Txn[]): SarRow[] =>
    Array.from({ length: k }, () => ({ type: types[uniformPick(rng, types.length)], method: Method.Cash, cents: amountCents(draft) }));
  switch (category) {
    case 'Unusual Transaction Pattern': {
      const purchase = amountCents(draft);
      const redemption = Math.min(round(purchase * rng.between(0.9, 1.1)), CTR_LIMIT_CENTS);
      return [{ type: Txn.ChipPurchase, method: Method.Cash, cents: purchase }, { type: Txn.ChipRedemption, method: Method.Cash, cents: redemption }];
    }
    case 'Chip Walking':
      return cash([Txn.ChipPurchase]);
    case 'Third Party Activity':
      return Array.from({ length: k }, () => ({ type: Txn.FrontDeposit, method: rng.chance(0.5) ? Method.Cash : Method.Check, cents: amountCents(draft) }));
    case 'Identity Concerns':
      return cash([Txn.CashIn, Txn.CheckCashing]);
    case 'Credit Abuse':
      return Array.from({ length: k }, () => ({ type: Txn.MarkerIssue, method: Method.Marker, cents: MARKER_AMOUNTS[uniformPick(rng, MARKER_AMOUNTS.length)] * 100 }));
    case 'Wire Transfer Anomaly':
      return [Txn.WireIn, Txn.WireOut].map((type) => ({ type, method: Method.Wire, cents: round(rng.between(500_000, 50_000_000)) }));
    case 'Counterfeit Currency':
      return cash([Txn.CashIn, Txn.ChipPurchase]);
    case 'Employee Involvement':
      return cash([Txn.CashIn, Txn.CashOut]);
    default:
      return cash([Txn.CashIn, Txn.ChipPurchase, Txn.CheckCashing]);
  }
}

/** Rows that must share the first visit: a purchase and its redemption, a wire in and out. */
const SAME_VISIT: ReadonlySet<SarCategory> = new Set(['Unusual Transaction Pattern', 'Wire Transfer Anomaly']);

/**
 * Places the rows on the subject's visit days within 7 gaming days of `visit` (first row on it),
 * never on a CTR or SAR day, keeping each day's counted cash ≤ $10,000 per side (the CTR limit).
 * Returns the visit of each row, or null when the subject cannot hold them.
 */
function placeRows(draft: PlanDraft, visit: number, category: SarCategory, rows: SarRow[]): number[] | null {
  const player = draft.player(visit);
  const d0 = draft.visitDay[visit];
  const days: number[] = [];
  for (let d = d0; d < d0 + SAR_WINDOW_DAYS; d++) {
    const v = draft.visitOf(player, d);
    if (v >= 0 && !draft.ctrVisits.has(v) && !draft.sarVisits.has(v)) days.push(v);
  }
  // Counted cash placed so far on days[x]: in at 2x, out at 2x + 1.
  const sums = new Float64Array(2 * days.length);
  const slot = (x: number, row: SarRow) => 2 * x + (countedSide(row.type, row.method) > 0 ? 0 : 1);
  const fits = (x: number, row: SarRow) => countedSide(row.type, row.method) === 0 || sums[slot(x, row)] + row.cents <= CTR_LIMIT_CENTS;
  const placed: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let x = 0; // days[0] is `visit`: drawOtherSar only offers visits that are neither CTR nor SAR days
    if (i > 0 && !SAME_VISIT.has(category)) {
      const open: number[] = [];
      for (let y = 0; y < days.length; y++) if (fits(y, row)) open.push(y);
      if (open.length === 0 && row.type === Txn.FrontDeposit) row.method = Method.Check;
      else if (open.length === 0) return null;
      else x = open[uniformPick(draft.rng, open.length)];
    }
    if (!fits(x, row)) return null;
    if (countedSide(row.type, row.method) !== 0) sums[slot(x, row)] += row.cents;
    placed.push(days[x]);
  }
  return placed;
}

/** A non-structuring SAR: its subject, cited rows and filing (9.3). */
export function drawOtherSar(draft: PlanDraft, category: SarCategory): void {
  const { rng, ctx } = draft;
  const n = draft.visitCount;
  // No visit at all (few players over a short window): the SAR needs one, reported as E_VOLUME, not a crash.
  if (n === 0) {
    draft.missingVisits++;
    return;
  }
  let scanFrom = -1;
  for (let attempt = 0; attempt < PLACEMENT_TRIES + n; attempt++) {
    if (attempt === PLACEMENT_TRIES) scanFrom = rng.int(0, n - 1);
    const visit = attempt < PLACEMENT_TRIES ? rng.int(0, n - 1) : (scanFrom + attempt - PLACEMENT_TRIES) % n;
    if (draft.ctrVisits.has(visit) || draft.sarVisits.has(visit)) continue;
    if (category === 'Credit Abuse' && ctx.population.tier[draft.player(visit)] < GOLD) continue;
    // Fresh rows per candidate: amounts that fit one visit are as likely as rows spread over days.
    const candidate = sarRows(draft, category);
    const placed = placeRows(draft, visit, category, candidate);
    if (!placed) continue;
    commitSar(draft, visit, category, candidate, placed);
    return;
  }
  draft.missingVisits++;
}

function commitSar(draft: PlanDraft, visit: number, category: SarCategory, rows: SarRow[], placed: number[]): void {
  const { rng, ctx } = draft;
  const cashier = category === 'Employee Involvement' ? ctx.cashiers[rng.int(0, ctx.cashiers.length - 1)] : -1;
  const sarIndex = draft.filings.length;
  const visits = [...new Set(placed)].sort((a, b) => draft.visitDay[a] - draft.visitDay[b]);
  const txns: number[] = [];
  for (const v of visits) {
    draft.placedVisits++;
    draft.sarVisits.add(v);
    if (category === 'Chip Walking') draft.noRedemption.add(v);
    if (category === 'Unusual Transaction Pattern') draft.noRating.add(v);
    const mine = rows.filter((_, i) => placed[i] === v);
    const instants = drawInstants(draft, v, mine.length);
    mine.forEach((row, i) => txns.push(draft.addTxn({
      visit: v, t: instants[i], type: row.type, method: row.method, amountCents: row.cents, filing: sarIndex, cashier, cage: -1,
    })));
  }
  addSarFiling(draft, visit, category, txns);
}
