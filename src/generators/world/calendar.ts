/**
 * The visit calendar (SPEC 3.8) and the slot sessions of each visit (SPEC 4.3), drawn day by day
 * from the world stream (`world`, `calendar`, 0): for each gaming day, one U(0,1) per eligible
 * player in sequence order, then U{1..3} distinct machines per visitor of that day.
 */
import { ACTIVE } from '../data/population';
import { MACHINE_COUNT } from '../data/slot-floor';
import { openStream } from '../rng';
import type { Population } from './population';

export interface VisitCalendar {
  /** Gaming day number of index 0. */
  readonly firstDay: number;
  readonly days: number;
  /** Visitors of day index j: players (0-based) visitors[dayStart[j] .. dayStart[j + 1]), ascending. */
  readonly dayStart: Int32Array;
  readonly visitors: Int32Array;
  /** Sessions of visit v: machines (0-based) sessionMachines[sessionStart[v] .. sessionStart[v + 1]). */
  readonly sessionStart: Int32Array;
  readonly sessionMachines: Int16Array;
  /** The player of each session (what a search of sessionStart would find, kept for the slot table). */
  readonly sessionPlayers: Int32Array;
  /** Visits in the window per player, and the last visit day (−1 if none). */
  readonly visitCount: Int32Array;
  readonly lastVisitDay: Int32Array;
  /** Visit days of player i, ascending: playerDays[playerStart[i] .. playerStart[i + 1]). */
  readonly playerStart: Int32Array;
  readonly playerDays: Int32Array;
}

export function buildCalendar(seed: number, pop: Population, firstDay: number, lastDay: number): VisitCalendar {
  const rng = openStream(seed, 'world', 'calendar', 0);
  const days = lastDay - firstDay + 1;
  const dayStart = new Int32Array(days + 1);
  const visitors = new GrowableInt32();
  const sessionStart = new GrowableInt32();
  const sessionMachines = new GrowableInt32();
  const sessionPlayers = new GrowableInt32();
  const visitCount = new Int32Array(pop.size);
  const lastVisitDay = new Int32Array(pop.size).fill(-1);
  const eligible = eligiblePlayers(pop);
  const picked = new Int32Array(3);
  for (let j = 0; j < days; j++) {
    const day = firstDay + j;
    dayStart[j] = visitors.length;
    const from = visitors.length;
    for (const i of eligible) {
      if (pop.enrollmentDay[i] > day) continue;
      if (rng.uniform() < pop.visitProbability[i]) {
        visitors.push(i);
        visitCount[i]++;
        lastVisitDay[i] = day;
      }
    }
    for (let v = from; v < visitors.length; v++) {
      sessionStart.push(sessionMachines.length);
      const k = rng.int(1, 3);
      for (let s = 0; s < k; s++) {
        let m: number;
        do m = rng.int(0, MACHINE_COUNT - 1);
        while (pickedBefore(picked, s, m));
        picked[s] = m;
        sessionMachines.push(m);
        sessionPlayers.push(visitors.at(v));
      }
    }
  }
  dayStart[days] = visitors.length;
  sessionStart.push(sessionMachines.length);
  const visitorList = visitors.finish();
  const { playerStart, playerDays } = indexByPlayer(visitorList, dayStart, visitCount, firstDay);
  return {
    firstDay, days, dayStart, visitors: visitorList, sessionStart: sessionStart.finish(),
    sessionMachines: Int16Array.from(sessionMachines.finish()), sessionPlayers: sessionPlayers.finish(),
    visitCount, lastVisitDay, playerStart, playerDays,
  };
}

/** Active players who are not self-excluded, ascending. */
function eligiblePlayers(pop: Population): Int32Array {
  let count = 0;
  for (let i = 0; i < pop.size; i++) if (pop.status[i] === ACTIVE && !pop.selfExcluded[i]) count++;
  const eligible = new Int32Array(count);
  for (let i = 0, e = 0; i < pop.size; i++) if (pop.status[i] === ACTIVE && !pop.selfExcluded[i]) eligible[e++] = i;
  return eligible;
}

/** Whether m is among picked[0, count) (a loop: a subarray per draw was most of this function's garbage). */
function pickedBefore(picked: Int32Array, count: number, m: number): boolean {
  for (let i = 0; i < count; i++) if (picked[i] === m) return true;
  return false;
}

/** Per-player visit days (a counting sort of the day-major visitor lists). */
function indexByPlayer(visitors: Int32Array, dayStart: Int32Array, visitCount: Int32Array, firstDay: number) {
  const playerStart = new Int32Array(visitCount.length + 1);
  for (let i = 0; i < visitCount.length; i++) playerStart[i + 1] = playerStart[i] + visitCount[i];
  const fill = playerStart.slice(0, visitCount.length);
  const playerDays = new Int32Array(visitors.length);
  for (let j = 0; j + 1 < dayStart.length; j++) {
    for (let v = dayStart[j]; v < dayStart[j + 1]; v++) playerDays[fill[visitors[v]]++] = firstDay + j;
  }
  return { playerStart, playerDays };
}

/** The player's first visit day in [from, to], or −1. */
export function firstVisitBetween(cal: VisitCalendar, player: number, from: number, to: number): number {
  for (let v = cal.playerStart[player]; v < cal.playerStart[player + 1]; v++) {
    const day = cal.playerDays[v];
    if (day > to) return -1;
    if (day >= from) return day;
  }
  return -1;
}

/**
 * The first visit index of gaming day `day`: the day's visits are [firstVisitOfDay(day), firstVisitOfDay(day + 1)),
 * empty outside the window. One bound at a time, so code run once per row allocates no pair.
 */
export function firstVisitOfDay(cal: VisitCalendar, day: number): number {
  return cal.dayStart[Math.min(Math.max(day - cal.firstDay, 0), cal.days)];
}

class GrowableInt32 {
  private data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return this.data[i];
  }
  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
