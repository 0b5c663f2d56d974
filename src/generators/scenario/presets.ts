import type { TableKey } from '../tables';

/** Volume preset names (SPEC 2.3). */
export const PRESET_NAMES = ['small', 'demo', 'production', 'legacy'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** A volume preset: rows for all six tables and the default window length in days (SPEC 2.3). */
export interface VolumePreset {
  readonly name: PresetName;
  readonly counts: Readonly<Record<TableKey, number>>;
  readonly days: number;
}

/** The volume presets of SPEC 2.3; `legacy` is what CLI `--all` selects. */
export const PRESETS: Readonly<Record<PresetName, VolumePreset>> = {
  small: {
    name: 'small',
    counts: { slots: 10_000, tables: 5_000, players: 1_000, financial: 2_000, security: 500, compliance: 200 },
    days: 7,
  },
  demo: {
    name: 'demo',
    counts: { slots: 500_000, tables: 100_000, players: 10_000, financial: 50_000, security: 10_000, compliance: 5_000 },
    days: 30,
  },
  production: {
    name: 'production',
    counts: {
      slots: 5_000_000,
      tables: 1_000_000,
      players: 100_000,
      financial: 500_000,
      security: 100_000,
      compliance: 50_000,
    },
    days: 90,
  },
  legacy: {
    name: 'legacy',
    counts: { slots: 500_000, tables: 100_000, players: 10_000, financial: 50_000, security: 25_000, compliance: 10_000 },
    days: 30,
  },
};

/** The preset `--all` uses when no `--preset` is given (SPEC 14). */
export const ALL_PRESET: PresetName = 'legacy';

/** Looks a preset up by its exact name, e.g. `findPreset('demo')?.days === 30`. */
export function findPreset(name: string): VolumePreset | undefined {
  return (PRESET_NAMES as readonly string[]).includes(name) ? PRESETS[name as PresetName] : undefined;
}
