/**
 * Slot payloads (SPEC 4.3): machine, player and session, money and meters of each row, drawn in
 * row order from the stream (`payload`, `slots`, k). Money is held in integer cents; NaN = null.
 */
import { perWorld } from '../world/per-world';
import { MACHINE_COUNT } from '../data/slot-floor';
import { WeightTable, round, type Rng } from '../rng';
import { AVERAGE_DAY_UNITS, gamingDay } from '../time/intensity';
import { SlotEvent } from '../data/slot-events';
import { firstVisitOfDay } from '../world/calendar';
import type { World } from '../world';
import type { SlotMachine } from '../world/floor';
import type { SlotSkeleton } from './slot-skeleton';
import { unitFloat64, unitInt32 } from '../unit-arena';

export interface SlotPayload {
  /** Machine index (Int32: the index type vocabularyColumn takes without a copy). */
  readonly machine: Int32Array;
  /** Player index (0-based) or −1 when uncarded. */
  readonly player: Int32Array;
  /** The calendar session a carded row was drawn from, or −1 (uncarded, or a planned jackpot). */
  readonly session: Int32Array;
  readonly coinIn: Float64Array;
  readonly coinOut: Float64Array;
  readonly jackpot: Float64Array;
  readonly games: Float64Array;
  readonly actualHold: Float64Array;
  /** Error code index (0..6) or −1. */
  readonly error: Int32Array;
}

const CARDED = 0.6;
const BILLS = [1, 5, 10, 20, 50, 100];
const billTable = new WeightTable([0.1, 0.15, 0.2, 0.35, 0.15, 0.05]);
const JACKPOT_MULTIPLES = [1, 2, 5, 10, 50];
const jackpotMultipleTable = new WeightTable([0.5, 0.25, 0.15, 0.08, 0.02]);
const MIN_JACKPOT_CENTS = 25_000;
const JACKPOT_TRIES = 64;
const SESSION_TRIES = 16;
export const ERROR_CODES = [
  ['E001', 'Door Open Tilt'], ['E002', 'Bill Jam'], ['E003', 'Coin Hopper Empty'], ['E004', 'Communication Error'],
  ['E005', 'Power Fluctuation'], ['E006', 'Reel Error'], ['E007', 'Touch Screen Error'],
] as const;

/** Draws the payload of every row of a skeleton. */
export function drawSlotPayload(world: World, skeleton: SlotSkeleton, rng: Rng): SlotPayload {
  const n = skeleton.types.length;
  const p: SlotPayload = {
    machine: unitInt32(n), player: unitInt32(n).fill(-1), session: unitInt32(n).fill(-1),
    coinIn: unitFloat64(n).fill(NaN), coinOut: unitFloat64(n).fill(NaN), jackpot: unitFloat64(n).fill(NaN),
    games: unitFloat64(n).fill(NaN),
    actualHold: unitFloat64(n).fill(NaN), error: unitInt32(n).fill(-1),
  };
  const machines = world.floor.machines;
  const machinePaid = machines.filter((m) => m.machinePaidJackpots).map((m) => m.num - 1);
  const thresholdCents = world.rules.slotThreshold * 100;
  for (let r = 0; r < n; r++) {
    const t = skeleton.instants[r];
    const type = skeleton.types[r] as SlotEvent;
    let m = skeleton.plannedMachines[r];
    switch (type) {
      case SlotEvent.GamePlay:
      case SlotEvent.BillIn:
      case SlotEvent.TicketOut: {
        if (rng.uniform() < CARDED) m = takeSession(world, p, r, pickSession(world, gamingDay(t), rng, null), m);
        if (m < 0) m = rng.int(0, MACHINE_COUNT - 1);
        const machine = machines[m];
        if (type === SlotEvent.GamePlay) {
          const bet = machine.denomCents * rng.int(1, machine.maxCredits);
          p.coinIn[r] = bet;
          p.coinOut[r] = drawOutcome(machine, bet, rng);
          p.games[r] = 1;
        } else if (type === SlotEvent.BillIn) p.coinIn[r] = BILLS[billTable.pick(rng)] * 100;
        else p.coinOut[r] = round(rng.logUniform(5, 1000) * 100);
        break;
      }
      case SlotEvent.Jackpot: {
        const planned = skeleton.plannedJackpots[r];
        if (planned >= 0) {
          const jackpots = world.plan.slotJackpots;
          p.player[r] = jackpots.players[planned];
          p.coinIn[r] = jackpots.betCents[planned];
          p.coinOut[r] = p.jackpot[r] = jackpots.amountCents[planned];
          p.games[r] = 1;
          break;
        }
        if (rng.uniform() < CARDED) m = takeSession(world, p, r, pickSession(world, gamingDay(t), rng, machinePaidOf(world)), m);
        if (m < 0) m = machinePaid[rng.int(0, machinePaid.length - 1)];
        const machine = machines[m];
        p.coinIn[r] = machine.denomCents * rng.int(1, machine.maxCredits);
        const amount = drawMachinePaidJackpot(machine, thresholdCents, rng);
        p.coinOut[r] = amount;
        p.jackpot[r] = amount;
        p.games[r] = 1;
        break;
      }
      case SlotEvent.MeterUpdate: {
        m = rng.int(0, MACHINE_COUNT - 1);
        meterSnapshot(machines[m], world.axis.integralTo(t) / AVERAGE_DAY_UNITS, p, r);
        break;
      }
      case SlotEvent.Tilt:
        m = rng.int(0, MACHINE_COUNT - 1);
        p.error[r] = rng.int(0, ERROR_CODES.length - 1);
        break;
      case SlotEvent.PowerOff:
        p.error[r] = rng.int(0, ERROR_CODES.length - 1);
        break;
      default:
        break;
    }
    if (m < 0) throw new Error(`slot row ${r} of type ${type} has no machine`);
    p.machine[r] = m;
  }
  return p;
}

