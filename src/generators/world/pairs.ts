/**
 * Door and power pairs of the slot floor (SPEC 4.2): planned units of the world, drawn from the
 * stream (`world`, `pairs`, 0), kind by kind and machine by machine.
 */
import { MACHINE_COUNT } from '../data/slot-floor';
import { apportion, openStream, round } from '../rng';
import type { TimeAxis } from '../time/intensity';
import { CHUNK_ROWS } from '../tables';
import { owningChunk } from '../chunks';
import { MINUTE_US } from '../time/units';

export const SLOT_EVENT_TYPES = [
  'GAME_PLAY', 'JACKPOT', 'METER_UPDATE', 'DOOR_OPEN', 'DOOR_CLOSE', 'BILL_IN', 'TICKET_OUT', 'TILT', 'POWER_OFF',
  'POWER_ON',
] as const;
export const enum SlotEvent {
  GamePlay, Jackpot, MeterUpdate, DoorOpen, DoorClose, BillIn, TicketOut, Tilt, PowerOff, PowerOn,
}

/** Planned slot rows sorted by instant: machine (0-based) and event type of each. */
export interface PlannedSlotRows {
  readonly instants: Float64Array;
  readonly machines: Int16Array;
  readonly types: Uint8Array;
  /** Pair id of each row (both rows of a pair share it). */
  readonly pairs: Int32Array;
}

interface PairRow { t: number; machine: number; type: SlotEvent; pair: number }

export function buildPairs(seed: number, axis: TimeAxis, slotRows: number): PlannedSlotRows {
  const rng = openStream(seed, 'world', 'pairs', 0);
  const rows: PairRow[] = [];
  let pair = 0;
  const kinds: [number, SlotEvent, SlotEvent][] = [
    [round(0.02 * slotRows), SlotEvent.DoorOpen, SlotEvent.DoorClose],
    [round(0.01 * slotRows), SlotEvent.PowerOff, SlotEvent.PowerOn],
  ];
  for (const [total, first, second] of kinds) {
    const perMachine = apportion(total, new Array<number>(MACHINE_COUNT).fill(1));
    for (let m = 0; m < MACHINE_COUNT; m++) {
      const firsts = Array.from({ length: perMachine[m] }, () => axis.drawBetween(rng, axis.start, axis.end));
      firsts.sort((a, b) => a - b);
      let previousSecond = -Infinity;
      for (let t of firsts) {
        const gap = Math.floor(rng.between(1, 30) * MINUTE_US);
        if (t < previousSecond + MINUTE_US) t = previousSecond + MINUTE_US;
        const t2 = t + gap;
        previousSecond = t2;
        if (t >= axis.end) continue;
        rows.push({ t, machine: m, type: first, pair });
        if (t2 < axis.end) rows.push({ t: t2, machine: m, type: second, pair });
        pair++;
      }
    }
  }
  rows.sort((a, b) => a.t - b.t || a.machine - b.machine || a.type - b.type);
  return capPerChunk(rows, axis, slotRows);
}

/**
 * Keeps each chunk's planned rows at most half its rows (SPEC 3.2): where a chunk would hold more,
 * the pairs with the latest instants there are dropped whole, so door/power rows still alternate.
 */
function capPerChunk(rows: PairRow[], axis: TimeAxis, slotRows: number): PlannedSlotRows {
  const dropped = new Set<number>();
  // Rows are sorted by instant, so each chunk's rows form one contiguous run.
  for (let from = 0; from < rows.length; ) {
    const k = owningChunk(axis, rows[from].t, slotRows);
    let to = from;
    while (to < rows.length && owningChunk(axis, rows[to].t, slotRows) === k) to++;
    const capacity = Math.floor(Math.min(CHUNK_ROWS, slotRows - k * CHUNK_ROWS) / 2);
    let live = 0;
    for (let i = from; i < to; i++) if (!dropped.has(rows[i].pair)) live++;
    for (let j = to - 1; j >= from && live > capacity; j--) {
      if (dropped.has(rows[j].pair)) continue;
      dropped.add(rows[j].pair);
      for (let i = from; i < to; i++) if (rows[i].pair === rows[j].pair) live--;
    }
    from = to;
  }
  const kept = rows.filter((r) => !dropped.has(r.pair));
  return {
    instants: Float64Array.from(kept, (r) => r.t),
    machines: Int16Array.from(kept, (r) => r.machine),
    types: Uint8Array.from(kept, (r) => r.type),
    pairs: Int32Array.from(kept, (r) => r.pair),
  };
}
