import { describe, expect, it } from 'vitest';
import { DAY_US, HOUR_US, MINUTE_US, SECOND_US, toDayNumber } from '../scenario/instant';
import { findJurisdiction } from '../scenario/jurisdictions';
import { SAR_CATEGORIES, SAR_CATEGORY_SENTENCES, SAR_CATEGORY_WEIGHTS, sarNarrative, type SarTransaction } from './sar-narrative';

const US2025 = findJurisdiction('US-2025')!;
const NOV3 = toDayNumber(2026, 11, 3);
const at = (day: number, h: number, m: number, s = 0): number => day * DAY_US + h * HOUR_US + m * MINUTE_US + s * SECOND_US;

const EXAMPLE =
  'Between 2026-11-03 21:14 and 2026-11-04 01:02 UTC (gaming day 2026-11-03), patron P004211 made 3 cash-in ' +
  'transactions at the cage totalling $28,412.55 (each under $10,000: $9,510.20, $9,402.35, $9,500.00). The pattern ' +
  'suggests structuring to avoid currency reporting.';

/** The facts of the SPEC 9.3 example: three CASH_IN rows; the last at 01:02:59.999999 still belongs to 2026-11-03. */
const RUN: SarTransaction[] = [
  { timestamp: at(NOV3, 23, 40, 12), amountCents: 940_235, type: 'CASH_IN' },
  { timestamp: at(NOV3 + 1, 1, 2, 59) + 999_999, amountCents: 950_000, type: 'CASH_IN' },
  { timestamp: at(NOV3, 21, 14, 30), amountCents: 951_020, type: 'CASH_IN' },
];

describe('9.3 SAR narrative', () => {
  it('9.3 reproduces the Structuring example byte for byte from its facts', () => {
    // 9,510.20 + 9,402.35 + 9,500.00 = 28,412.55; amounts in time order; minutes truncated, not rounded.
    expect(sarNarrative({ category: 'Structuring', playerId: 'P004211', transactions: RUN, gamingDay: NOV3 }, US2025)).toBe(EXAMPLE);
  });

  it('9.3 every category has one distinct sentence; the ten categories and weights are those of 9.3', () => {
    expect(SAR_CATEGORIES).toHaveLength(10);
    expect(SAR_CATEGORY_WEIGHTS.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(new Set(SAR_CATEGORIES.map((c) => SAR_CATEGORY_SENTENCES[c])).size).toBe(10);
  });

  it('I34 every narrative has ≥ 100 characters and names the player, first and last dates, count and total', () => {
    const two: SarTransaction[] = [
      { timestamp: at(NOV3, 7, 0), amountCents: 300_000, type: 'CHIP_PURCHASE' },
      { timestamp: at(NOV3, 7, 5), amountCents: 200_000, type: 'CHIP_PURCHASE' },
    ];
    for (const category of SAR_CATEGORIES) {
      const text = sarNarrative({ category, playerId: 'P000001', transactions: two, gamingDay: NOV3 }, US2025);
      expect(text.length).toBeGreaterThanOrEqual(100);
      for (const fact of ['P000001', '2026-11-03 07:00', '2026-11-03 07:05', 'made 2 chip purchase transactions', '$5,000.00']) {
        expect(text).toContain(fact);
      }
      expect(text.endsWith(SAR_CATEGORY_SENTENCES[category])).toBe(true);
    }
  });

  it('9.3 mixed types list each amount with its type, over several gaming days', () => {
    const wires: SarTransaction[] = [
      { timestamp: at(NOV3 + 2, 10, 0), amountCents: 12_345_678, type: 'WIRE_TRANSFER_OUT' },
      { timestamp: at(NOV3, 15, 30), amountCents: 12_500_000, type: 'WIRE_TRANSFER_IN' },
    ];
    expect(sarNarrative({ category: 'Wire Transfer Anomaly', playerId: 'P000077', transactions: wires, gamingDay: NOV3 }, US2025)).toBe(
      'Between 2026-11-03 15:30 and 2026-11-05 10:00 UTC (gaming days 2026-11-03 to 2026-11-05), patron P000077 made 2 ' +
        'transactions at the cage totalling $248,456.78 (incoming wire $125,000.00, outgoing wire $123,456.78). ' +
        SAR_CATEGORY_SENTENCES['Wire Transfer Anomaly'],
    );
  });

  it('9.3 the "each under" clause is written for Structuring only, and only when true', () => {
    const facts = { playerId: 'P000002', transactions: RUN, gamingDay: NOV3 };
    expect(sarNarrative({ ...facts, category: 'Counterfeit Currency' }, US2025)).toContain('($9,510.20, $9,402.35, $9,500.00)');
    const over = [...RUN, { timestamp: at(NOV3, 22, 0), amountCents: 1_000_000, type: 'CASH_IN' }];
    expect(sarNarrative({ ...facts, transactions: over, category: 'Structuring' }, US2025)).not.toContain('each under');
  });

  it('9.3 one transaction reads "At <time> UTC"', () => {
    const one: SarTransaction[] = [{ timestamp: at(NOV3, 12, 0), amountCents: 500_000, type: 'MARKER_ISSUE' }];
    expect(sarNarrative({ category: 'Credit Abuse', playerId: 'P000003', transactions: one, gamingDay: NOV3 }, US2025)).toMatch(
      /^At 2026-11-03 12:00 UTC \(gaming day 2026-11-03\), patron P000003 made 1 marker issue transaction at the cage totalling \$5,000\.00 \(\$5,000\.00\)\. /,
    );
  });

  it('9.1 suspicious_activity_date must be the gaming day of the first transaction (06:00 cut-off)', () => {
    const early: SarTransaction[] = [{ timestamp: at(NOV3, 5, 59), amountCents: 500_000, type: 'CASH_IN' }];
    expect(() => sarNarrative({ category: 'Other Suspicious Activity', playerId: 'P1', transactions: early, gamingDay: NOV3 }, US2025)).toThrow(RangeError);
    expect(() => sarNarrative({ category: 'Other Suspicious Activity', playerId: 'P1', transactions: [], gamingDay: NOV3 }, US2025)).toThrow(RangeError);
  });
});
