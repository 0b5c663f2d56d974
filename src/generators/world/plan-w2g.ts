/**
 * Planned W-2G wins (SPEC 3.10, 4.3, 10.1): the winner's visit, the win instant, the amount and
 * wager, the JACKPOT_PAYOUT at the cage (7.4) and the filing instant (9.2).
 */
import { GAMES } from '../data/pits';
import { MACHINE_TYPES } from '../data/slot-floor';
import { Method, Txn } from '../data/financial';
import { round, toCents, uniformPick, WeightTable } from '../rng';
import { drawWin } from '../rules/w2g';
import { w2gDates, W2G_STATUS } from '../rules/filing-status';
import type { W2gGameType } from '../scenario/jurisdictions';
import { chunkCount, chunkLength, owningChunk } from '../chunks';
import { gamingDayStart, type TimeAxis } from '../time/intensity';
import { MINUTE_US } from '../time/units';
import type { PlannedSlotRows } from './pairs';
import type { GameTable } from './pits';
import { VISIT_ROW_CAP, type PlanDraft } from './plan';

const VIDEO_POKER = MACHINE_TYPES.indexOf('Video Poker');
const W2G_TABLE_GAMES = [GAMES.indexOf('Blackjack'), GAMES.indexOf('Pai Gow')];
const JACKPOT_MULTIPLES = [1, 2, 5, 10, 50];
const jackpotMultipleTable = new WeightTable([0.5, 0.25, 0.15, 0.08, 0.02]);
const TRIES = 64;
const PAYOUT_CASH = 0.7;

/** Planned rows per slot chunk: a chunk never holds planned rows for more than half its rows (3.2). */
export class SlotCapacity {
  private readonly used: Int32Array;

  constructor(private readonly axis: TimeAxis, pairs: PlannedSlotRows, private readonly total: number) {
    this.used = new Int32Array(chunkCount(total));
    for (const t of pairs.instants) this.used[owningChunk(axis, t, total)]++;
  }

  /** Takes a place in the chunk owning t; false when that chunk is full. */
  take(t: number): boolean {
    const k = owningChunk(this.axis, t, this.total);
    if (k >= this.used.length || this.used[k] >= Math.floor(chunkLength(this.total, k) / 2)) return false;
    this.used[k]++;
    return true;
  }
}

/** A visit drawn uniformly (then scanned from a random point) that `accept` takes, or −1. */
function pickVisit(draft: PlanDraft, accept: (visit: number) => boolean): number {
  const n = draft.visitCount;
  if (n === 0) return -1;
  for (let i = 0; i < TRIES; i++) {
    const v = draft.rng.int(0, n - 1);
    if (accept(v)) return v;
  }
  const from = draft.rng.int(0, n - 1);
  for (let i = 0; i < n; i++) if (accept((from + i) % n)) return (from + i) % n;
  return -1;
}

/** The machines of a visit's sessions that can host this game's jackpot (Video Poker or the others). */
function sessionMachines(draft: PlanDraft, visit: number, game: W2gGameType): number[] {
  const cal = draft.ctx.calendar;
  const out: number[] = [];
  for (let s = cal.sessionStart[visit]; s < cal.sessionStart[visit + 1]; s++) {
    if (hostsJackpot(draft, cal.sessionMachines[s], game)) out.push(cal.sessionMachines[s]);
  }
  return out;
}

function hostsJackpot(draft: PlanDraft, machine: number, game: W2gGameType): boolean {
  return (draft.ctx.floor.machines[machine].type === VIDEO_POKER) === (game === 'Video Poker');
}

/** Whether any of a visit's sessions can host this game's jackpot (sessionMachines without the list). */
function hasSessionMachine(draft: PlanDraft, visit: number, game: W2gGameType): boolean {
  const cal = draft.ctx.calendar;
  for (let s = cal.sessionStart[visit]; s < cal.sessionStart[visit + 1]; s++) {
    if (hostsJackpot(draft, cal.sessionMachines[s], game)) return true;
  }
  return false;
}

