/** bronze_slot_telemetry (SPEC 4): one group of chunks → one columnar batch per chunk. */
import { perWorld } from '../world/per-world';
import { StringColumnBuilder, encodeVocabulary, gatherFloat64, vocabularyColumn, type ColumnBatch, type ColumnData } from '../columns';
import { MACHINE_TYPES, MANUFACTURERS, SLOT_ZONES } from '../data/slot-floor';
import { chunkLength } from '../chunks';
import { openStream } from '../rng';
import { SLOT_EVENT_TYPES } from '../data/slot-events';
import type { World } from '../world';
import { eventIdColumn, metadataColumns, money, nullable } from './common-columns';
import { controlHold } from './hold-control';
import { ERROR_CODES, drawSlotPayload, type SlotPayload } from './slot-payload';
import { buildSlotSkeleton, type SlotSkeleton } from './slot-skeleton';
import { sessionColumn } from './slot-sessions';

const EVENT_TYPE_BYTES = encodeVocabulary(SLOT_EVENT_TYPES);
const ZONE_BYTES = encodeVocabulary(SLOT_ZONES);
const TYPE_BYTES = encodeVocabulary(MACHINE_TYPES);
const MANUFACTURER_BYTES = encodeVocabulary(MANUFACTURERS);
const ERROR_CODE_BYTES = encodeVocabulary(ERROR_CODES.map((e) => e[0]));
const ERROR_MESSAGE_BYTES = encodeVocabulary(ERROR_CODES.map((e) => e[1]));
const PLAYER_PREFIX = encodeVocabulary(['P'])[0];

/** Each machine's attributes (values or encoded words) indexed by machine, built once per world for every chunk. */
interface MachineColumns {
  readonly zone: readonly Uint8Array[];
  readonly type: readonly Uint8Array[];
  readonly manufacturer: readonly Uint8Array[];
  readonly denom: Float64Array;
  readonly hold: Float64Array;
  readonly id: readonly Uint8Array[];
  readonly asset: readonly Uint8Array[];
  readonly location: readonly Uint8Array[];
  readonly theme: readonly Uint8Array[];
}

const machineColumns = perWorld((world): MachineColumns => {
  const machines = world.floor.machines;
  return {
    zone: machines.map((m) => ZONE_BYTES[m.zone]),
    type: machines.map((m) => TYPE_BYTES[m.type]),
    manufacturer: machines.map((m) => MANUFACTURER_BYTES[m.manufacturer]),
    denom: Float64Array.from(machines, (m) => m.denomCents / 100),
    hold: Float64Array.from(machines, (m) => m.hold),
    id: encodeVocabulary(machines.map((m) => m.id)),
    asset: encodeVocabulary(machines.map((m) => m.asset)),
    location: encodeVocabulary(machines.map((m) => m.locationId)),
    theme: encodeVocabulary(machines.map((m) => m.theme)),
  };
});

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
  const columnsOf = machineColumns(world);
  const machine = p.machine;
  const players = new StringColumnBuilder(n, 8);
  for (let r = 0; r < n; r++) {
    if (p.player[r] < 0) players.pushNull();
    else players.pushPrefixedNumber(PLAYER_PREFIX, p.player[r] + 1, 6);
  }
  const columns: ColumnData[] = [
    eventIdColumn(world.scenario.seed, 'slots', k, n),
    vocabularyColumn(machine, columnsOf.id),
    vocabularyColumn(machine, columnsOf.asset),
    vocabularyColumn(machine, columnsOf.location),
    vocabularyColumn(machine, columnsOf.zone),
    vocabularyColumn(skeleton.types, EVENT_TYPE_BYTES),
    { type: 'timestamp', values: skeleton.instants, valid: null },
    { type: 'float64', values: gatherFloat64(columnsOf.denom, machine), valid: null },
    vocabularyColumn(machine, columnsOf.type),
    vocabularyColumn(machine, columnsOf.manufacturer),
    vocabularyColumn(machine, columnsOf.theme),
    { type: 'float64', values: gatherFloat64(columnsOf.hold, machine), valid: null },
    money(p.coinIn), money(p.coinOut), money(p.jackpot),
    nullable('int64', p.games),
    nullable('float64', p.actualHold),
    players.finish(), sessionColumn(world, skeleton.instants, p, columnsOf.id),
    vocabularyColumn(p.error, ERROR_CODE_BYTES),
    vocabularyColumn(p.error, ERROR_MESSAGE_BYTES),
    ...metadataColumns(world.scenario.seed, world.scenario.as_of, 'slots', k, n),
  ];
  return { length: n, columns };
}
