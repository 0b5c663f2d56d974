/** bronze_slot_telemetry (SPEC 4): one group of chunks → one columnar batch per chunk. */
import { StringColumnBuilder, encodeVocabulary, mapTo, vocabularyColumn, type ColumnBatch, type ColumnData } from '../columns';
import { MACHINE_TYPES, MANUFACTURERS, SLOT_ZONES } from '../data/slot-floor';
import { chunkLength } from '../chunks';
import { openStream } from '../rng';
import { gamingDay } from '../time/intensity';
import { formatDay } from '../time/format';
import { SLOT_EVENT_TYPES } from '../data/slot-events';
import { playerId } from '../world/ids';
import type { World } from '../world';
import { eventIdColumn, metadataColumns, money, nullable } from './common-columns';
import { controlHold } from './hold-control';
import { ERROR_CODES, drawSlotPayload, type SlotPayload } from './slot-payload';
import { buildSlotSkeleton, type SlotSkeleton } from './slot-skeleton';

const EVENT_TYPE_BYTES = encodeVocabulary(SLOT_EVENT_TYPES);
const ZONE_BYTES = encodeVocabulary(SLOT_ZONES);
const TYPE_BYTES = encodeVocabulary(MACHINE_TYPES);
const MANUFACTURER_BYTES = encodeVocabulary(MANUFACTURERS);
const ERROR_CODE_BYTES = encodeVocabulary(ERROR_CODES.map((e) => e[0]));
const ERROR_MESSAGE_BYTES = encodeVocabulary(ERROR_CODES.map((e) => e[1]));
const PLAYER_PREFIX = encodeVocabulary(['P'])[0];
const encoder = new TextEncoder();

/** Generates chunks [first, first + count) of the slot table, hold-controlled as one group. */
export function generateSlotGroup(world: World, first: number, count: number): ColumnBatch[] {
  const total = world.scenario.counts.slots ?? 0;
  const parts: { k: number; skeleton: SlotSkeleton; payload: SlotPayload }[] = [];
  let rng = null;
  for (let k = first; k < first + count; k++) {
    const skeleton = buildSlotSkeleton(world, k, chunkLength(total, k));
    rng = openStream(world.scenario.seed, 'payload', 'slots', k);
    parts.push({ k, skeleton, payload: drawSlotPayload(world, skeleton, rng) });
  }
  if (rng) controlHold(parts.map((p) => ({ types: p.skeleton.types, payload: p.payload })), world.floor.machines, rng);
  return parts.map((p) => slotColumns(world, p.k, p.skeleton, p.payload));
}

function slotColumns(world: World, k: number, skeleton: SlotSkeleton, p: SlotPayload): ColumnBatch {
  const n = skeleton.types.length;
  const machines = world.floor.machines;
  const byMachine = (pick: (m: (typeof machines)[number]) => string) => vocabularyColumn(p.machine, encodeVocabulary(machines.map(pick)));
  const players = new StringColumnBuilder(n, 8);
  const sessions = new StringColumnBuilder(n, 20);
  const sessionCache = new Map<number, Uint8Array>();
  const dayText = new Map<number, string>();
  for (let r = 0; r < n; r++) {
    const player = p.player[r];
    if (player < 0) {
      players.pushNull();
      sessions.pushNull();
      continue;
    }
    players.pushPrefixedNumber(PLAYER_PREFIX, player + 1, 6);
    const day = gamingDay(skeleton.instants[r]);
    const key = (player * machines.length + p.machine[r]) * 4096 + (day - world.firstGamingDay);
    let session = sessionCache.get(key);
    if (session === undefined) {
      let text = dayText.get(day);
      if (text === undefined) dayText.set(day, (text = formatDay(day)));
      session = encoder.encode(`SES-${world.idHash(`${playerId(player + 1)}|${machines[p.machine[r]].id}|${text}`)}`);
      sessionCache.set(key, session);
    }
    sessions.pushBytes(session);
  }
  const columns: ColumnData[] = [
    eventIdColumn(world.scenario.seed, 'slots', k, n),
    byMachine((m) => m.id),
    byMachine((m) => m.asset),
    byMachine((m) => m.locationId),
    vocabularyColumn(mapTo(Int8Array, p.machine, (m) => machines[m].zone), ZONE_BYTES),
    vocabularyColumn(skeleton.types, EVENT_TYPE_BYTES),
    { type: 'timestamp', values: skeleton.instants, valid: null },
    { type: 'float64', values: mapTo(Float64Array, p.machine, (m) => machines[m].denomCents / 100), valid: null },
    vocabularyColumn(mapTo(Int8Array, p.machine, (m) => machines[m].type), TYPE_BYTES),
    vocabularyColumn(mapTo(Int8Array, p.machine, (m) => machines[m].manufacturer), MANUFACTURER_BYTES),
    byMachine((m) => m.theme),
    { type: 'float64', values: mapTo(Float64Array, p.machine, (m) => machines[m].hold), valid: null },
    money(p.coinIn), money(p.coinOut), money(p.jackpot),
    nullable('int64', p.games),
    nullable('float64', p.actualHold),
    players.finish(), sessions.finish(),
    vocabularyColumn(p.error, ERROR_CODE_BYTES),
    vocabularyColumn(p.error, ERROR_MESSAGE_BYTES),
    ...metadataColumns(world.scenario.seed, world.scenario.as_of, 'slots', k, n),
  ];
  return { length: n, columns };
}
