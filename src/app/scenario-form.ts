/**
 * The scenario form's model: what the user typed (text fields stay text until validated) and how it becomes
 * a ScenarioInput for the one validator the CLI uses too (SPEC 2, 15), with the form's labels in messages.
 */
import { PRESETS, PRESET_NAMES, type PresetName } from '../generators/scenario/presets';
import type { ScenarioError } from '../generators/scenario/errors';
import type { ScenarioInput } from '../generators/scenario/validate';
import type { OutputFormat, Scenario, ScenarioField } from '../generators/scenario/types';
import { formatInstant } from '../generators/scenario/instant';
import { TABLE_KEYS, type TableKey } from '../generators/tables';
import { DAY_US } from '../generators/time/units';

export type FormPreset = PresetName | 'custom';
export type WindowMode = 'days' | 'range';

export interface ScenarioForm {
  preset: FormPreset;
  include: Record<TableKey, boolean>;
  counts: Record<TableKey, string>;
  windowMode: WindowMode;
  days: string;
  start: string;
  end: string;
  /** Snapshot instant (empty = end); set by shared links, editable in range mode. */
  asOf: string;
  seed: string;
  pii: 'masked' | 'raw';
  format: OutputFormat;
  /** `default`: snappy for Parquet and Delta, none for CSV and JSON Lines (SPEC 2.1). */
  compression: 'default' | 'snappy' | 'zstd' | 'none';
  jurisdiction: 'US-2025' | 'US-2026';
}

export const TABLE_LABELS: Readonly<Record<TableKey, string>> = {
  slots: 'Slot events',
  tables: 'Table-game events',
  players: 'Players',
  financial: 'Cage transactions',
  security: 'Security events',
  compliance: 'Compliance filings',
};

/** The labels messages use for `<field>` (SPEC 15: the field label in the UI). */
export const FIELD_LABELS: Partial<Record<ScenarioField, string>> = {
  ...TABLE_LABELS,
  seed: 'Seed',
  days: 'Days',
  start: 'Start',
  end: 'End',
};

export { PRESET_NAMES };

const text = (n: number) => String(n);

/** The form with a preset's volumes and window length. */
export function withPreset(form: ScenarioForm, preset: FormPreset): ScenarioForm {
  if (preset === 'custom') return { ...form, preset };
  const p = PRESETS[preset];
  return {
    ...form,
    preset,
    include: Object.fromEntries(TABLE_KEYS.map((k) => [k, true])) as Record<TableKey, boolean>,
    counts: Object.fromEntries(TABLE_KEYS.map((k) => [k, text(p.counts[k])])) as Record<TableKey, string>,
    days: text(p.days),
  };
}

export function initialForm(): ScenarioForm {
  const blank: ScenarioForm = {
    preset: 'small',
    include: Object.fromEntries(TABLE_KEYS.map((k) => [k, true])) as Record<TableKey, boolean>,
    counts: Object.fromEntries(TABLE_KEYS.map((k) => [k, '0'])) as Record<TableKey, string>,
    windowMode: 'days',
    days: '7',
    start: '',
    end: '',
    asOf: '',
    seed: '42',
    pii: 'masked',
    format: 'parquet',
    compression: 'default',
    jurisdiction: 'US-2025',
  };
  return withPreset(blank, 'small');
}

/** The UTC midnight that began today, µs: the one wall-clock read (SPEC 2.2). */
export function todayMidnight(now = Date.now()): number {
  return Math.floor(now / 86_400_000) * DAY_US;
}

export function toScenarioInput(form: ScenarioForm, today: number): ScenarioInput {
  const counts: Partial<Record<TableKey, string>> = {};
  for (const key of TABLE_KEYS) if (form.include[key]) counts[key] = form.counts[key];
  return {
    counts,
    seed: form.seed,
    ...(form.windowMode === 'days' ? { days: form.days } : { start: form.start, end: form.end }),
    ...(form.windowMode === 'range' && form.asOf.trim() !== '' ? { as_of: form.asOf } : {}),
    pii: form.pii,
    format: form.format,
    ...(form.compression === 'default' ? {} : { compression: form.compression }),
    jurisdiction: form.jurisdiction,
    labels: FIELD_LABELS,
    today,
  };
}

/** The form that gives exactly this scenario (a shared link): explicit window, volumes and compression. */
export function formFromScenario(scenario: Scenario): ScenarioForm {
  const preset = PRESET_NAMES.find((name) =>
    TABLE_KEYS.every((k) => scenario.counts[k] === PRESETS[name].counts[k])) ?? 'custom';
  return {
    preset,
    include: Object.fromEntries(TABLE_KEYS.map((k) => [k, scenario.counts[k] !== null])) as Record<TableKey, boolean>,
    counts: Object.fromEntries(TABLE_KEYS.map((k) => [k, String(scenario.counts[k] ?? 0)])) as Record<TableKey, string>,
    windowMode: 'range',
    days: String(PRESETS.small.days),
    start: formatInstant(scenario.start),
    end: formatInstant(scenario.end),
    asOf: scenario.as_of === scenario.end ? '' : formatInstant(scenario.as_of),
    seed: String(scenario.seed),
    pii: scenario.pii,
    format: scenario.format,
    compression: scenario.compression,
    jurisdiction: scenario.jurisdiction as ScenarioForm['jurisdiction'],
  };
}

/** Validation messages by form field (a message without a field goes under `form`). */
export function errorsByField(errors: readonly ScenarioError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) (out[e.field ?? 'form'] ??= []).push(e.message);
  return out;
}
