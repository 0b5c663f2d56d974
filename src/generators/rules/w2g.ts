/**
 * W-2G rules (SPEC 10.1, 10.3): when a win is reportable, what is withheld from it, and how the wins of the games
 * without a slot floor (Keno, Bingo, Poker Tournament, Table Games) are drawn. Thresholds and rates come from the
 * jurisdiction preset (SPEC 2.4); money is integer cents throughout (a column stores cents / 100).
 *
 * @example
 * const j = findJurisdiction('US-2025')!;
 * isReportable(j, 'Slots', 120_000, 500); // true: $1,200.00 gross reaches the $1,200 threshold
 * withholding(j, 'Slots', 120_000, 500, false); // backup: rate 0.24, amountCents 28_800
 */
import { round, toCents, uniformPick, type Rng } from '../rng';
import type { Jurisdiction, W2gGameType, W2gRule } from '../scenario/jurisdictions';

function assertCents(name: string, cents: number): void {
  if (!Number.isSafeInteger(cents) || cents < 0) {
    throw new RangeError(`${name} must be whole cents >= 0 (got ${cents})`);
  }
}

/** The amount a game's rule compares with its threshold: the jackpot (`gross`) or jackpot − wager (`net`). */
export function thresholdAmountCents(rule: W2gRule, jackpotCents: number, wagerCents: number): number {
  return rule.basis === 'gross' ? jackpotCents : jackpotCents - wagerCents;
}

/**
 * Whether a win is reportable on a W-2G (SPEC 10.1), from the preset's rule for the game: Slots / Video Poker /
 * Bingo gross ≥ threshold; Keno jackpot − wager ≥ threshold; Poker Tournament jackpot − buy-in > threshold;
 * Table Games jackpot ≥ threshold and jackpot ≥ min_win_to_wager × wager.
 *
 * @example isReportable(us2025, 'Poker Tournament', 510_000, 10_000) // false: net $5,000.00 is not more than $5,000
 */
export function isReportable(j: Jurisdiction, game: W2gGameType, jackpotCents: number, wagerCents: number): boolean {
  assertCents('jackpotCents', jackpotCents);
  assertCents('wagerCents', wagerCents);
  const rule = j.w2g[game];
  const amount = thresholdAmountCents(rule, jackpotCents, wagerCents);
  const threshold = toCents(rule.threshold);
  const passes = rule.comparison === 'at_least' ? amount >= threshold : amount > threshold;
  return passes && (rule.min_win_to_wager === null || jackpotCents >= rule.min_win_to_wager * wagerCents);
}

/**
 * The base of backup withholding, "the reportable amount" of SPEC 10.3: gross for Slots, Video Poker and Bingo;
 * jackpot − wager for Keno and Table Games. Poker Tournament is not named there; its reportable amount under 10.1 is
 * the win net of the buy-in, so that is its base. Under US-2025 and US-2026 a reportable tournament win always takes
 * regular withholding, so the tournament entry only matters for a preset whose tournament threshold is below
 * `regular_withholding.net_more_than`. This is form law, the same in every preset, hence a constant here.
 */
export const BACKUP_WITHHOLDING_BASIS: Readonly<Record<W2gGameType, 'gross' | 'net'>> = {
  Slots: 'gross',
  'Video Poker': 'gross',
  Keno: 'net',
  Bingo: 'gross',
  'Poker Tournament': 'net',
  'Table Games': 'net',
};

/** Withholding on one W-2G (SPEC 10.3). */
export interface Withholding {
  readonly kind: 'regular' | 'backup' | 'none';
  /** withholding_rate: a fraction rounded to 4 dp (0.24); 0 when nothing is withheld. */
  readonly rate: number;
  /** The amount the rate applies to, in cents; 0 when nothing is withheld. */
  readonly baseCents: number;
  /** withholding_amount in cents: round(base × rate, 2) on the dollar double, as SPEC 1 "round" says. */
  readonly amountCents: number;
}

function withheld(kind: 'regular' | 'backup', rate: number, baseCents: number): Withholding {
  // round(x, 2) on the computed double (SPEC 1), not an exact integer half-up: the two differ at a few exact halves
  // (a base of $5,004.50 at 0.29 gives 1,451.30 here, 1,451.31 in exact arithmetic).
  return { kind, rate, baseCents, amountCents: toCents(round((baseCents / 100) * rate, 2)) };
}

/**
 * Withholding on a reportable win (SPEC 10.3). Regular: a game of `regular_withholding.games` whose jackpot − wager
 * is more than `net_more_than` pays rate = round(federal + state, 4) on jackpot − wager. Backup: otherwise, when the
 * player has no TIN (ssn_hash null), `backup_withholding_rate` on BACKUP_WITHHOLDING_BASIS (no state part).
 * Otherwise rate 0, amount 0. Throws for a win that is not reportable: only a W-2G carries withholding.
 *
 * @example withholding(us2025, 'Poker Tournament', 510_100, 10_000, true) // regular 0.24 × $5,001.00 → 120_024
 */
export function withholding(
  j: Jurisdiction,
  game: W2gGameType,
  jackpotCents: number,
  wagerCents: number,
  hasTin: boolean,
): Withholding {
  if (!isReportable(j, game, jackpotCents, wagerCents)) {
    throw new RangeError(`a ${game} win of ${jackpotCents} cents on ${wagerCents} is not reportable (SPEC 10.1)`);
  }
  const net = jackpotCents - wagerCents;
  const regular = j.regular_withholding;
  if (regular.games.includes(game) && net > toCents(regular.net_more_than)) {
    return withheld('regular', round(regular.rate + j.state_withholding_rate, 4), net);
  }
  if (!hasTin) {
    const base = BACKUP_WITHHOLDING_BASIS[game] === 'gross' ? jackpotCents : net;
    return withheld('backup', round(j.backup_withholding_rate, 4), base);
  }
  return { kind: 'none', rate: 0, baseCents: 0, amountCents: 0 };
}

