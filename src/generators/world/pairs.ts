/**
 * Door and power pairs of the slot floor (SPEC 4.2): planned units of the world, drawn from the
 * stream (`world`, `pairs`, 0), kind by kind and machine by machine.
 */
import { MACHINE_COUNT } from '../data/slot-floor';
import { SlotEvent } from '../data/slot-events';
import { apportion, openStream, round } from '../rng';
import type { TimeAxis } from '../time/intensity';
import { CHUNK_ROWS } from '../tables';
import { owningChunk } from '../chunks';
import { gatherFloat64, gatherInt16, gatherInt32, gatherUint8 } from '../columns';
import { sortByBucket, sortByInteger } from './radix';
import { MINUTE_US } from '../time/units';

/** Planned slot rows sorted by instant: machine (0-based) and event type of each. */
export interface PlannedSlotRows {
  readonly instants: Float64Array;
  readonly machines: Int16Array;
  readonly types: Uint8Array;
  /** Pair id of each row (both rows of a pair share it). */
  readonly pairs: Int32Array;
}

/** Pair rows as parallel typed columns (millions of rows at scale: no per-row objects), at most `capacity`. */
class PairRows {
  private readonly t: Float64Array;
  private readonly machine: Int16Array;
  private readonly type: Uint8Array;
  private readonly pair: Int32Array;
  private length = 0;
  constructor(capacity: number) {
    this.t = new Float64Array(capacity);
    this.machine = new Int16Array(capacity);
    this.type = new Uint8Array(capacity);
    this.pair = new Int32Array(capacity);
  }
  push(t: number, machine: number, type: SlotEvent, pair: number): void {
    const i = this.length++;
    this.t[i] = t;
    this.machine[i] = machine;
    this.type[i] = type;
    this.pair[i] = pair;
  }
  finish(): PlannedSlotRows {
    const n = this.length;
    return {
      instants: this.t.subarray(0, n), machines: this.machine.subarray(0, n),
      types: this.type.subarray(0, n), pairs: this.pair.subarray(0, n),
    };
  }
}

export function buildPairs(seed: number, axis: TimeAxis, slotRows: number): PlannedSlotRows {
  const rng = openStream(seed, 'world', 'pairs', 0);
  let pair = 0;
  const kinds: [number, SlotEvent, SlotEvent][] = [
    [round(0.02 * slotRows), SlotEvent.DoorOpen, SlotEvent.DoorClose],
    [round(0.01 * slotRows), SlotEvent.PowerOff, SlotEvent.PowerOn],
  ];
  const rows = new PairRows(2 * (kinds[0][0] + kinds[1][0]));
  for (const [total, first, second] of kinds) {
    const perMachine = apportion(total, new Array<number>(MACHINE_COUNT).fill(1));
    for (let m = 0; m < MACHINE_COUNT; m++) {
      const firsts = new Float64Array(perMachine[m]);
      for (let i = 0; i < firsts.length; i++) firsts[i] = axis.drawBetween(rng, axis.start, axis.end);
      firsts.sort();
      let previousSecond = -Infinity;
      for (let t of firsts) {
        const gap = Math.floor(rng.between(1, 30) * MINUTE_US);
        if (t < previousSecond + MINUTE_US) t = previousSecond + MINUTE_US;
        const t2 = t + gap;
        previousSecond = t2;
        if (t >= axis.end) continue;
        rows.push(t, m, first, pair);
        if (t2 < axis.end) rows.push(t2, m, second, pair);
        pair++;
      }
    }
  }
  return capPerChunk(rows.finish(), axis, slotRows);
}

/**
 * Row indices in (instant, machine, type, index) order: stable counting sorts from the least
 * significant key up (the instants are whole µs), instead of a comparison sort.
 */
function sortedRows(rows: PlannedSlotRows): Int32Array {
  let order: Int32Array = new Int32Array(rows.instants.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order = sortByBucket(order, 256, Int32Array.from(rows.types));
  order = sortByBucket(order, MACHINE_COUNT, Int32Array.from(rows.machines));
  return sortByInteger(order, rows.instants);
}

/**
 * Keeps each chunk's planned rows at most half its rows (SPEC 3.2): where a chunk would hold more,
 * the pairs with the latest instants there are dropped whole, so door/power rows still alternate.
 */
function capPerChunk(rows: PlannedSlotRows, axis: TimeAxis, slotRows: number): PlannedSlotRows {
  const order = sortedRows(rows);
  const dropped = new Set<number>();
  const pairOf = (i: number) => rows.pairs[order[i]];
  const owner = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) owner[i] = owningChunk(axis, rows.instants[order[i]], slotRows);
  // Rows are sorted by instant, so each chunk's rows form one contiguous run.
  for (let from = 0; from < order.length; ) {
    const k = owner[from];
    let to = from;
    while (to < order.length && owner[to] === k) to++;
    const capacity = Math.floor(Math.min(CHUNK_ROWS, slotRows - k * CHUNK_ROWS) / 2);
    let live = 0;
    for (let i = from; i < to; i++) if (!dropped.has(pairOf(i))) live++;
    for (let j = to - 1; j >= from && live > capacity; j--) {
      if (dropped.has(pairOf(j))) continue;
      dropped.add(pairOf(j));
      for (let i = from; i < to; i++) if (pairOf(i) === pairOf(j)) live--;
    }
    from = to;
  }
  const kept = dropped.size === 0 ? order : order.filter((i) => !dropped.has(rows.pairs[i]));
  return {
    instants: gatherFloat64(rows.instants, kept),
    machines: gatherInt16(rows.machines, kept),
    types: gatherUint8(rows.types, kept),
    pairs: gatherInt32(rows.pairs, kept),
  };
}
