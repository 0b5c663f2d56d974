/** Slot floor data (SPEC 3.6, 4.3). Denominations are in cents to keep money exact. */
export const MACHINE_COUNT = 500;

export const DENOMINATION_CENTS = [1, 5, 25, 100, 500, 2500, 10000] as const;
export const DENOMINATION_WEIGHTS = [0.3, 0.1, 0.25, 0.2, 0.1, 0.04, 0.01] as const;
/** Credits per play U{1..maxCredits}, by denomination. */
export const MAX_CREDITS = [300, 100, 20, 9, 9, 4, 1] as const;
/** Theoretical hold range by denomination; Video Poker uses (.04, .06) whatever the denomination. */
export const HOLD_RANGE: readonly (readonly [number, number])[] = [
  [0.1, 0.12], [0.09, 0.11], [0.07, 0.1], [0.06, 0.09], [0.05, 0.08], [0.04, 0.07], [0.04, 0.06],
];
export const VIDEO_POKER_HOLD: readonly [number, number] = [0.04, 0.06];
/** Jackpot scale S by denomination, in dollars. */
export const JACKPOT_SCALE = [300, 500, 1000, 2000, 5000, 12500, 25000] as const;

export const SLOT_ZONES = ['North', 'South', 'East', 'West', 'VIP', 'High Limit', 'Penny'] as const;
export const SLOT_ZONE_CODES = ['NTH', 'STH', 'EST', 'WST', 'VIP', 'HLM', 'PNY'] as const;
/** Zone weights (over SLOT_ZONES) by denomination index. */
export const ZONE_BY_DENOMINATION: readonly (readonly number[])[] = [
  [0.15, 0.15, 0.15, 0.15, 0, 0, 0.4],
  [0.15, 0.15, 0.15, 0.15, 0, 0, 0.4],
  [0.24, 0.24, 0.24, 0.24, 0.04, 0, 0],
  [0.24, 0.24, 0.24, 0.24, 0.04, 0, 0],
  [0.05, 0.05, 0.05, 0.05, 0.5, 0.3, 0],
  [0, 0, 0, 0, 0.3, 0.7, 0],
  [0, 0, 0, 0, 0.3, 0.7, 0],
];

export const MACHINE_TYPES = ['Video Slots', 'Mechanical Reels', 'Video Poker', 'Progressive'] as const;
export const VIDEO_POKER = 2;
export const MANUFACTURERS = ['IGT', 'Aristocrat', 'Konami', 'Scientific Games', 'Everi'] as const;
export const THEME_PREFIXES = [
  'Desert', 'Ocean', 'Mystic', 'Royal', 'Jungle', 'Crystal', 'Thunder', 'Phoenix', 'Emerald', 'Lotus', 'Aztec',
  'Viking', 'Galaxy', 'Sunset', 'Tiger', 'Panda', 'Pirate', 'Safari', 'Carnival', 'Treasure',
] as const;
export const THEME_SUFFIXES = ['Fortune', 'Riches', 'Gold', 'Diamond', 'Wild', 'Bonus'] as const;

/** The legacy paytable: multipliers and their weights (SPEC 4.3). */
export const PAYTABLE_MULTIPLIERS = [0, 0.5, 1, 2, 5, 10, 50, 100] as const;
export const PAYTABLE_WEIGHTS = [0.3, 0.25, 0.2, 0.12, 0.08, 0.03, 0.015, 0.005] as const;