/** Table indices of the games a Table Games W-2G is won at (Blackjack, Pai Gow), once per table list. */
const eligibleTablesOf = new WeakMap<readonly GameTable[], number[]>();
function w2gTables(tables: readonly GameTable[]): number[] {
  let eligible = eligibleTablesOf.get(tables);
  if (!eligible) {
    eligible = tables.filter((t) => W2G_TABLE_GAMES.includes(t.game)).map((t) => t.number - 1);
    eligibleTablesOf.set(tables, eligible);
  }
  return eligible;
}

/** A hand-pay jackpot ≥ threshold (4.3): S × m × U(0.9, 1.3) by seeded rejection, else the threshold. */
function drawHandPay(draft: PlanDraft, machine: number, thresholdCents: number): number {
  const scale = draft.ctx.floor.machines[machine].jackpotScale;
  for (let i = 0; i < TRIES; i++) {
    const cents = round(scale * JACKPOT_MULTIPLES[jackpotMultipleTable.pick(draft.rng)] * draft.rng.between(0.9, 1.3) * 100);
    if (cents >= thresholdCents) return cents;
  }
  return thresholdCents;
}

/** U(0, d) after the win, d = min(30 min, half the time left in its gaming day and the window) (9.2). */
function afterWin(draft: PlanDraft, win: number, day: number): number {
  const left = Math.min(draft.ctx.scenario.end, gamingDayStart(day + 1)) - win;
  return win + Math.floor(draft.rng.between(0, Math.min(30 * MINUTE_US, left / 2)));
}

export function drawW2g(draft: PlanDraft, game: W2gGameType, capacity: SlotCapacity): void {
  const { rng, ctx } = draft;
  const slot = game === 'Slots' || game === 'Video Poker';
  const roomy = (v: number) => draft.plannedRows(v) < VISIT_ROW_CAP - 1;
  const visit = pickVisit(draft, (v) => roomy(v) && (!slot || hasSessionMachine(draft, v, game)));
  if (visit < 0) {
    draft.missingVisits++;
    return;
  }
  const player = draft.player(visit);
  const day = draft.visitDay[visit];
  const officer = draft.officer();
  const [a, b] = draft.span(visit);
  let machine = -1;
  let table = -1;
  let win: number;
  let wagerCents: number;
  let jackpotCents: number;
  if (slot) {
    const options = sessionMachines(draft, visit, game);
    machine = options[uniformPick(rng, options.length)];
    win = drawSlotInstant(draft, a, b, capacity);
    const m = ctx.floor.machines[machine];
    wagerCents = m.denomCents * rng.int(1, m.maxCredits);
    jackpotCents = drawHandPay(draft, machine, toCents(ctx.jurisdiction.w2g[game].threshold));
  } else {
    win = ctx.axis.drawBetween(rng, a, b);
    ({ wagerCents, jackpotCents } = drawWin(ctx.jurisdiction, game, rng));
    if (game === 'Table Games') {
      const eligible = w2gTables(ctx.tables);
      table = eligible[uniformPick(rng, eligible.length)];
    }
  }
  const payoutT = afterWin(draft, win, day);
  const method = slot && rng.chance(PAYOUT_CASH) ? Method.Cash : Method.Check;
  const filingT = afterWin(draft, win, day);
  const filing = draft.filings.length;
  const payout = draft.addTxn({ visit, t: payoutT, type: Txn.JackpotPayout, method, amountCents: jackpotCents, filing, cashier: -1, cage: -1 });
  const dates = w2gDates(day);
  draft.addFiling({
    type: 'W2G', visit, player, day, category: null, game, txns: [payout], machine, table, wagerCents, jackpotCents,
    filingT, filingDay: dates.filingDay, dueDay: dates.dueDay, status: W2G_STATUS, note: null, officer,
  });
  if (slot) draft.jackpots.push({ t: win, machine, player, bet: wagerCents, amount: jackpotCents, filing });
}

/**
 * A win instant from λ over the span whose slot chunk still has room for a planned row (3.10). When
 * none has room after 64 draws the slot table is too small for the plan: the last draw is kept and
 * the plan is marked, so validation refuses it (E_VOLUME) instead of generating.
 */
function drawSlotInstant(draft: PlanDraft, a: number, b: number, capacity: SlotCapacity): number {
  let t = a;
  for (let i = 0; i < TRIES; i++) {
    t = draft.ctx.axis.drawBetween(draft.rng, a, b);
    if (capacity.take(t)) return t;
  }
  draft.slotOverflow = true;
  return t;
}
