import { describe, expect, it } from 'vitest';
import { openStream, round, uniformPick } from '../rng';
import { findJurisdiction, type Jurisdiction, type W2gGameType } from '../scenario/jurisdictions';
import { GENERATED_WINS, drawWin, isReportable, tableGamePairs, withholding } from './w2g';

const US2025 = findJurisdiction('US-2025')!;
const US2026 = findJurisdiction('US-2026')!;
const PRESETS = [US2025, US2026];
const DRAWN_GAMES: W2gGameType[] = ['Keno', 'Bingo', 'Poker Tournament', 'Table Games'];

/** A preset with one value changed, as a custom preset would (SPEC 2.4 "A custom preset may change any value"). */
const withState = (rate: number): Jurisdiction => ({ ...US2025, state_withholding_rate: rate });

describe('10.1 reportable wins', () => {
  it('10.1 Slots, Video Poker and Bingo: gross jackpot ≥ threshold (1,200 in US-2025, 2,000 in US-2026)', () => {
    for (const game of ['Slots', 'Video Poker', 'Bingo'] as const) {
      expect(isReportable(US2025, game, 120_000, 500)).toBe(true); // $1,200.00 = threshold
      expect(isReportable(US2025, game, 119_999, 500)).toBe(false); // $1,199.99
      expect(isReportable(US2026, game, 199_999, 500)).toBe(false); // $1,999.99
      expect(isReportable(US2026, game, 200_000, 500)).toBe(true); // $2,000.00
    }
    // Gross: a $50 bingo card does not reduce the $1,200.00 jackpot.
    expect(isReportable(US2025, 'Bingo', 120_000, 5_000)).toBe(true);
  });

  it('10.1 Keno: jackpot − wager ≥ threshold (1,500 / 2,000)', () => {
    expect(isReportable(US2025, 'Keno', 150_500, 500)).toBe(true); // 1,505 − 5 = 1,500
    expect(isReportable(US2025, 'Keno', 150_499, 500)).toBe(false); // 1,504.99 − 5 = 1,499.99
    expect(isReportable(US2026, 'Keno', 200_500, 500)).toBe(true); // 2,005 − 5 = 2,000
    expect(isReportable(US2026, 'Keno', 200_499, 500)).toBe(false);
  });

  it('10.1 Poker Tournament: jackpot − buy-in more than 5,000', () => {
    for (const j of PRESETS) {
      expect(isReportable(j, 'Poker Tournament', 510_000, 10_000)).toBe(false); // 5,100 − 100 = 5,000: not more
      expect(isReportable(j, 'Poker Tournament', 510_001, 10_000)).toBe(true); // 5,000.01
    }
  });

  it('10.1 Table Games: jackpot ≥ 600 and jackpot ≥ 300 × wager', () => {
    for (const j of PRESETS) {
      expect(isReportable(j, 'Table Games', 60_000, 200)).toBe(true); // 600 ≥ 600 and 600 ≥ 300 × 2
      expect(isReportable(j, 'Table Games', 60_000, 201)).toBe(false); // 600 < 300 × 2.01 = 603
      expect(isReportable(j, 'Table Games', 59_999, 100)).toBe(false); // 599.99 < 600
      expect(isReportable(j, 'Table Games', 1_000_000, 2_500)).toBe(true); // 10,000 ≥ 300 × 25 = 7,500
    }
  });

  it('rejects money that is not whole cents', () => {
    expect(() => isReportable(US2025, 'Slots', 1200.5, 0)).toThrow(RangeError);
    expect(() => isReportable(US2025, 'Slots', 120_000, -1)).toThrow(RangeError);
  });
});

