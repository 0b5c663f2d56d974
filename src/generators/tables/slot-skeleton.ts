/**
 * The skeleton of a slot chunk (SPEC 3.2, 4.2): ordinary event types and quantile instants from
 * the stream (`skeleton`, `slots`, k), the planned rows it owns put in place, and the final order.
 */
import { gatherFloat64, gatherInt16, gatherInt32, gatherUint8 } from '../columns';
import { chooseReplacedRows, ownedRange, quantileInstants, sortedOrder } from '../chunks';
import { WeightTable, openStream } from '../rng';
import { SlotEvent } from '../data/slot-events';
import type { World } from '../world';
import { unitFloat64, unitInt16, unitInt32, unitUint8 } from '../unit-arena';

export interface SlotSkeleton {
  /** Per final row: instant, event type, planned machine (−1 = drawn in the payload). */
  readonly instants: Float64Array;
  readonly types: Uint8Array;
  readonly plannedMachines: Int16Array;
  /** Per final row: the W-2G jackpot it is (index into world.plan.slotJackpots), or −1. */
  readonly plannedJackpots: Int32Array;
}

/** Ordinary types: doors and power are planned pairs; JACKPOT makes room for the K planned ones. */
function ordinaryTypes(total: number, plannedJackpots: number): { table: WeightTable; types: SlotEvent[] } {
  const jackpot = Math.max(0, 0.02 - plannedJackpots / total);
  return {
    table: new WeightTable([0.7, jackpot, 0.1, 0.05, 0.04, 0.03]),
    types: [SlotEvent.GamePlay, SlotEvent.Jackpot, SlotEvent.MeterUpdate, SlotEvent.BillIn, SlotEvent.TicketOut, SlotEvent.Tilt],
  };
}

export function buildSlotSkeleton(world: World, k: number, length: number): SlotSkeleton {
  const total = world.scenario.counts.slots ?? 0;
  const rng = openStream(world.scenario.seed, 'skeleton', 'slots', k);
  const jackpots = world.plan.slotJackpots;
  const { table, types: typeOf } = ordinaryTypes(total, jackpots.instants.length);
  const types = unitUint8(length);
  const u = unitFloat64(length);
  for (let i = 0; i < length; i++) {
    types[i] = typeOf[table.pick(rng)];
    u[i] = rng.uniform();
  }
  const instants = quantileInstants(world.axis, total, k, u);
  const plannedMachines = unitInt16(length).fill(-1);
  const plannedJackpots = unitInt32(length).fill(-1);
  const pairs = world.slotPairs;
  const [pFrom, pTo] = ownedRange(world.axis, pairs.instants, total, k);
  const [jFrom, jTo] = ownedRange(world.axis, jackpots.instants, total, k);
  // Planned rows in τ order (door/power pairs before a jackpot at the same instant).
  const planned: number[] = [];
  for (let p = pFrom, j = jFrom; p < pTo || j < jTo; ) {
    if (j >= jTo || (p < pTo && pairs.instants[p] <= jackpots.instants[j])) planned.push(p++);
    else planned.push(-1 - j++);
  }
  const instantOf = (x: number) => (x >= 0 ? pairs.instants[x] : jackpots.instants[-1 - x]);
  const moved = unitUint8(length);
  const rows = chooseReplacedRows(instants, moved, planned.map(instantOf));
  rows.forEach((row, i) => {
    if (row < 0) throw new Error(`slot chunk ${k} has no row left for a planned event`);
    const x = planned[i];
    instants[row] = instantOf(x);
    if (x >= 0) {
      types[row] = pairs.types[x];
      plannedMachines[row] = pairs.machines[x];
    } else {
      types[row] = SlotEvent.Jackpot;
      plannedMachines[row] = jackpots.machines[-1 - x];
      plannedJackpots[row] = -1 - x;
    }
  });
  const order = sortedOrder(instants, moved);
  return {
    instants: gatherFloat64(instants, order),
    types: gatherUint8(types, order),
    plannedMachines: gatherInt16(plannedMachines, order),
    plannedJackpots: gatherInt32(plannedJackpots, order),
  };
}

