/**
 * The raw skeleton of a table-games chunk (SPEC 3.2, 5.2), from the stream (`skeleton`, `tables`,
 * k): per row a quantile instant and an ordinary type; for the first row of a rating or a marker,
 * the unit's parameters (table, player, duration or amount, and the second row's instant).
 */
import { GOLD } from '../data/population';
import { MARKER_AMOUNTS, MARKER_PAYMENT_WEIGHTS, NOT_RATING_TYPES, ORDINARY_TYPES, PLAYERLESS_TYPES, TABLE_EVENT_WEIGHTS, TableEvent } from '../data/table-events';
import { WeightTable, openStream, uniformPick, type Rng } from '../rng';
import { CHUNK_ROWS } from '../tables';
import { gamingDay, gamingDayStart } from '../time/intensity';
import { DAY_US, HOUR_US, MINUTE_US } from '../time/units';
import { firstVisitBetween, firstVisitOfDay } from '../world/calendar';
import type { World } from '../world';

export interface RawUnit {
  readonly id: number;
  readonly kind: TableEvent.RatingStart | TableEvent.MarkerIssued;
  readonly table: number;
  readonly player: number;
  readonly start: number;
  readonly second: number;
  readonly amount: number;
}

export interface RawTableSkeleton {
  readonly instants: Float64Array;
  readonly types: Uint8Array;
  readonly unitOfRow: Int32Array;
  readonly units: RawUnit[];
}

const weightsOf = (types: readonly TableEvent[]) => new WeightTable(types.map((t) => TABLE_EVENT_WEIGHTS[t]));
const ordinaryTable = weightsOf(ORDINARY_TYPES);
const notRatingTable = weightsOf(NOT_RATING_TYPES);
const playerlessTable = weightsOf(PLAYERLESS_TYPES);
const paymentTable = new WeightTable(MARKER_PAYMENT_WEIGHTS);

export function drawTableSkeleton(world: World, k: number, length: number, firstUnit: number): RawTableSkeleton {
  const total = world.scenario.counts.tables ?? 0;
  const rng = openStream(world.scenario.seed, 'skeleton', 'tables', k);
  const instants = new Float64Array(length);
  const types = new Uint8Array(length);
  const unitOfRow = new Int32Array(length).fill(-1);
  const units: RawUnit[] = [];
  const goldVisitors = new Map<number, Int32Array>();
  for (let i = 0; i < length; i++) {
    const t = world.axis.quantile((k * CHUNK_ROWS + i + rng.uniform()) / total);
    instants[i] = t;
    const day = gamingDay(t);
    const cutoff = gamingDayStart(day + 1);
    let type: TableEvent = ORDINARY_TYPES[ordinaryTable.pick(rng)];
    if (type === TableEvent.RatingStart && cutoff - t < MINUTE_US) type = NOT_RATING_TYPES[notRatingTable.pick(rng)];
    const vFrom = firstVisitOfDay(world.calendar, day);
    const vTo = firstVisitOfDay(world.calendar, day + 1);
    let gold: Int32Array | undefined;
    if (type === TableEvent.MarkerIssued) {
      gold = goldVisitors.get(day) ?? goldVisitorsOf(world, day, goldVisitors);
      if (gold.length === 0) type = PLAYERLESS_TYPES[playerlessTable.pick(rng)];
    } else if (type === TableEvent.RatingStart && vFrom === vTo) type = PLAYERLESS_TYPES[playerlessTable.pick(rng)];
    const rated = type === TableEvent.RatingStart ? drawRatedVisit(world, rng, vFrom, vTo) : -1;
    if (type === TableEvent.RatingStart && rated < 0) type = PLAYERLESS_TYPES[playerlessTable.pick(rng)];
    types[i] = type;
    if (type === TableEvent.RatingStart) {
      units.push(drawRating(world, rng, firstUnit + units.length, t, cutoff, world.calendar.visitors[rated]));
    } else if (type === TableEvent.MarkerIssued && gold) {
      const player = gold[rng.int(0, gold.length - 1)];
      units.push(drawMarker(world, rng, firstUnit + units.length, t, day, player));
    } else continue;
    unitOfRow[i] = firstUnit + units.length - 1;
  }
  return { instants, types, unitOfRow, units };
}

/**
 * The rated visit: a visitor of the day, redrawn (16 tries) while it is a visit an Unusual
 * Transaction Pattern SAR says had no rating (SPEC 9.3); −1 when none is found.
 */
function drawRatedVisit(world: World, rng: Rng, vFrom: number, vTo: number): number {
  const excluded = world.plan.noRating;
  for (let tries = 0; tries < 16; tries++) {
    const v = rng.int(vFrom, vTo - 1);
    if (!excluded.has(v)) return v;
  }
  return -1;
}

/** Duration U(0.5, 6) h, capped before the cut-off; no END at or after `end` (SPEC 5.2). */
function drawRating(world: World, rng: Rng, id: number, t: number, cutoff: number, player: number): RawUnit {
  const table = rng.int(0, world.tables.length - 1);
  const hours = rng.between(0.5, 6);
  const endAt = Math.min(t + Math.floor(hours * HOUR_US), cutoff - 1);
  const second = endAt < world.scenario.end && endAt > t ? endAt : NaN;
  return { id, kind: TableEvent.RatingStart, table, player, start: t, second, amount: 0 };
}

/** Marker amount, and its payment later the same visit or on a later visit (SPEC 5.2). */
function drawMarker(world: World, rng: Rng, id: number, t: number, day: number, player: number): RawUnit {
  const table = rng.int(0, world.tables.length - 1);
  const cap = Math.max(1000, 2 * world.tables[table].maxBet);
  const allowed = MARKER_AMOUNTS.filter((a) => a <= cap);
  const amount = allowed[uniformPick(rng, allowed.length)];
  const kind = paymentTable.pick(rng);
  let second = NaN;
  if (kind === 0) {
    const limit = Math.min(gamingDayStart(day + 1), world.scenario.end);
    const at = t + Math.floor(rng.uniform() * (limit - t));
    if (at > t) second = at;
  } else {
    const lag = kind === 1 ? rng.int(1, 3) : rng.int(4, 30);
    const visit = firstVisitBetween(world.calendar, player, day + lag, day + 30);
    if (visit >= 0) {
      const spanStart = Math.max(world.scenario.start, gamingDayStart(visit));
      const spanEnd = Math.min(world.scenario.end, gamingDayStart(visit) + DAY_US);
      second = world.axis.drawBetween(rng, spanStart, spanEnd);
    }
  }
  return { id, kind: TableEvent.MarkerIssued, table, player, start: t, second, amount };
}

function goldVisitorsOf(world: World, day: number, cache: Map<number, Int32Array>): Int32Array {
  const list: number[] = [];
  for (let v = firstVisitOfDay(world.calendar, day), to = firstVisitOfDay(world.calendar, day + 1); v < to; v++) {
    const p = world.calendar.visitors[v];
    if (world.population.tier[p] >= GOLD) list.push(p);
  }
  const result = Int32Array.from(list);
  cache.set(day, result);
  return result;
}
