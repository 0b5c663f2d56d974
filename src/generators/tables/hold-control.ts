/**
 * Hold control (SPEC 4.3, must): within each (group, machine type) with ≥ 2,000 GAME_PLAY rows,
 * the realised hold is brought within ±0.5 pp of the coin-in-weighted theoretical hold by
 * redrawing seeded random plays on the side that reduces the deviation.
 */
import { MACHINE_TYPES } from '../data/slot-floor';
import type { Rng } from '../rng';
import { SlotEvent } from '../data/slot-events';
import type { SlotMachine } from '../world/floor';
import { drawOutcome, type SlotPayload } from './slot-payload';

export const HOLD_BAND = 0.005;
export const CONTROLLED_PLAYS = 2000;

export interface HoldPart {
  readonly types: Uint8Array;
  readonly payload: SlotPayload;
}

export function controlHold(parts: readonly HoldPart[], machines: readonly SlotMachine[], rng: Rng): void {
  const machineHold = Float64Array.from(machines, (m) => m.hold);
  const { playPart, playRow, typeStart } = playsByType(parts, machines);
  for (let type = 0; type < MACHINE_TYPES.length; type++) {
    const from = typeStart[type];
    const plays = typeStart[type + 1] - from;
    let coinIn = 0;
    let coinOut = 0;
    let theo = 0;
    for (let i = from; i < from + plays; i++) {
      const payload = parts[playPart[i]].payload;
      const r = playRow[i];
      coinIn += payload.coinIn[r];
      coinOut += payload.coinOut[r];
      theo += machineHold[payload.machine[r]] * payload.coinIn[r];
    }
    if (plays < CONTROLLED_PLAYS) continue;
    const target = theo / coinIn;
    const limit = 100 * plays;
    let redraws = 0;
    for (;;) {
      const deviation = 1 - coinOut / coinIn - target;
      if (Math.abs(deviation) <= HOLD_BAND) break;
      // Hold too low: the casino paid too much, so redraw a play that paid more than its bet.
      const paidTooMuch = deviation < 0;
      let payload: SlotPayload;
      let r: number;
      do {
        if (++redraws > limit) throw new Error(`hold control did not converge for ${MACHINE_TYPES[type]}`);
        const pick = from + rng.int(0, plays - 1);
        payload = parts[playPart[pick]].payload;
        r = playRow[pick];
      } while (paidTooMuch ? payload.coinOut[r] <= payload.coinIn[r] : payload.coinOut[r] > 0);
      const old = payload.coinOut[r];
      const fresh = drawOutcome(machines[payload.machine[r]], payload.coinIn[r], rng);
      payload.coinOut[r] = fresh;
      coinOut += fresh - old;
    }
  }
}

/**
 * The GAME_PLAY rows as (part, row) pairs grouped by machine type, in part then row order within
 * each type (a counting sort: one pass over the rows instead of one per type).
 */
function playsByType(parts: readonly HoldPart[], machines: readonly SlotMachine[]) {
  const machineType = Int8Array.from(machines, (m) => m.type);
  const typeStart = new Int32Array(MACHINE_TYPES.length + 1);
  for (const { types, payload } of parts) {
    for (let r = 0; r < types.length; r++) if (types[r] === SlotEvent.GamePlay) typeStart[machineType[payload.machine[r]] + 1]++;
  }
  for (let t = 0; t < MACHINE_TYPES.length; t++) typeStart[t + 1] += typeStart[t];
  const next = typeStart.slice(0, MACHINE_TYPES.length);
  const playPart = new Int32Array(typeStart[MACHINE_TYPES.length]);
  const playRow = new Int32Array(playPart.length);
  parts.forEach(({ types, payload }, i) => {
    for (let r = 0; r < types.length; r++) {
      if (types[r] !== SlotEvent.GamePlay) continue;
      const at = next[machineType[payload.machine[r]]]++;
      playPart[at] = i;
      playRow[at] = r;
    }
  });
  return { playPart, playRow, typeStart };
}
