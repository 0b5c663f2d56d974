import { describe, expect, it } from 'vitest';
import { KeyedPermutation } from '../rng';
import { DAY_US, HOUR_US, toDayNumber } from '../scenario/instant';
import {
  FincenReferences, amendedFrom, fincenReference, filingId, irsReference, rankFilings, type RankableFiling,
} from './filing-ids';

describe('3.3 filing_id = report_id', () => {
  it('3.3 <TYPE>-<YYYYMMDD filing_date>-<6-digit sequence>', () => {
    expect(filingId('CTR', toDayNumber(2026, 11, 5), 42)).toBe('CTR-20261105-000042');
    expect(filingId('SAR', toDayNumber(2026, 1, 9), 1)).toBe('SAR-20260109-000001');
    expect(filingId('W2G', toDayNumber(2025, 12, 31), 999_999)).toBe('W2G-20251231-999999');
  });

  it('3.3 the sequence width grows past 999,999', () => {
    expect(filingId('CTR', toDayNumber(2026, 11, 5), 1_000_000)).toBe('CTR-20261105-1000000');
  });

  it('3.3 a sequence is a 1-based rank', () => {
    expect(() => filingId('CTR', 0, 0)).toThrow(RangeError);
    expect(() => filingId('CTR', 0, 1.5)).toThrow(RangeError);
  });
});

describe('3.3 fincen_reference and amended_from', () => {
  it('3.3 fincen_reference: FINCEN-<CTR|SAR>- + the keyed permutation (name fincen_reference) of the rank into 100000000..599999999', () => {
    const perm = new KeyedPermutation(42, 'fincen_reference', 500_000_000, 100_000_000);
    expect(fincenReference(42, 'CTR', 1)).toBe(`FINCEN-CTR-${perm.map(1)}`);
    expect(fincenReference(42, 'SAR', 77)).toBe(`FINCEN-SAR-${perm.map(77)}`);
    expect(fincenReference(42, 'CTR', 1)).toMatch(/^FINCEN-CTR-[1-5]\d{8}$/);
  });

  it('3.3 amended_from: the same rank (name amended_from) into 600000000..999999999', () => {
    const perm = new KeyedPermutation(42, 'amended_from', 400_000_000, 600_000_000);
    expect(amendedFrom(42, 'CTR', 1)).toBe(`FINCEN-CTR-${perm.map(1)}`);
    expect(amendedFrom(42, 'SAR', 3)).toMatch(/^FINCEN-SAR-[6-9]\d{8}$/);
  });

  it('I3 fincen references are unique and never collide with amended_from', () => {
    const refs = new FincenReferences(7);
    const seen = new Set<string>();
    for (let rank = 1; rank <= 5_000; rank++) {
      for (const type of ['CTR', 'SAR'] as const) {
        seen.add(refs.fincenReference(type, rank));
        seen.add(refs.amendedFrom(type, rank));
      }
    }
    expect(seen.size).toBe(20_000);
  });

  it('1.1 references depend on the seed', () => {
    expect(fincenReference(1, 'CTR', 1)).not.toBe(fincenReference(2, 'CTR', 1));
    expect(new FincenReferences(3).fincenReference('SAR', 9)).toBe(fincenReference(3, 'SAR', 9));
  });
});

describe('3.3 irs_reference', () => {
  it('3.3 W2G-<YYYY>-<6-digit sequence within the year>, width grows', () => {
    expect(irsReference(2026, 42)).toBe('W2G-2026-000042');
    expect(irsReference(2026, 1_234_567)).toBe('W2G-2026-1234567');
  });
});

describe('3.3 ranks by (filing_timestamp, player_id)', () => {
  const t0 = toDayNumber(2026, 12, 31) * DAY_US + 20 * HOUR_US; // 2026-12-31 20:00 UTC
  const rows: RankableFiling[] = [
    { type: 'W2G', filingTimestamp: t0 + 9 * HOUR_US, playerId: 'P000001', filingDay: toDayNumber(2027, 1, 1) }, // 0
    { type: 'CTR', filingTimestamp: t0 + 2 * HOUR_US, playerId: 'P000009', filingDay: toDayNumber(2027, 1, 5) }, // 1
    { type: 'W2G', filingTimestamp: t0, playerId: 'P000500', filingDay: toDayNumber(2026, 12, 31) }, // 2
    { type: 'CTR', filingTimestamp: t0 + 2 * HOUR_US, playerId: 'P000002', filingDay: toDayNumber(2027, 1, 3) }, // 3
    { type: 'W2G', filingTimestamp: t0, playerId: 'P000300', filingDay: toDayNumber(2026, 12, 31) }, // 4
    { type: 'SAR', filingTimestamp: t0 - HOUR_US, playerId: 'P000001', filingDay: toDayNumber(2027, 1, 10) }, // 5
    { type: 'W2G', filingTimestamp: t0 + 10 * HOUR_US, playerId: 'P000002', filingDay: toDayNumber(2027, 1, 1) }, // 6
  ];

  it('3.3 rank within the filing type, timestamp first, then player_id', () => {
    // W2G by time: rows 4 and 2 tie at t0 (P000300 < P000500), then 0, then 6. CTR: 3 (P000002) before 1 (P000009).
    expect(rankFilings(rows).rank).toEqual([3, 2, 2, 1, 1, 1, 4]);
  });

  it('3.3 irs_reference rank restarts each filing_date year (W2G only)', () => {
    // 2026: rows 4, 2; 2027: rows 0, 6.
    expect(rankFilings(rows).yearRank).toEqual([1, null, 2, null, 1, null, 2]);
  });

  it('3.3 player_id order is the string order of the column', () => {
    const tie = (playerId: string): RankableFiling => ({ type: 'SAR', filingTimestamp: 0, playerId, filingDay: 0 });
    expect(rankFilings([tie('P999999'), tie('P1000000')]).rank).toEqual([2, 1]);
  });

  it('3.2 full ties keep the input (plan) order', () => {
    const row: RankableFiling = { type: 'CTR', filingTimestamp: 5, playerId: 'P000001', filingDay: 0 };
    expect(rankFilings([row, { ...row }, { ...row }]).rank).toEqual([1, 2, 3]);
  });
});