/** The lists and bounds of SPEC 10.1 "Generated wins", in whole dollars (game parameters, not jurisdiction ones). */
export const GENERATED_WINS = {
  kenoWagers: [1, 2, 5, 10, 20],
  /** Keno win net of the wager: LU(threshold, 20 × threshold). */
  kenoSpan: 20,
  bingoWagers: [5, 10, 20, 50],
  /** Bingo jackpot: LU(threshold, 10 × threshold). */
  bingoSpan: 10,
  tournamentBuyIns: [100, 250, 500, 1_000, 2_500, 5_000, 10_000],
  /** Tournament win net of the buy-in: LU(5,001, 200,000); 5,001 is the lowest whole-dollar win above 5,000. */
  tournamentNetMax: 200_000,
  tableWagers: [1, 5, 10, 25],
  tableOdds: [300, 500, 1_000, 2_000, 5_000, 10_000],
} as const;

/** The lowest whole-dollar amount that passes a rule's threshold: the threshold (`at_least`) or threshold + 1. */
function lowestWholeDollarWin(rule: W2gRule): number {
  return rule.comparison === 'at_least' ? Math.ceil(rule.threshold) : Math.floor(rule.threshold) + 1;
}

/** A drawn win: the wager (buy-in for a tournament) and the gross jackpot, in cents. */
export interface DrawnWin {
  readonly wagerCents: number;
  readonly jackpotCents: number;
}

/**
 * The (wager, odds) pairs a Table Games win draws from: wager-major, odds in listed order, kept when
 * wager × odds is reportable (SPEC 10.1: wager × odds ≥ 600, and odds ≥ 300 meets the 300 × wager rule).
 * Under both presets: 4 pairs for a $1 wager (odds 1,000 and up), 6 each for $5, $10, $25: 22 pairs.
 */
export function tableGamePairs(j: Jurisdiction): { wager: number; odds: number }[] {
  const pairs: { wager: number; odds: number }[] = [];
  for (const wager of GENERATED_WINS.tableWagers) {
    for (const odds of GENERATED_WINS.tableOdds) {
      if (isReportable(j, 'Table Games', toCents(wager * odds), toCents(wager))) pairs.push({ wager, odds });
    }
  }
  return pairs;
}

/** Wager then net/gross: two draws of one U(0,1) each (four outputs). */
function drawWagerAndAmount(rng: Rng, wagers: readonly number[], lo: number, hi: number): [number, number] {
  const wager = wagers[uniformPick(rng, wagers.length)];
  return [wager, round(rng.logUniform(lo, hi))];
}

function drawDollars(j: Jurisdiction, game: W2gGameType, rng: Rng): [number, number] {
  const rule = j.w2g[game];
  switch (game) {
    case 'Keno': {
      const [wager, net] = drawWagerAndAmount(rng, GENERATED_WINS.kenoWagers, lowestWholeDollarWin(rule),
        GENERATED_WINS.kenoSpan * rule.threshold);
      return [wager, wager + net];
    }
    case 'Bingo':
      return drawWagerAndAmount(rng, GENERATED_WINS.bingoWagers, lowestWholeDollarWin(rule),
        GENERATED_WINS.bingoSpan * rule.threshold);
    case 'Poker Tournament': {
      const [buyIn, net] = drawWagerAndAmount(rng, GENERATED_WINS.tournamentBuyIns, lowestWholeDollarWin(rule),
        GENERATED_WINS.tournamentNetMax);
      return [buyIn, buyIn + net];
    }
    case 'Table Games': {
      const pairs = tableGamePairs(j);
      const { wager, odds } = pairs[uniformPick(rng, pairs.length)];
      return [wager, wager * odds];
    }
    default:
      throw new RangeError(`${game} wins are the planned slot jackpots of SPEC 4.3, not drawn here`);
  }
}

/**
 * Draws a reportable win for Keno, Bingo, Poker Tournament or Table Games (SPEC 10.1 "Generated wins"). Draw order,
 * all from `rng`:
 * - Keno: wager = uniform of 1/2/5/10/20, then net = round(LU(threshold, 20 × threshold)); jackpot = wager + net.
 * - Bingo: wager = uniform of 5/10/20/50, then jackpot = round(LU(threshold, 10 × threshold)).
 * - Poker Tournament: buy-in = uniform of 100…10,000, then net = round(LU(5,001, 200,000)); jackpot = buy-in + net.
 * - Table Games: one uniform of the pairs of `tableGamePairs(j)`; jackpot = wager × odds.
 * Each "uniform of" and each LU is one U(0,1), i.e. two outputs. For a `more_than` rule the LU starts at
 * threshold + 1 (so 5,001 for tournaments). Slots and Video Poker throw: their wins are the planned jackpots (4.3).
 *
 * @example drawWin(us2025, 'Keno', rng) // e.g. { wagerCents: 500, jackpotCents: 352_300 }
 */
export function drawWin(j: Jurisdiction, game: W2gGameType, rng: Rng): DrawnWin {
  const [wager, jackpot] = drawDollars(j, game, rng);
  const win = { wagerCents: toCents(wager), jackpotCents: toCents(jackpot) };
  // Rounding a log-uniform draw that starts at a whole-dollar threshold lands on or above it; this guards presets.
  if (!isReportable(j, game, win.jackpotCents, win.wagerCents)) {
    throw new RangeError(`drew a ${game} win that is not reportable under ${j.id}: ${jackpot} on ${wager}`);
  }
  return win;
}
