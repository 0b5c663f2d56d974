/**
 * Table-game units (SPEC 3.2, 5.2): ratings and markers have a first row drawn as an ordinary row
 * and a second row (RATING_END, MARKER_PAID) placed in the chunk that owns its instant. One pass
 * over every chunk's skeleton fixes each unit and the final file row of its first row, which the
 * ids (player_rating_id, marker_number) need.
 */
import { gatherFloat64, gatherInt32, gatherUint8 } from '../columns';
import { chooseReplacedRows, chunkCount, chunkLength, owningChunk, sortedOrder } from '../chunks';
import { TableEvent } from '../data/table-events';
import { CHUNK_ROWS } from '../tables';
import type { World } from '../world';
import { drawTableSkeleton, type RawTableSkeleton, type RawUnit } from './table-skeleton';
import { perWorld } from '../world/per-world';
import { byKeyThenIndex } from '../sort-order';

/** Every unit of the file, indexed by unit number (creation order). */
export interface TableUnits {
  readonly count: number;
  readonly kind: Uint8Array;
  readonly table: Uint8Array;
  readonly player: Int32Array;
  readonly start: Float64Array;
  /** Instant of the second row; NaN when the unit has none (after `end`, or no row was left). */
  readonly second: Float64Array;
  readonly amount: Float64Array;
  /** 0-based row of the first row in the file. */
  readonly firstRow: Float64Array;
  /** Number of the first unit created by each chunk. */
  readonly firstUnitOfChunk: Int32Array;
  /** Units whose second row each chunk owns, sorted by (instant, unit). */
  readonly secondsByChunk: Int32Array[];
}

/** A chunk after its second rows are in place, in final row order. */
export interface TableChunk {
  readonly instants: Float64Array;
  readonly types: Uint8Array;
  /** Unit of a first or second row, −1 for other rows. */
  readonly unit: Int32Array;
}

export const tableUnits = perWorld((world): TableUnits => collectUnits(world));

function collectUnits(world: World): TableUnits {
  const total = world.scenario.counts.tables ?? 0;
  const chunks = chunkCount(total);
  const firstUnitOfChunk = new Int32Array(chunks);
  const drafts: RawUnit[] = [];
  // Kept for the second pass (dropped when the units are done) rather than drawn twice.
  const skeletons: RawTableSkeleton[] = [];
  for (let k = 0; k < chunks; k++) {
    firstUnitOfChunk[k] = drafts.length;
    skeletons.push(drawTableSkeleton(world, k, chunkLength(total, k), drafts.length));
    for (const u of skeletons[k].units) drafts.push(u);
  }
  const units = unitColumns(drafts, firstUnitOfChunk);
  const buckets: number[][] = Array.from({ length: chunks }, () => []);
  for (const u of drafts) if (!Number.isNaN(u.second)) buckets[owningChunk(world.axis, u.second, total)].push(u.id);
  for (const b of buckets) units.secondsByChunk.push(Int32Array.from(b.sort(byKeyThenIndex(units.second))));
  // Second pass: place second rows chunk by chunk.
  for (let k = 0; k < chunks; k++) {
    const chunk = placeSecondRows(units, skeletons[k], k);
    units.secondsByChunk[k] = units.secondsByChunk[k].filter((u) => !Number.isNaN(units.second[u]));
    for (let r = 0; r < chunk.unit.length; r++) {
      const u = chunk.unit[r];
      const t = chunk.types[r];
      if (u >= 0 && t !== TableEvent.RatingEnd && t !== TableEvent.MarkerPaid) units.firstRow[u] = k * CHUNK_ROWS + r;
    }
  }
  return units;
}

/** The drafts as typed columns, in one pass (firstRow and secondsByChunk filled by the caller). */
function unitColumns(drafts: readonly RawUnit[], firstUnitOfChunk: Int32Array) {
  const n = drafts.length;
  const units = {
    count: n, kind: new Uint8Array(n), table: new Uint8Array(n), player: new Int32Array(n), start: new Float64Array(n),
    second: new Float64Array(n), amount: new Float64Array(n), firstRow: new Float64Array(n), firstUnitOfChunk,
    secondsByChunk: [] as Int32Array[],
  };
  for (let i = 0; i < n; i++) {
    const u = drafts[i];
    units.kind[i] = u.kind;
    units.table[i] = u.table;
    units.player[i] = u.player;
    units.start[i] = u.start;
    units.second[i] = u.second;
    units.amount[i] = u.amount;
  }
  return units;
}

/** Puts the chunk's second rows in place of ordinary rows and sorts (SPEC 3.2). */
export function placeSecondRows(units: TableUnits & { second: Float64Array }, raw: RawTableSkeleton, k: number): TableChunk {
  const instants = raw.instants.slice();
  const types = raw.types.slice();
  const unit = raw.unitOfRow.slice();
  const locked = new Uint8Array(instants.length);
  for (let r = 0; r < unit.length; r++) if (unit[r] >= 0) locked[r] = 1;
  const seconds = units.secondsByChunk[k];
  const rows = chooseReplacedRows(instants, locked, Float64Array.from(seconds, (u) => units.second[u]));
  const moved = new Uint8Array(instants.length);
  rows.forEach((r, j) => {
    const u = seconds[j];
    if (r < 0) {
      units.second[u] = NaN; // no row left: the unit has no second row
      return;
    }
    instants[r] = units.second[u];
    types[r] = units.kind[u] === TableEvent.RatingStart ? TableEvent.RatingEnd : TableEvent.MarkerPaid;
    unit[r] = u;
    moved[r] = 1;
  });
  const order = sortedOrder(instants, moved);
  return {
    instants: gatherFloat64(instants, order),
    types: gatherUint8(types, order),
    unit: gatherInt32(unit, order),
  };
}