describe('10.3 withholding', () => {
  it('10.3 backup withholding on gross for slots when no TIN', () => {
    // 1,234.56 × 0.24 = 296.2944 → 296.29
    expect(withholding(US2025, 'Slots', 123_456, 500, false)).toEqual({
      kind: 'backup', rate: 0.24, baseCents: 123_456, amountCents: 29_629,
    });
    // 1,200.00 × 0.24 = 288.00
    expect(withholding(US2025, 'Video Poker', 120_000, 125, false).amountCents).toBe(28_800);
  });

  it('10.3 nothing withheld from a slot win when the player has a TIN', () => {
    expect(withholding(US2025, 'Slots', 123_456, 500, true)).toEqual({ kind: 'none', rate: 0, baseCents: 0, amountCents: 0 });
  });

  it('10.3 backup withholding on gross for bingo, not net of the card', () => {
    // 1,500.00 × 0.24 = 360.00 (net would give 1,450 × 0.24 = 348.00)
    expect(withholding(US2025, 'Bingo', 150_000, 5_000, false)).toMatchObject({ baseCents: 150_000, amountCents: 36_000 });
  });

  it('10.3 backup withholding on jackpot − wager for keno', () => {
    // (1,505 − 5) × 0.24 = 360.00
    expect(withholding(US2025, 'Keno', 150_500, 500, false)).toMatchObject({ kind: 'backup', baseCents: 150_000, amountCents: 36_000 });
    expect(withholding(US2025, 'Keno', 150_500, 500, true).kind).toBe('none');
  });

  it('10.3 backup withholding on jackpot − wager for table games at or under 5,000 net', () => {
    // $1 at 1,000 to 1: (1,000 − 1) × 0.24 = 239.76
    expect(withholding(US2025, 'Table Games', 100_000, 100, false)).toMatchObject({ kind: 'backup', baseCents: 99_900, amountCents: 23_976 });
    // net exactly 5,000.00 is not "more than 5,000": backup 5,000 × 0.24 = 1,200.00, none with a TIN
    expect(withholding(US2025, 'Table Games', 500_500, 500, false)).toMatchObject({ kind: 'backup', amountCents: 120_000 });
    expect(withholding(US2025, 'Table Games', 500_500, 500, true).kind).toBe('none');
  });

  it('10.3 regular withholding for table games when net > 5,000, TIN or not', () => {
    // $25 at 300 to 1 = 7,500: (7,500 − 25) × 0.24 = 1,794.00
    for (const hasTin of [true, false]) {
      expect(withholding(US2025, 'Table Games', 750_000, 2_500, hasTin)).toEqual({
        kind: 'regular', rate: 0.24, baseCents: 747_500, amountCents: 179_400,
      });
    }
  });

  it('10.3 regular withholding for poker tournaments on the win net of the buy-in', () => {
    // (5,101 − 100) × 0.24 = 1,200.24
    expect(withholding(US2026, 'Poker Tournament', 510_100, 10_000, true)).toEqual({
      kind: 'regular', rate: 0.24, baseCents: 500_100, amountCents: 120_024,
    });
  });

  it('10.3 the state rate is added only where regular withholding applies', () => {
    const j = withState(0.05);
    // 5,001 × 0.29 = 1,450.29
    expect(withholding(j, 'Poker Tournament', 510_100, 10_000, true)).toMatchObject({ rate: 0.29, amountCents: 145_029 });
    // backup stays 0.24: 1,234.56 × 0.24 = 296.29
    expect(withholding(j, 'Slots', 123_456, 0, false)).toMatchObject({ rate: 0.24, amountCents: 29_629 });
  });

  it('SPEC 1 round(base × rate, 2) is applied to the computed double', () => {
    // 5,004.50 × 0.29 is 1,451.305 exactly, but the double is 1,451.3049999…, so round(·, 2) = 1,451.30.
    const w = withholding(withState(0.05), 'Poker Tournament', 510_450, 10_000, false);
    expect(w).toMatchObject({ kind: 'regular', baseCents: 500_450, amountCents: 145_130 });
    expect(w.amountCents).toBe(round(5004.5 * 0.29, 2) * 100);
  });

  it('10.3 a tournament win below the regular threshold takes backup on its net (custom preset)', () => {
    // Tournament threshold lowered to more than 3,000: a 4,000 net win is reportable but not regular.
    const j: Jurisdiction = { ...US2025, w2g: { ...US2025.w2g, 'Poker Tournament': { ...US2025.w2g['Poker Tournament'], threshold: 3_000 } } };
    // (4,100 − 100) × 0.24 = 960.00
    expect(withholding(j, 'Poker Tournament', 410_000, 10_000, false)).toMatchObject({ kind: 'backup', baseCents: 400_000, amountCents: 96_000 });
  });

  it('10.3 only a reportable win has withholding', () => {
    expect(() => withholding(US2025, 'Slots', 119_999, 100, false)).toThrow(/not reportable/);
  });
});

