/** bronze_table_games (SPEC 5): one group of chunks → one columnar batch per chunk. */
import { perWorld } from '../world/per-world';
import { StringColumnBuilder, encodeVocabulary, vocabularyColumn, type ColumnBatch, type ColumnData } from '../columns';
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
const [PLAYER_PREFIX, RATING_PREFIX, MARKER_PREFIX, FILL_PREFIX, CREDIT_PREFIX] = encodeVocabulary(['P', 'RAT-', 'MKR-P', 'FIL-', 'CRD-']);

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

/** Encoded words per table (id, game, zone) and per employee number (dealer ids), built once per world. */
interface TableVocabulary {
  readonly ids: readonly Uint8Array[];
  readonly games: readonly Uint8Array[];
  readonly zones: readonly Uint8Array[];
  readonly employees: readonly Uint8Array[];
}

const tableVocabulary = perWorld((world): TableVocabulary => ({
  ids: encodeVocabulary(world.tables.map((t) => t.id)),
  games: world.tables.map((t) => GAME_BYTES[t.game]),
  zones: world.tables.map((t) => ZONE_BYTES[t.zone]),
  employees: encodeVocabulary(world.roster.ids),
}));

function tableColumns(world: World, units: TableUnits, k: number, chunk: TableChunk, p: TablePayload): ColumnBatch {
  const n = chunk.types.length;
  const voc = tableVocabulary(world);
  const table = Int32Array.from(p.table);
  const shift = new Int32Array(n);
  const dealer = new Int32Array(n);
  const tableNumber = new Int32Array(n);
  const minBet = new Int32Array(n);
  const maxBet = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const t = chunk.instants[r];
    const { number, minBet: min, maxBet: max } = world.tables[table[r]];
    shift[r] = shiftOf(t);
    dealer[r] = world.dealers[((gamingDay(t) - world.firstGamingDay) * 3 + shift[r]) * world.tables.length + table[r]];
    tableNumber[r] = number;
    minBet[r] = min;
    maxBet[r] = max;
  }
  const [player, rating, marker, slip] = idColumns(world, units, k, chunk, p);
  return {
    length: n,
    columns: [
      eventIdColumn(world.scenario.seed, 'tables', k, n),
      vocabularyColumn(table, voc.ids), vocabularyColumn(table, voc.games),
      { type: 'int32', values: tableNumber, valid: null },
      vocabularyColumn(table, voc.zones), vocabularyColumn(chunk.types, EVENT_TYPE_BYTES),
      { type: 'timestamp', values: chunk.instants, valid: null },
      vocabularyColumn(dealer, voc.employees), vocabularyColumn(shift, SHIFT_BYTES),
      { type: 'int32', values: minBet, valid: null },
      { type: 'int32', values: maxBet, valid: null },
      player, rating,
      money(p.amount), money(p.chip), money(p.averageBet),
      handsColumn(p.hands),
      nullable('float64', p.hours),
      money(p.theo), money(p.actual),
      marker, slip,
      money(p.drop),
      ...metadataColumns(world.scenario.seed, world.scenario.as_of, 'tables', k, n),
    ],
  };
}

/** player_id, player_rating_id, marker_number, slip_number. */
function idColumns(world: World, units: TableUnits, k: number, chunk: TableChunk, p: TablePayload): ColumnData[] {
  const n = chunk.types.length;
  const ratingPerm = new KeyedPermutation(world.scenario.seed, 'player_rating_id', 2 ** 32);
  const [player, rating, marker, slip] = [7, 12, 12, 10].map((average) => new StringColumnBuilder(n, average));
  for (let r = 0; r < n; r++) {
    const type = chunk.types[r] as TableEvent;
    if (p.player[r] >= 0) player.pushPrefixedNumber(PLAYER_PREFIX, p.player[r] + 1, 6);
    else player.pushNull();
    const u = chunk.unit[r];
    if (type === TableEvent.RatingStart || type === TableEvent.RatingEnd) {
      rating.pushPrefixedHex(RATING_PREFIX, ratingPerm.map(units.firstRow[u] + 1), 8);
    } else rating.pushNull();
    if (type === TableEvent.MarkerIssued || type === TableEvent.MarkerPaid) {
      marker.pushPrefixedNumber(MARKER_PREFIX, units.firstRow[u] + 1, 6);
    } else marker.pushNull();
    if (type === TableEvent.Fill || type === TableEvent.Credit) {
      slip.pushPrefixedNumber(type === TableEvent.Fill ? FILL_PREFIX : CREDIT_PREFIX, k * CHUNK_ROWS + r + 1, 6);
    } else slip.pushNull();
  }
  return [player.finish(), rating.finish(), marker.finish(), slip.finish()];
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
