/**
 * event_id of each W-2G's slot jackpot row (SPEC 9.2 source_ids): the row's place in its chunk is
 * only known from that chunk's skeleton, so one skeleton is built per slot chunk holding any.
 * Only the compliance chunks need these, so they are built on first use, once per world.
 */
import { perWorld } from '../world/per-world';
import { chunkLength, owningChunk } from '../chunks';
import type { World } from '../world';
import { eventIdsAt } from './common-columns';
import { buildSlotSkeleton } from './slot-skeleton';

/** event_id by plan filing, for the Slots and Video Poker W-2Gs. */
export const slotJackpotEventIds = perWorld((world): ReadonlyMap<number, string> => findEventIds(world));

function findEventIds(world: World): Map<number, string> {
  const jackpots = world.plan.slotJackpots;
  const total = world.scenario.counts.slots ?? 0;
  const byChunk = new Map<number, number[]>();
  jackpots.instants.forEach((t, i) => {
    const k = owningChunk(world.axis, t, total);
    const list = byChunk.get(k) ?? [];
    list.push(i);
    byChunk.set(k, list);
  });
  const ids = new Map<number, string>();
  for (const [k, list] of byChunk) {
    const skeleton = buildSlotSkeleton(world, k, chunkLength(total, k));
    const rows: number[] = [];
    skeleton.plannedJackpots.forEach((j, r) => j >= 0 && rows.push(r));
    const events = eventIdsAt(world.scenario.seed, 'slots', k, rows);
    rows.forEach((r, i) => ids.set(jackpots.filings[skeleton.plannedJackpots[r]], events[i]));
    if (list.some((j) => !ids.has(jackpots.filings[j]))) throw new Error(`slot chunk ${k} lost a planned jackpot`);
  }
  return ids;
}