describe('10.1 generated wins', () => {
  it('10.1 Table Games pairs: wager × odds ≥ 600, 22 of the 24', () => {
    for (const j of PRESETS) {
      const pairs = tableGamePairs(j);
      expect(pairs).toHaveLength(22);
      expect(pairs.filter((p) => p.wager === 1).map((p) => p.odds)).toEqual([1_000, 2_000, 5_000, 10_000]);
      expect(pairs.every((p) => p.wager * p.odds >= 600)).toBe(true);
    }
  });

  it('10.1 every generated Keno, Bingo, Poker Tournament and Table Games win is reportable (US-2025, US-2026)', () => {
    for (const j of PRESETS) {
      for (const game of DRAWN_GAMES) {
        for (let seed = 0; seed < 100; seed++) {
          const rng = openStream(seed, 'test', 'w2g', 0);
          for (let k = 0; k < 50; k++) {
            const { wagerCents, jackpotCents } = drawWin(j, game, rng);
            expect(isReportable(j, game, jackpotCents, wagerCents)).toBe(true);
          }
        }
      }
    }
  });

  it('10.1 generated wins stay in their SPEC ranges, whole dollars', () => {
    for (const j of PRESETS) {
      const rng = openStream(7, 'test', 'w2g', 1);
      const pairsSeen = new Set<string>();
      for (let k = 0; k < 3_000; k++) {
        const keno = drawWin(j, 'Keno', rng);
        const kenoNet = (keno.jackpotCents - keno.wagerCents) / 100;
        expect(GENERATED_WINS.kenoWagers).toContain(keno.wagerCents / 100);
        expect(Number.isInteger(kenoNet) && kenoNet >= j.w2g.Keno.threshold && kenoNet <= 20 * j.w2g.Keno.threshold).toBe(true);

        const bingo = drawWin(j, 'Bingo', rng);
        expect(GENERATED_WINS.bingoWagers).toContain(bingo.wagerCents / 100);
        const bingoWin = bingo.jackpotCents / 100;
        expect(Number.isInteger(bingoWin) && bingoWin >= j.w2g.Bingo.threshold && bingoWin <= 10 * j.w2g.Bingo.threshold).toBe(true);

        const poker = drawWin(j, 'Poker Tournament', rng);
        const pokerNet = (poker.jackpotCents - poker.wagerCents) / 100;
        expect(GENERATED_WINS.tournamentBuyIns).toContain(poker.wagerCents / 100);
        expect(Number.isInteger(pokerNet) && pokerNet >= 5_001 && pokerNet <= 200_000).toBe(true);

        const table = drawWin(j, 'Table Games', rng);
        const odds = table.jackpotCents / table.wagerCents;
        expect(GENERATED_WINS.tableOdds).toContain(odds);
        pairsSeen.add(`${table.wagerCents / 100}x${odds}`);
      }
      expect(pairsSeen.size).toBe(22);
    }
  });

  it('10.1 draw order: wager first (uniform of the list), then one LU; table games one uniform of the pairs', () => {
    const a = openStream(42, 'test', 'w2g-order', 0);
    const b = openStream(42, 'test', 'w2g-order', 0);
    const keno = drawWin(US2025, 'Keno', a);
    const kenoWager = [1, 2, 5, 10, 20][uniformPick(b, 5)];
    expect(keno).toEqual({ wagerCents: kenoWager * 100, jackpotCents: (kenoWager + round(b.logUniform(1_500, 30_000))) * 100 });

    const bingo = drawWin(US2026, 'Bingo', a);
    const bingoWager = [5, 10, 20, 50][uniformPick(b, 4)];
    expect(bingo).toEqual({ wagerCents: bingoWager * 100, jackpotCents: round(b.logUniform(2_000, 20_000)) * 100 });

    const poker = drawWin(US2025, 'Poker Tournament', a);
    const buyIn = [100, 250, 500, 1_000, 2_500, 5_000, 10_000][uniformPick(b, 7)];
    expect(poker).toEqual({ wagerCents: buyIn * 100, jackpotCents: (buyIn + round(b.logUniform(5_001, 200_000))) * 100 });

    const table = drawWin(US2025, 'Table Games', a);
    const pair = tableGamePairs(US2025)[uniformPick(b, 22)];
    expect(table).toEqual({ wagerCents: pair.wager * 100, jackpotCents: pair.wager * pair.odds * 100 });

    expect(a.nextU32()).toBe(b.nextU32()); // both streams consumed exactly the same outputs
  });

  it('10.1 slot and video poker wins are the planned jackpots, never drawn here', () => {
    const rng = openStream(1, 'test', 'w2g', 0);
    expect(() => drawWin(US2025, 'Slots', rng)).toThrow(/4\.3/);
    expect(() => drawWin(US2025, 'Video Poker', rng)).toThrow(/4\.3/);
  });
});