/** A session of the gaming day (index into the calendar's sessions), uniform; −1 when none; `accept` filters machines. */
function pickSession(world: World, day: number, rng: Rng, accept: Uint8Array | null): number {
  const cal = world.calendar;
  const vFrom = firstVisitOfDay(cal, day);
  const vTo = firstVisitOfDay(cal, day + 1);
  if (vFrom === vTo) return -1;
  const sFrom = cal.sessionStart[vFrom];
  const sTo = cal.sessionStart[vTo];
  for (let tries = 0; tries < (accept ? SESSION_TRIES : 1); tries++) {
    const s = rng.int(sFrom, sTo - 1);
    if (accept && !accept[cal.sessionMachines[s]]) continue;
    return s;
  }
  return -1;
}

/** Records session s (if any) as row r's player and session; returns the row's machine. */
function takeSession(world: World, p: SlotPayload, r: number, s: number, m: number): number {
  if (s < 0) return m;
  const cal = world.calendar;
  p.player[r] = cal.sessionPlayers[s];
  p.session[r] = s;
  return cal.sessionMachines[s];
}

/** 1 for each machine that pays its jackpots itself (a flag array instead of a closure per row). */
const machinePaidOf = perWorld((world) => Uint8Array.from(world.floor.machines, (m) => (m.machinePaidJackpots ? 1 : 0)));

/** One play's outcome in cents: a hit with the machine's probability pays floor(bet × M). */
export function drawOutcome(machine: SlotMachine, betCents: number, rng: Rng): number {
  if (rng.uniform() >= machine.hitProbability) return 0;
  return Math.floor(betCents * machine.multipliers[machine.paytable.pick(rng)]);
}

/** Machine-paid jackpot in [$250, threshold), by seeded rejection (SPEC 4.3). */
function drawMachinePaidJackpot(machine: SlotMachine, thresholdCents: number, rng: Rng): number {
  let last = 0;
  for (let i = 0; i < JACKPOT_TRIES; i++) {
    last = round(machine.jackpotScale * JACKPOT_MULTIPLES[jackpotMultipleTable.pick(rng)] * rng.between(0.9, 1.3) * 100);
    if (last >= MIN_JACKPOT_CENTS && last < thresholdCents) return last;
  }
  const top = thresholdCents - 1;
  return Math.abs(last - MIN_JACKPOT_CENTS) <= Math.abs(last - top) ? MIN_JACKPOT_CENTS : top;
}

/** Lifetime meters at E(t) intensity-weighted days since start (SPEC 4.3). */
function meterSnapshot(machine: SlotMachine, elapsedDays: number, p: SlotPayload, r: number): void {
  const denom = machine.denomCents / 100;
  const meanBet = (denom * (1 + machine.maxCredits)) / 2;
  const handle = meanBet * 1200 * elapsedDays;
  const coinIn = machine.coinIn0Cents + round(handle * 100);
  const coinOut = machine.coinOut0Cents + round((1 - machine.hold) * handle * 100);
  p.coinIn[r] = coinIn;
  p.coinOut[r] = coinOut;
  p.games[r] = machine.games0 + Math.floor(handle / meanBet);
  p.actualHold[r] = round(1 - coinOut / coinIn, 4);
}
