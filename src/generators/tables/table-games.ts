/** bronze_table_games (SPEC 5): one group of chunks → one columnar batch per chunk. */
import { StringColumnBuilder, encodeVocabulary, type ColumnBatch, type ColumnData } from '../columns';
import { GAMES, PIT_ZONES } from '../data/pits';
import { TABLE_EVENT_TYPES, TableEvent } from '../data/table-events';
import { chunkLength } from '../chunks';
import { KeyedPermutation, openStream } from '../rng';
import { CHUNK_ROWS } from '../tables';
import { SHIFTS, gamingDay, shiftOf } from '../time/intensity';
import type { World } from '../world';
import { eventIdColumn, metadataColumns, money, nullable } from './common-columns';
import { drawTableSkeleton } from './table-skeleton';
import { drawTablePayload, type TablePayload } from './table-payload';
import { placeSecondRows, tableUnits, type TableChunk, type TableUnits } from './table-units';

const EVENT_TYPE_BYTES = encodeVocabulary(TABLE_EVENT_TYPES);
const GAME_BYTES = encodeVocabulary(GAMES);
const ZONE_BYTES = encodeVocabulary(PIT_ZONES);
const SHIFT_BYTES = encodeVocabulary(SHIFTS);
const [PLAYER_PREFIX, MARKER_PREFIX, FILL_PREFIX, CREDIT_PREFIX] = encodeVocabulary(['P', 'MKR-P', 'FIL-', 'CRD-']);

export function generateTableGroup(world: World, first: number, count: number): ColumnBatch[] {
  const total = world.scenario.counts.tables ?? 0;
  const units = tableUnits(world);
  const batches: ColumnBatch[] = [];
  for (let k = first; k < first + count; k++) {
    const raw = drawTableSkeleton(world, k, chunkLength(total, k), units.firstUnitOfChunk[k]);
    const chunk = placeSecondRows(units, raw, k);
    const payload = drawTablePayload(world, units, chunk, openStream(world.scenario.seed, 'payload', 'tables', k));
    batches.push(tableColumns(world, units, k, chunk, payload));
  }
  return batches;
}

function tableColumns(world: World, units: TableUnits, k: number, chunk: TableChunk, p: TablePayload): ColumnBatch {
  const n = chunk.types.length;
  const ratingPerm = new KeyedPermutation(world.scenario.seed, 'player_rating_id', 2 ** 32);
  const tableIds = encodeVocabulary(world.tables.map((t) => t.id));
  const dealerIds = encodeVocabulary(world.roster.ids);
  const b = (avg: number) => new StringColumnBuilder(n, avg);
  const [tableId, game, zone, eventType, dealer, shift] = [10, 9, 9, 12, 9, 5].map(b);
  const [player, rating, marker, slip] = [7, 12, 12, 10].map(b);
  const tableNumber = new Int32Array(n);
  const minBet = new Int32Array(n);
  const maxBet = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const t = chunk.instants[r];
    const table = world.tables[p.table[r]];
    const type = chunk.types[r] as TableEvent;
    tableId.pushBytes(tableIds[p.table[r]]);
    game.pushBytes(GAME_BYTES[table.game]);
    zone.pushBytes(ZONE_BYTES[table.zone]);
    eventType.pushBytes(EVENT_TYPE_BYTES[type]);
    const s = shiftOf(t);
    const slot = ((gamingDay(t) - world.firstGamingDay) * 3 + s) * world.tables.length + p.table[r];
    dealer.pushBytes(dealerIds[world.dealers[slot]]);
    shift.pushBytes(SHIFT_BYTES[s]);
    tableNumber[r] = table.number;
    minBet[r] = table.minBet;
    maxBet[r] = table.maxBet;
    if (p.player[r] >= 0) player.pushPrefixedNumber(PLAYER_PREFIX, p.player[r] + 1, 6);
    else player.pushNull();
    const u = chunk.unit[r];
    const isRating = type === TableEvent.RatingStart || type === TableEvent.RatingEnd;
    const isMarker = type === TableEvent.MarkerIssued || type === TableEvent.MarkerPaid;
    if (isRating) rating.push(`RAT-${ratingPerm.map(units.firstRow[u] + 1).toString(16).toUpperCase().padStart(8, '0')}`);
    else rating.pushNull();
    if (isMarker) marker.pushPrefixedNumber(MARKER_PREFIX, units.firstRow[u] + 1, 6);
    else marker.pushNull();
    if (type === TableEvent.Fill || type === TableEvent.Credit) {
      slip.pushPrefixedNumber(type === TableEvent.Fill ? FILL_PREFIX : CREDIT_PREFIX, k * CHUNK_ROWS + r + 1, 6);
    } else slip.pushNull();
  }
  return {
    length: n,
    columns: [
      eventIdColumn(world.scenario.seed, 'tables', k, n),
      tableId.finish(), game.finish(),
      { type: 'int32', values: tableNumber, valid: null },
      zone.finish(), eventType.finish(),
      { type: 'timestamp', values: chunk.instants, valid: null },
      dealer.finish(), shift.finish(),
      { type: 'int32', values: minBet, valid: null },
      { type: 'int32', values: maxBet, valid: null },
      player.finish(), rating.finish(),
      money(p.amount), money(p.chip), money(p.averageBet),
      handsColumn(p.hands),
      nullable('float64', p.hours),
      money(p.theo), money(p.actual),
      marker.finish(), slip.finish(),
      money(p.drop),
      ...metadataColumns(world.scenario.seed, world.scenario.as_of, 'tables', k, n),
    ],
  };
}

/** hands_played: int32 with NaN as null. */
function handsColumn(hands: Float64Array): ColumnData {
  const values = new Int32Array(hands.length);
  const valid = new Uint8Array(hands.length);
  for (let r = 0; r < hands.length; r++) {
    if (Number.isNaN(hands[r])) continue;
    values[r] = hands[r];
    valid[r] = 1;
  }
  return { type: 'int32', values, valid };
}
