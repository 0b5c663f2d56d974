/**
 * The engine's entry points: which chunk groups make up each selected table, and the pure
 * function that generates one group. Everything else (workers, files, encoders) wires these.
 */
import { chunkGroups, chunkLength } from './chunks';
import type { ColumnBatch } from './columns';
import type { Scenario } from './scenario/types';
import { findJurisdiction } from './scenario/jurisdictions';
import { TABLE_KEYS, type TableKey } from './tables';
import { generateSlotGroup } from './tables/slots';
import { generateTableGroup } from './tables/table-games';
import { generatePlayerGroup } from './tables/players';
import { generateSecurityGroup } from './tables/security';
import { generateFinancialGroup } from './tables/financial';
import { generateComplianceGroup } from './tables/compliance';
import { buildWorld, type World, type WorldParts } from './world';

/** A selected table and its work units (runs of chunks generated together). */
export interface TablePlan {
  readonly key: TableKey;
  readonly rows: number;
  readonly groups: readonly (readonly [first: number, count: number])[];
}

type GroupGenerator = (world: World, first: number, count: number) => ColumnBatch[];

const GENERATORS: Record<TableKey, GroupGenerator> = {
  slots: generateSlotGroup,
  tables: generateTableGroup,
  players: generatePlayerGroup,
  financial: generateFinancialGroup,
  security: generateSecurityGroup,
  compliance: generateComplianceGroup,
};

/** The selected tables in generation order (SPEC 14). */
export function planTables(scenario: Scenario): TablePlan[] {
  return TABLE_KEYS.filter((key) => scenario.counts[key] !== null).map((key) => {
    const rows = scenario.counts[key] ?? 0;
    return { key, rows, groups: chunkGroups(rows) };
  });
}

/**
 * The plans of shard `index` of `count`: each table's chunk groups split into `count` contiguous runs,
 * this shard's run kept (possibly none). Concatenated in shard order the shards are the single run.
 */
export function shardPlans(plans: readonly TablePlan[], index: number, count: number): TablePlan[] {
  return plans.map((plan) => {
    const from = Math.floor((plan.groups.length * index) / count);
    const to = Math.floor((plan.groups.length * (index + 1)) / count);
    const groups = plan.groups.slice(from, to);
    let rows = 0;
    for (const [first, n] of groups) for (let k = first; k < first + n; k++) rows += chunkLength(plan.rows, k);
    return { key: plan.key, rows, groups };
  });
}

/** Builds the world of a scenario (rules from its jurisdiction preset), from `parts` another thread drew if given. */
export function createWorld(scenario: Scenario, piiSecret?: string, parts?: WorldParts): World {
  const jurisdiction = findJurisdiction(scenario.jurisdiction);
  if (!jurisdiction) throw new Error(`unknown jurisdiction "${scenario.jurisdiction}"`);
  return buildWorld(scenario, { slotThreshold: jurisdiction.w2g.Slots.threshold, jurisdiction, piiSecret }, parts);
}

/** Generates chunks [first, first + count) of one table: one batch per chunk. */
export function generateGroup(world: World, key: TableKey, first: number, count: number): ColumnBatch[] {
  return GENERATORS[key](world, first, count);
}
