/** Table pits data (SPEC 3.7). Games in SPEC order; limits in whole dollars. */
export const TABLE_COUNT = 100;
export const GAMES = ['Blackjack', 'Craps', 'Roulette', 'Baccarat', 'Poker', 'Pai Gow'] as const;
export const POKER = 4;
export const GAME_TABLES = [35, 20, 15, 15, 10, 5] as const;

export const PIT_ZONES = ['Main Pit', 'High Limit', 'VIP Salon', 'Poker Room', 'Asian Gaming'] as const;
export const PIT_ZONE_CODES = ['MP', 'HL', 'VI', 'PR', 'AG'] as const;
export const MAIN_PIT = 0;
export const HIGH_LIMIT = 1;
export const VIP_SALON = 2;
export const ASIAN_GAMING = 4;
/** Zone weights (over PIT_ZONES) by game. */
export const ZONE_BY_GAME: readonly (readonly number[])[] = [
  [0.7, 0.2, 0.1, 0, 0],
  [0.85, 0.15, 0, 0, 0],
  [0.75, 0.15, 0.1, 0, 0],
  [0, 0.25, 0.15, 0, 0.6],
  [0, 0, 0, 1, 0],
  [0.4, 0, 0, 0, 0.6],
];
/** (min_bet, max_bet) pairs by game; Poker holds buy-in ranges from its stakes. */
export const LIMITS: readonly (readonly (readonly [number, number])[])[] = [
  [[10, 500], [25, 1000], [100, 5000], [500, 25000]],
  [[10, 5000], [25, 10000], [100, 25000]],
  [[5, 500], [25, 2000], [100, 10000]],
  [[50, 5000], [100, 15000], [500, 100000]],
  [[100, 500], [250, 1250], [500, 2500], [2500, 12500], [10000, 50000]],
  [[25, 5000], [50, 10000], [100, 25000]],
];
export const HOUSE_EDGE = [0.005, 0.014, 0.053, 0.0106, 0.025, 0.026] as const;
export const HANDS_PER_HOUR = [60, 40, 35, 70, 30, 30] as const;
/** Per-hand result s.d. in bets (Poker has none: its noise is a share of theo). */
export const RESULT_SD = [1.15, 1.0, 1.0, 0.95, 0, 0.75] as const;
