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
import { mapTo } from '../columns';
import { MINUTE_US } from '../time/units';

/** Planned slot rows sorted by instant: machine (0-based) and event type of each. */
export interface PlannedSlotRows {
  readonly instants: Float64Array;
  readonly machines: Int16Array;
  readonly types: Uint8Array;
  /** Pair id of each row (both rows of a pair share it). */
  readonly pairs: Int32Array;
}

/** Pair rows as parallel columns (millions of rows at scale: no per-row objects). */
class PairRows {
  t: number[] = [];
  machine: number[] = [];
  type: number[] = [];
  pair: number[] = [];
  push(t: number, machine: number, type: SlotEvent, pair: number): void {
    this.t.push(t);
    this.machine.push(machine);
    this.type.push(type);
    this.pair.push(pair);
  }
}

export function buildPairs(seed: number, axis: TimeAxis, slotRows: number): PlannedSlotRows {
  const rng = openStream(seed, 'world', 'pairs', 0);
  const rows = new PairRows();
  let pair = 0;
  const kinds: [number, SlotEvent, SlotEvent][] = [
    [round(0.02 * slotRows), SlotEvent.DoorOpen, SlotEvent.DoorClose],
    [round(0.01 * slotRows), SlotEvent.PowerOff, SlotEvent.PowerOn],
  ];
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
  const { t, machine, type } = rows;
  const order = new Int32Array(t.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => t[a] - t[b] || machine[a] - machine[b] || type[a] - type[b] || a - b);
  return capPerChunk(rows, order, axis, slotRows);
}

/**
 * Keeps each chunk's planned rows at most half its rows (SPEC 3.2): where a chunk would hold more,
 * the pairs with the latest instants there are dropped whole, so door/power rows still alternate.
 */
function capPerChunk(rows: PairRows, order: Int32Array, axis: TimeAxis, slotRows: number): PlannedSlotRows {
  const dropped = new Set<number>();
  const at = (i: number) => rows.t[order[i]];
  const pairOf = (i: number) => rows.pair[order[i]];
  // Rows are sorted by instant, so each chunk's rows form one contiguous run.
  for (let from = 0; from < order.length; ) {
    const k = owningChunk(axis, at(from), slotRows);
    let to = from;
    while (to < order.length && owningChunk(axis, at(to), slotRows) === k) to++;
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
  const kept = dropped.size === 0 ? order : order.filter((i) => !dropped.has(rows.pair[i]));
  return {
    instants: mapTo(Float64Array, kept, (i) => rows.t[i]),
    machines: mapTo(Int16Array, kept, (i) => rows.machine[i]),
    types: mapTo(Uint8Array, kept, (i) => rows.type[i]),
    pairs: mapTo(Int32Array, kept, (i) => rows.pair[i]),
  };
}
