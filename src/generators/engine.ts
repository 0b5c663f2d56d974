/**
 * The engine's entry points: which chunk groups make up each selected table, and the pure
 * function that generates one group. Everything else (workers, files, encoders) wires these.
 */
import { chunkGroups } from './chunks';
import type { ColumnBatch } from './columns';
import type { Scenario } from './scenario/types';
import { findJurisdiction } from './scenario/jurisdictions';
import { TABLE_KEYS, type TableKey } from './tables';
import { generateSlotGroup } from './tables/slots';
import { generateTableGroup } from './tables/table-games';
import { generatePlayerGroup } from './tables/players';
import { generateSecurityGroup } from './tables/security';
import { buildWorld, type World } from './world';

/** A selected table and its work units (runs of chunks generated together). */
export interface TablePlan {
  readonly key: TableKey;
  readonly rows: number;
  readonly groups: readonly (readonly [first: number, count: number])[];
}

type GroupGenerator = (world: World, first: number, count: number) => ColumnBatch[];

const GENERATORS: Partial<Record<TableKey, GroupGenerator>> = {
  slots: generateSlotGroup,
  tables: generateTableGroup,
  players: generatePlayerGroup,
  security: generateSecurityGroup,
};

/** Tables this engine version can generate; the others are refused before any work. */
export function isAvailable(key: TableKey): boolean {
  return GENERATORS[key] !== undefined;
}

/** The selected tables in generation order (SPEC 14). */
export function planTables(scenario: Scenario): TablePlan[] {
  return TABLE_KEYS.filter((key) => scenario.counts[key] !== null).map((key) => {
    const rows = scenario.counts[key] ?? 0;
    return { key, rows, groups: chunkGroups(rows) };
  });
}

/** Builds the world of a scenario (rules from its jurisdiction preset). */
export function createWorld(scenario: Scenario, piiSecret?: string): World {
  const jurisdiction = findJurisdiction(scenario.jurisdiction);
  if (!jurisdiction) throw new Error(`unknown jurisdiction "${scenario.jurisdiction}"`);
  return buildWorld(scenario, { slotThreshold: jurisdiction.w2g.Slots.threshold, piiSecret });
}

/** Generates chunks [first, first + count) of one table: one batch per chunk. */
export function generateGroup(world: World, key: TableKey, first: number, count: number): ColumnBatch[] {
  const generate = GENERATORS[key];
  if (!generate) throw new Error(`${key} is not available in this engine version`);
  return generate(world, first, count);
}
