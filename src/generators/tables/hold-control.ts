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
  for (let type = 0; type < MACHINE_TYPES.length; type++) {
    const plays: [HoldPart, number][] = [];
    let coinIn = 0;
    let coinOut = 0;
    let theo = 0;
    for (const part of parts) {
      const { payload } = part;
      for (let r = 0; r < part.types.length; r++) {
        if (part.types[r] !== SlotEvent.GamePlay || machines[payload.machine[r]].type !== type) continue;
        plays.push([part, r]);
        coinIn += payload.coinIn[r];
        coinOut += payload.coinOut[r];
        theo += machines[payload.machine[r]].hold * payload.coinIn[r];
      }
    }
    if (plays.length < CONTROLLED_PLAYS) continue;
    const target = theo / coinIn;
    const limit = 100 * plays.length;
    let redraws = 0;
    for (;;) {
      const deviation = 1 - coinOut / coinIn - target;
      if (Math.abs(deviation) <= HOLD_BAND) break;
      // Hold too low: the casino paid too much, so redraw a play that paid more than its bet.
      const paidTooMuch = deviation < 0;
      let pick: [HoldPart, number];
      do {
        if (++redraws > limit) throw new Error(`hold control did not converge for ${MACHINE_TYPES[type]}`);
        pick = plays[rng.int(0, plays.length - 1)];
      } while (paidTooMuch ? pick[0].payload.coinOut[pick[1]] <= pick[0].payload.coinIn[pick[1]] : pick[0].payload.coinOut[pick[1]] > 0);
      const [part, r] = pick;
      const old = part.payload.coinOut[r];
      const fresh = drawOutcome(machines[part.payload.machine[r]], part.payload.coinIn[r], rng);
      part.payload.coinOut[r] = fresh;
      coinOut += fresh - old;
    }
  }
}
