/** Table pits (SPEC 3.7): 100 tables ordered by zone then game, with limits and shift dealers. */
import { GAMES, GAME_TABLES, HIGH_LIMIT, LIMITS, MAIN_PIT, PIT_ZONE_CODES, POKER, VIP_SALON, ZONE_BY_GAME } from '../data/pits';
import { assignApportioned, uniformPick, type Rng } from '../rng';
import { pad } from './ids';

export interface GameTable {
  readonly id: string;
  /** 1..100 in table order. */
  readonly number: number;
  readonly game: number;
  readonly zone: number;
  readonly minBet: number;
  readonly maxBet: number;
}

/** Builds the tables; `rng` is the pits stream. */
export function buildTables(rng: Rng): GameTable[] {
  const drafts: { game: number; zone: number }[] = [];
  GAMES.forEach((_, g) => {
    const zones = assignApportioned(rng, GAME_TABLES[g], ZONE_BY_GAME[g]);
    for (const zone of zones) drafts.push({ game: g, zone });
  });
  // Stable order: zone (MP, HL, VI, PR, AG), then game; within a pair the apportioned order.
  drafts.sort((a, b) => a.zone - b.zone || a.game - b.game);
  const perZone = new Array<number>(PIT_ZONE_CODES.length).fill(0);
  return drafts.map((d, i) => {
    const [minBet, maxBet] = pickLimits(rng, d.game, d.zone);
    return { id: `TBL-${PIT_ZONE_CODES[d.zone]}-${pad(++perZone[d.zone], 3)}`, number: i + 1, game: d.game, zone: d.zone, minBet, maxBet };
  });
}

/** High Limit and VIP Salon take the highest pair; Main Pit one of the others; elsewhere any (SPEC 3.7). */
function pickLimits(rng: Rng, game: number, zone: number): readonly [number, number] {
  const pairs = LIMITS[game];
  if (game === POKER) return pairs[uniformPick(rng, pairs.length)];
  if (zone === HIGH_LIMIT || zone === VIP_SALON) return pairs[pairs.length - 1];
  if (zone === MAIN_PIT) return pairs[uniformPick(rng, pairs.length - 1)];
  return pairs[uniformPick(rng, pairs.length)];
}

/**
 * The dealer of each (table, gaming day, shift), drawn from the dealers certified for the game,
 * day by day from the pits stream: index ((day − firstDay) × 3 + shift) × 100 + table.
 */
export function assignDealers(rng: Rng, tables: readonly GameTable[], certified: readonly (readonly number[])[], days: number): Uint16Array {
  const out = new Uint16Array(days * 3 * tables.length);
  let k = 0;
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < 3; s++) {
      for (const t of tables) {
        const pool = certified[t.game];
        out[k++] = pool[uniformPick(rng, pool.length)];
      }
    }
  }
  return out;
}
