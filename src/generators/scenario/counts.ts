import type { TableKey } from '../tables';
import type { ScenarioCounts } from './types';

/** Largest accepted row count per table (SPEC 15 E_COUNT). */
export const COUNT_MAX: Readonly<Record<TableKey, number>> = {
  slots: 100_000_000,
  tables: 100_000_000,
  players: 10_000_000,
  financial: 100_000_000,
  security: 100_000_000,
  compliance: 10_000_000,
};

/** Population size when the player table is not generated (SPEC 3.8). */
export const DEFAULT_POPULATION = 10_000;

/** P of SPEC 3.8: `counts.players`, or 10,000 when players is not generated. */
export function populationSize(counts: ScenarioCounts): number {
  return counts.players ?? DEFAULT_POPULATION;
}

/** True when the rule of SPEC 15 E_POPULATION is broken: players = 0 while another table has rows. */
export function lacksPopulation(counts: ScenarioCounts): boolean {
  return counts.players === 0 && Object.values(counts).some((n) => n !== null && n > 0);
}
