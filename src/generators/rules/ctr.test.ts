import { describe, expect, it } from 'vitest';
import { findJurisdiction } from '../scenario/jurisdictions';
import { CASH_IN_TYPES, CASH_OUT_TYPES, ctrTriggerInstant, exceedsCtr, isCountedCash, sumCountedCash } from './ctr';

const US2025 = findJurisdiction('US-2025')!;
const US2026 = findJurisdiction('US-2026')!;

describe('10.2 counted cash', () => {
  it('10.2 the counted types are those of the I31 query, in its order', () => {
    expect(CASH_IN_TYPES).toEqual(['CASH_IN', 'CHIP_PURCHASE', 'FRONT_MONEY_DEPOSIT', 'SAFEKEEPING_DEPOSIT', 'MARKER_PAYMENT']);
    expect(CASH_OUT_TYPES).toEqual(['CASH_OUT', 'CHIP_REDEMPTION', 'FRONT_MONEY_WITHDRAWAL', 'SAFEKEEPING_WITHDRAWAL', 'CHECK_CASHING']);
  });

  it('10.2 counted cash = payment_method Cash and a cash-in or cash-out type', () => {
    for (const t of CASH_IN_TYPES) expect(isCountedCash(t, 'Cash')).toBe('in');
    for (const t of CASH_OUT_TYPES) expect(isCountedCash(t, 'Cash')).toBe('out');
    expect(isCountedCash('CHIP_REDEMPTION', 'Check')).toBeNull();
    expect(isCountedCash('SAFEKEEPING_DEPOSIT', 'Chip')).toBeNull();
    expect(isCountedCash('MARKER_PAYMENT', 'Wire')).toBeNull();
  });

  it('10.2 JACKPOT_PAYOUT, wires and MARKER_ISSUE are never counted', () => {
    for (const t of ['JACKPOT_PAYOUT', 'WIRE_TRANSFER_IN', 'WIRE_TRANSFER_OUT', 'MARKER_ISSUE']) {
      for (const m of ['Cash', 'Check', 'Wire', 'Marker']) expect(isCountedCash(t, m)).toBeNull();
    }
  });

  it('10.2 the method is matched exactly (no case folding)', () => {
    expect(isCountedCash('CASH_IN', 'cash')).toBeNull();
  });
});

describe('10.2 CTR threshold: more than $10,000', () => {
  it('10.2 exactly $10,000.00 does not need a CTR; $10,000.01 does (both presets)', () => {
    for (const j of [US2025, US2026]) {
      expect(exceedsCtr(j, 1_000_000)).toBe(false);
      expect(exceedsCtr(j, 1_000_001)).toBe(true);
    }
  });

  it('10.2 the threshold is the preset value', () => {
    expect(exceedsCtr({ ...US2025, ctr_threshold: 3_000 }, 300_001)).toBe(true);
  });

  it('10.2 sums each side separately (I31 cin / cout)', () => {
    const rows = [
      { type: 'CASH_IN', method: 'Cash', amountCents: 600_000 },
      { type: 'CHIP_PURCHASE', method: 'Cash', amountCents: 450_000 },
      { type: 'CHIP_REDEMPTION', method: 'Check', amountCents: 900_000 }, // not counted
      { type: 'CHECK_CASHING', method: 'Cash', amountCents: 25_050 },
      { type: 'WIRE_TRANSFER_IN', method: 'Wire', amountCents: 5_000_000 }, // not counted
    ];
    // in: 6,000 + 4,500 = 10,500.00; out: 250.50
    expect(sumCountedCash(rows)).toEqual({ inCents: 1_050_000, outCents: 25_050 });
  });

  it('9.2 the CTR trigger is the row at which a running side total first exceeds the threshold', () => {
    const rows = [
      { timestamp: 10, type: 'CASH_IN', method: 'Cash', amountCents: 600_000 },
      { timestamp: 20, type: 'CASH_OUT', method: 'Cash', amountCents: 900_000 },
      { timestamp: 30, type: 'CHIP_PURCHASE', method: 'Cash', amountCents: 400_000 }, // in = 10,000.00: not more
      { timestamp: 40, type: 'WIRE_TRANSFER_IN', method: 'Wire', amountCents: 9_000_000 },
      { timestamp: 50, type: 'CASH_OUT', method: 'Cash', amountCents: 100_001 }, // out = 10,000.01: trigger
      { timestamp: 60, type: 'CASH_IN', method: 'Cash', amountCents: 1 },
    ];
    expect(ctrTriggerInstant(US2025, rows)).toBe(50);
    expect(ctrTriggerInstant(US2025, rows.slice(0, 4))).toBeNull();
  });
});
