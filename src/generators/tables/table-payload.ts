/**
 * Table-game payloads (SPEC 5.2), drawn in final row order from the stream (`payload`, `tables`, k).
 * Money in cents; NaN = null.
 */
import { FILL_AMOUNTS, FILL_CHIPS, PLAY_CHIPS, TableEvent } from '../data/table-events';
import { HANDS_PER_HOUR, HIGH_LIMIT, HOUSE_EDGE, POKER, RESULT_SD, VIP_SALON } from '../data/pits';
import { round, uniformPick, type Rng } from '../rng';
import { gamingDay } from '../time/intensity';
import { HOUR_US } from '../time/units';
import { firstVisitOfDay } from '../world/calendar';
import type { GameTable } from '../world/pits';
import type { World } from '../world';
import type { TableChunk, TableUnits } from './table-units';

export interface TablePayload {
  readonly table: Uint8Array;
  readonly player: Int32Array;
  readonly amount: Float64Array;
  readonly chip: Float64Array;
  readonly averageBet: Float64Array;
  readonly hands: Float64Array;
  readonly hours: Float64Array;
  readonly theo: Float64Array;
  readonly actual: Float64Array;
  readonly drop: Float64Array;
}

const nanArray = (n: number) => new Float64Array(n).fill(NaN);

export function drawTablePayload(world: World, units: TableUnits, chunk: TableChunk, rng: Rng): TablePayload {
  const n = chunk.types.length;
  const p: TablePayload = {
    table: new Uint8Array(n), player: new Int32Array(n).fill(-1), amount: nanArray(n), chip: nanArray(n),
    averageBet: nanArray(n), hands: nanArray(n), hours: nanArray(n), theo: nanArray(n), actual: nanArray(n), drop: nanArray(n),
  };
  const noise = new Float64Array(n);
  const variance = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const type = chunk.types[r] as TableEvent;
    const u = chunk.unit[r];
    const tableIndex = u >= 0 ? units.table[u] : rng.int(0, world.tables.length - 1);
    const table = world.tables[tableIndex];
    p.table[r] = tableIndex;
    if (u >= 0) p.player[r] = units.player[u];
    switch (type) {
      case TableEvent.BuyIn:
      case TableEvent.CashOut: {
        p.player[r] = drawPatron(world, chunk.instants[r], rng);
        const buyIn = buyInDraw(table, rng);
        p.amount[r] = roundDown(type === TableEvent.BuyIn ? buyIn : rng.between(0.25, 2.0) * buyIn, table) * 100;
        p.chip[r] = chipFor(PLAY_CHIPS, table, rng) * 100;
        break;
      }
      case TableEvent.MarkerIssued:
      case TableEvent.MarkerPaid:
        p.amount[r] = units.amount[u] * 100;
        break;
      case TableEvent.Fill:
      case TableEvent.Credit: {
        p.chip[r] = chipFor(FILL_CHIPS, table, rng) * 100;
        const cap = Math.max(5000, 5 * table.maxBet);
        const allowed = FILL_AMOUNTS.filter((a) => a <= cap);
        p.amount[r] = allowed[uniformPick(rng, allowed.length)] * 100;
        break;
      }
      case TableEvent.RatingEnd:
        drawRatingEnd(table, (chunk.instants[r] - units.start[u]) / HOUR_US, rng, p, r, noise, variance);
        break;
      case TableEvent.ShiftEnd:
        p.drop[r] = round(rng.between(5000, 100000)) * (table.zone === HIGH_LIMIT || table.zone === VIP_SALON ? 3 : 1) * 100;
        break;
      default:
        break;
    }
  }
  settleNoise(p, noise, variance);
  return p;
}

/** A visitor of the day (.70) or an unrated patron (null, .30). */
function drawPatron(world: World, t: number, rng: Rng): number {
  if (rng.uniform() >= 0.7) return -1;
  const day = gamingDay(t);
  const from = firstVisitOfDay(world.calendar, day);
  const to = firstVisitOfDay(world.calendar, day + 1);
  return from === to ? -1 : world.calendar.visitors[rng.int(from, to - 1)];
}

/** U(10 × min_bet, 2 × max_bet); Poker U(min_bet, max_bet) (SPEC 5.2). */
function buyInDraw(table: GameTable, rng: Rng): number {
  return table.game === POKER ? rng.between(table.minBet, table.maxBet) : rng.between(10 * table.minBet, 2 * table.maxBet);
}

/** Rounded down to a multiple of 5, or of 100 when min_bet ≥ 100. */
function roundDown(x: number, table: GameTable): number {
  const step = table.minBet >= 100 ? 100 : 5;
  return Math.floor(x / step) * step;
}

/** Uniform among the chips in [min_bet/10, max_bet/5]; if none, the value nearest that range. */
function chipFor(chips: readonly number[], table: GameTable, rng: Rng): number {
  const { inside, nearest } = chipChoice(chips, table);
  return inside.length > 0 ? inside[uniformPick(rng, inside.length)] : nearest;
}

/** Per chip list and table, the chips in its range and the nearest one: the same for every row, found once. */
const chipChoices = new WeakMap<readonly number[], WeakMap<GameTable, { inside: readonly number[]; nearest: number }>>();

function chipChoice(chips: readonly number[], table: GameTable): { inside: readonly number[]; nearest: number } {
  let byTable = chipChoices.get(chips);
  if (!byTable) chipChoices.set(chips, (byTable = new WeakMap()));
  let choice = byTable.get(table);
  if (!choice) {
    const lo = table.minBet / 10;
    const hi = table.maxBet / 5;
    const distance = (c: number) => (c < lo ? lo - c : c - hi);
    choice = { inside: chips.filter((c) => c >= lo && c <= hi), nearest: chips.reduce((best, c) => (distance(c) < distance(best) ? c : best)) };
    byTable.set(table, choice);
  }
  return choice;
}

function drawRatingEnd(table: GameTable, d: number, rng: Rng, p: TablePayload, r: number, noise: Float64Array, variance: Float64Array): void {
  const g = table.game;
  const hands = round(d * HANDS_PER_HOUR[g] * rng.between(0.8, 1.2));
  const averageBet =
    g === POKER ? round((table.minBet / 50) * rng.between(2, 5)) : round(rng.between(table.minBet, Math.max(table.minBet, 0.3 * table.maxBet)));
  const theo = round(averageBet * hands * HOUSE_EDGE[g], 2);
  p.hours[r] = round(d, 1);
  p.hands[r] = hands;
  p.averageBet[r] = averageBet * 100;
  p.theo[r] = round(theo * 100);
  if (g === POKER) {
    noise[r] = theo * rng.between(-0.1, 0.1);
    variance[r] = (theo * theo * 0.01) / 3;
  } else {
    const sd = RESULT_SD[g] * averageBet;
    noise[r] = sd * Math.sqrt(hands) * rng.normal();
    variance[r] = sd * sd * hands;
  }
}

/** Corrects the noise to sum to zero over the chunk's END rows, in proportion to each variance. */
function settleNoise(p: TablePayload, noise: Float64Array, variance: Float64Array): void {
  let sumNoise = 0;
  let sumVariance = 0;
  for (let r = 0; r < noise.length; r++) {
    if (Number.isNaN(p.theo[r])) continue;
    sumNoise += noise[r];
    sumVariance += variance[r];
  }
  for (let r = 0; r < noise.length; r++) {
    if (Number.isNaN(p.theo[r])) continue;
    const correction = sumVariance > 0 ? (-sumNoise * variance[r]) / sumVariance : 0;
    p.actual[r] = round((p.theo[r] / 100 + noise[r] + correction) * 100);
  }
}
