import { describe, expect, it } from 'vitest';
import { TABLE_KEYS } from '../tables';
import { COUNT_MAX, DEFAULT_POPULATION, lacksPopulation, populationSize } from './counts';
import { DEFAULT_JURISDICTION_ID, JURISDICTION_IDS, findJurisdiction } from './jurisdictions';
import { PRESETS, PRESET_NAMES, findPreset } from './presets';

describe('SPEC 2.3 volume presets', () => {
  it('holds the table of SPEC 2.3', () => {
    const rows = PRESET_NAMES.map((n) => [n, ...TABLE_KEYS.map((t) => PRESETS[n].counts[t]), PRESETS[n].days]);
    expect(rows).toEqual([
      ['small', 10_000, 5_000, 1_000, 2_000, 500, 200, 7],
      ['demo', 500_000, 100_000, 10_000, 50_000, 10_000, 5_000, 30],
      ['production', 5_000_000, 1_000_000, 100_000, 500_000, 100_000, 50_000, 90],
      ['legacy', 500_000, 100_000, 10_000, 50_000, 25_000, 10_000, 30],
    ]);
  });

  it('finds presets by exact name only', () => {
    expect(findPreset('demo')?.days).toBe(30);
    expect(findPreset('Demo')).toBeUndefined();
    expect(findPreset('toString')).toBeUndefined();
  });

  it('every preset count is within the E_COUNT maximum', () => {
    for (const name of PRESET_NAMES) {
      for (const t of TABLE_KEYS) expect(PRESETS[name].counts[t]).toBeLessThanOrEqual(COUNT_MAX[t]);
    }
  });
});

describe('SPEC 2.4 jurisdiction presets', () => {
  it('US-2025 is the default and holds every parameter', () => {
    expect(DEFAULT_JURISDICTION_ID).toBe('US-2025');
    expect(JURISDICTION_IDS).toEqual(['US-2025', 'US-2026']);
    const j = findJurisdiction('US-2025')!;
    expect(j.w2g.Slots).toEqual({ basis: 'gross', comparison: 'at_least', threshold: 1200, min_win_to_wager: null });
    expect(j.w2g['Video Poker'].threshold).toBe(1200);
    expect(j.w2g.Bingo.threshold).toBe(1200);
    expect(j.w2g.Keno).toEqual({ basis: 'net', comparison: 'at_least', threshold: 1500, min_win_to_wager: null });
    expect(j.w2g['Poker Tournament']).toEqual({ basis: 'net', comparison: 'more_than', threshold: 5000, min_win_to_wager: null });
    expect(j.w2g['Table Games']).toEqual({ basis: 'gross', comparison: 'at_least', threshold: 600, min_win_to_wager: 300 });
    expect(j.regular_withholding).toEqual({ rate: 0.24, net_more_than: 5000, games: ['Poker Tournament', 'Table Games'] });
    expect(j.backup_withholding_rate).toBe(0.24);
    expect(j.state_withholding_rate).toBe(0);
    expect([j.ctr_threshold, j.gaming_day_cutoff_hour, j.ctr_deadline_days, j.sar_deadline_days]).toEqual([10000, 6, 15, 30]);
    expect([j.sar_minimum, j.id_recorded_at, j.supervisor_signoff_at]).toEqual([5000, 3000, 5000]);
  });

  it('US-2026 raises slot, video poker, bingo and keno thresholds to 2,000 and keeps the rest', () => {
    const [a, b] = [findJurisdiction('US-2025')!, findJurisdiction('US-2026')!];
    for (const game of ['Slots', 'Video Poker', 'Bingo', 'Keno'] as const) expect(b.w2g[game].threshold).toBe(2000);
    expect(b.w2g['Poker Tournament']).toEqual(a.w2g['Poker Tournament']);
    expect(b.w2g['Table Games']).toEqual(a.w2g['Table Games']);
    const { id: _a, note: _n, w2g: _w, ...restA } = a;
    const { id: _b, note: _m, w2g: _v, ...restB } = b;
    expect(restB).toEqual(restA);
    expect(findJurisdiction('US-2024')).toBeUndefined();
  });
});

describe('SPEC 3.8 population size', () => {
  const none = { slots: null, tables: null, players: null, financial: null, security: null, compliance: null };
  it('P = counts.players, or 10,000 when players is not generated', () => {
    expect(populationSize({ ...none, players: 250 })).toBe(250);
    expect(populationSize(none)).toBe(DEFAULT_POPULATION);
  });

  it('players = 0 lacks a population only when another table has rows', () => {
    expect(lacksPopulation({ ...none, players: 0, slots: 1 })).toBe(true);
    expect(lacksPopulation({ ...none, players: 0, slots: 0 })).toBe(false);
    expect(lacksPopulation({ ...none, slots: 5 })).toBe(false);
  });
});
