import { describe, expect, it } from 'vitest';
import { WeightTable, openStream, uniformPick } from '../rng';
import { toDayNumber } from '../scenario/instant';
import { findJurisdiction } from '../scenario/jurisdictions';
import {
  AMENDMENT_REASONS, REJECTION_REASONS, W2G_STATUS, carriesFincenReference, ctrDates, filingStatus, reviewNotes,
  sarDates, w2gDates, type FilingStatus,
} from './filing-status';

const US2025 = findJurisdiction('US-2025')!;
const D = toDayNumber(2026, 11, 3);

function tally(draw: () => string, n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const s = draw();
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

describe('10.4 dates', () => {
  it('10.4 CTR: filing_date = transaction_date + U{1..15}, due_date = transaction_date + 15', () => {
    const rng = openStream(1, 'test', 'ctr-dates', 0);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const { filingDay, dueDay } = ctrDates(US2025, D, rng);
      expect(dueDay).toBe(toDayNumber(2026, 11, 18));
      seen.add(filingDay - D);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('10.4 CTR dates draw one U{1..15}', () => {
    const a = openStream(9, 'test', 'ctr-dates', 0);
    const b = openStream(9, 'test', 'ctr-dates', 0);
    expect(ctrDates(US2025, D, a).filingDay).toBe(D + b.int(1, 15));
  });

  it('10.4 SAR: filing_date = D + U{0..29}, due_date = D + 30', () => {
    const rng = openStream(2, 'test', 'sar-dates', 0);
    const seen = new Set<number>();
    for (let i = 0; i < 3_000; i++) {
      const { filingDay, dueDay } = sarDates(US2025, D, rng);
      expect(dueDay).toBe(toDayNumber(2026, 12, 3));
      seen.add(filingDay - D);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('10.1 W2G: filing_date = transaction_date; due_date = January 31 of the next year; status Filed', () => {
    expect(w2gDates(D)).toEqual({ filingDay: D, dueDay: toDayNumber(2027, 1, 31) });
    expect(w2gDates(toDayNumber(2026, 1, 1)).dueDay).toBe(toDayNumber(2027, 1, 31));
    expect(w2gDates(toDayNumber(2026, 12, 31)).dueDay).toBe(toDayNumber(2027, 1, 31));
    expect(W2G_STATUS).toBe('Filed');
  });
});

describe('10.4 status', () => {
  it('10.4 a filing with filing_date ≤ D_asof has been submitted (CTR Filed, Amended, Rejected; SAR Filed, Amended)', () => {
    const rng = openStream(3, 'test', 'status', 0);
    const ctr = tally(() => filingStatus('CTR', D, D, rng), 20_000);
    expect([...ctr.keys()].sort()).toEqual(['Amended', 'Filed', 'Rejected']);
    expect(ctr.get('Filed')! / 20_000).toBeCloseTo(0.93, 1);
    const sar = tally(() => filingStatus('SAR', D - 5, D, rng), 20_000);
    expect([...sar.keys()].sort()).toEqual(['Amended', 'Filed']);
    expect(sar.get('Amended')! / 20_000).toBeCloseTo(0.03, 1);
  });

  it('10.4 a filing scheduled after D_asof is not yet submitted (CTR Draft .35 / Pending Review .65; SAR .40 / .60)', () => {
    const rng = openStream(4, 'test', 'status', 0);
    const ctr = tally(() => filingStatus('CTR', D + 1, D, rng), 20_000);
    expect([...ctr.keys()].sort()).toEqual(['Draft', 'Pending Review']);
    expect(ctr.get('Draft')! / 20_000).toBeCloseTo(0.35, 1);
    const sar = tally(() => filingStatus('SAR', D + 1, D, rng), 20_000);
    expect(sar.get('Draft')! / 20_000).toBeCloseTo(0.4, 1);
  });

  it('10.4 status is one weighted choice in the listed order', () => {
    const a = openStream(5, 'test', 'status', 0);
    const b = openStream(5, 'test', 'status', 0);
    const expected: FilingStatus[] = [];
    const got: FilingStatus[] = [];
    for (let i = 0; i < 200; i++) {
      got.push(filingStatus('CTR', D, D, a));
      expected.push((['Filed', 'Amended', 'Rejected'] as const)[new WeightTable([0.93, 0.04, 0.03]).pick(b)]);
      got.push(filingStatus('SAR', D + 1, D, a));
      expected.push((['Draft', 'Pending Review'] as const)[new WeightTable([0.4, 0.6]).pick(b)]);
    }
    expect(got).toEqual(expected);
  });

  it('I37 fincen_reference only on Filed and Amended', () => {
    const all: FilingStatus[] = ['Draft', 'Pending Review', 'Filed', 'Amended', 'Rejected'];
    expect(all.filter(carriesFincenReference)).toEqual(['Filed', 'Amended']);
  });
});

describe('10.4 review_notes', () => {
  it('10.4 Pending Review: Awaiting review by <officer id> since <date of filing_timestamp>', () => {
    const rng = openStream(6, 'test', 'notes', 0);
    const before = openStream(6, 'test', 'notes', 0).nextU32();
    expect(reviewNotes('Pending Review', 'EMP-00412', toDayNumber(2026, 11, 4), rng)).toBe(
      'Awaiting review by EMP-00412 since 2026-11-04',
    );
    expect(rng.nextU32()).toBe(before); // no draw
  });

  it('10.4 Rejected: Rejected by FinCEN: + uniform of the three reasons', () => {
    const a = openStream(7, 'test', 'notes', 0);
    const b = openStream(7, 'test', 'notes', 0);
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const note = reviewNotes('Rejected', 'EMP-00001', D, a);
      expect(note).toBe(`Rejected by FinCEN: ${REJECTION_REASONS[uniformPick(b, 3)]}`);
      seen.add(note!);
    }
    expect([...seen].sort()).toEqual([
      'Rejected by FinCEN: incomplete address', 'Rejected by FinCEN: invalid TIN', 'Rejected by FinCEN: missing ID number',
    ]);
  });

  it('10.4 Amended: Amended to correct + uniform of the three fields', () => {
    const rng = openStream(8, 'test', 'notes', 0);
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) seen.add(reviewNotes('Amended', 'EMP-00001', D, rng)!);
    expect([...seen].sort()).toEqual(AMENDMENT_REASONS.map((r) => `Amended to correct ${r}`).sort());
  });

  it('I37 review_notes is null for Filed and Draft, without a draw', () => {
    const rng = openStream(9, 'test', 'notes', 0);
    const first = openStream(9, 'test', 'notes', 0).nextU32();
    expect(reviewNotes('Filed', 'EMP-00001', D, rng)).toBeNull();
    expect(reviewNotes('Draft', 'EMP-00001', D, rng)).toBeNull();
    expect(rng.nextU32()).toBe(first);
  });
});
