/** W-2G game types (SPEC 3.10, 10.1). */
export const W2G_GAME_TYPES = ['Slots', 'Video Poker', 'Keno', 'Bingo', 'Poker Tournament', 'Table Games'] as const;
export type W2gGameType = (typeof W2G_GAME_TYPES)[number];

/** When a win is reportable on a W-2G (SPEC 10.1). Money in dollars. */
export interface W2gRule {
  /** `gross`: the jackpot itself; `net`: jackpot − wager (the buy-in for Poker Tournament). */
  readonly basis: 'gross' | 'net';
  /** `at_least`: reportable when the amount ≥ threshold; `more_than`: when it is > threshold. */
  readonly comparison: 'at_least' | 'more_than';
  readonly threshold: number;
  /** The win must also be at least this multiple of the wager (Table Games: 300); null when there is none. */
  readonly min_win_to_wager: number | null;
}

/** Regular federal withholding on W-2G wins (SPEC 10.3). */
export interface RegularWithholding {
  readonly rate: number;
  /** Applies when the win net of the wager is more than this amount... */
  readonly net_more_than: number;
  /** ...for these game types only (never Keno, Bingo or slots: IRS Pub. 505). */
  readonly games: readonly W2gGameType[];
}

/** A jurisdiction preset: every threshold and rate the rules use (SPEC 2.4). Money in dollars. */
export interface Jurisdiction {
  readonly id: string;
  /** Shown next to the id; the 2026 values must be verified before relying on them. */
  readonly note: string;
  readonly w2g: Readonly<Record<W2gGameType, W2gRule>>;
  readonly regular_withholding: RegularWithholding;
  /** Backup withholding rate on the reportable amount when the patron gave no TIN (SPEC 10.3). */
  readonly backup_withholding_rate: number;
  /** Added to the federal rate only where regular withholding applies. */
  readonly state_withholding_rate: number;
  /** A CTR is due when counted cash in, or out, per patron per gaming day is more than this (SPEC 10.2). */
  readonly ctr_threshold: number;
  /** Gaming days start at this UTC hour (SPEC 1). */
  readonly gaming_day_cutoff_hour: number;
  /** Days after the gaming day (SPEC 10.4). */
  readonly ctr_deadline_days: number;
  /** Days after detection (SPEC 10.4). */
  readonly sar_deadline_days: number;
  readonly sar_minimum: number;
  readonly id_recorded_at: number;
  readonly supervisor_signoff_at: number;
}

const gross = (threshold: number): W2gRule => ({
  basis: 'gross',
  comparison: 'at_least',
  threshold,
  min_win_to_wager: null,
});

/** Builds a preset from the two values that differ between 2025 and 2026 (SPEC 2.4). */
function buildJurisdiction(id: string, note: string, slotThreshold: number, kenoThreshold: number): Jurisdiction {
  return {
    id,
    note,
    w2g: {
      Slots: gross(slotThreshold),
      'Video Poker': gross(slotThreshold),
      Keno: { basis: 'net', comparison: 'at_least', threshold: kenoThreshold, min_win_to_wager: null },
      Bingo: gross(slotThreshold),
      'Poker Tournament': { basis: 'net', comparison: 'more_than', threshold: 5_000, min_win_to_wager: null },
      'Table Games': { basis: 'gross', comparison: 'at_least', threshold: 600, min_win_to_wager: 300 },
    },
    regular_withholding: { rate: 0.24, net_more_than: 5_000, games: ['Poker Tournament', 'Table Games'] },
    backup_withholding_rate: 0.24,
    state_withholding_rate: 0,
    ctr_threshold: 10_000,
    gaming_day_cutoff_hour: 6,
    ctr_deadline_days: 15,
    sar_deadline_days: 30,
    sar_minimum: 5_000,
    id_recorded_at: 3_000,
    supervisor_signoff_at: 5_000,
  };
}

/** The jurisdiction presets of SPEC 2.4, default first. */
export const JURISDICTIONS: readonly Jurisdiction[] = [
  buildJurisdiction('US-2025', 'current IRS thresholds (default)', 1_200, 1_500),
  buildJurisdiction('US-2026', 'verify before relying on it', 2_000, 2_000),
];

export const DEFAULT_JURISDICTION_ID = 'US-2025';
export const JURISDICTION_IDS: readonly string[] = JURISDICTIONS.map((j) => j.id);

/** Looks a preset up by its exact id, e.g. `findJurisdiction('US-2026')?.w2g.Keno.threshold === 2000`. */
export function findJurisdiction(id: string): Jurisdiction | undefined {
  return JURISDICTIONS.find((j) => j.id === id);
}
