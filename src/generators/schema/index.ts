/** The six table schemas by key (SPEC 1, 4.1–9.1). */
import type { TableKey } from '../tables';
import { COMPLIANCE_SCHEMA } from './compliance';
import { FINANCIAL_SCHEMA } from './financial';
import { PLAYERS_SCHEMA } from './players';
import { SECURITY_SCHEMA } from './security';
import { SLOTS_SCHEMA } from './slots';
import { TABLE_GAMES_SCHEMA } from './table-games';
import type { TableSchema } from './types';

export type { ColumnSpec, ColumnType, TableSchema } from './types';
export { METADATA_COLUMNS } from './types';
export { COMPLIANCE_SCHEMA, FINANCIAL_SCHEMA, PLAYERS_SCHEMA, SECURITY_SCHEMA, SLOTS_SCHEMA, TABLE_GAMES_SCHEMA };

export const SCHEMAS: Readonly<Record<TableKey, TableSchema>> = Object.freeze({
  slots: SLOTS_SCHEMA,
  tables: TABLE_GAMES_SCHEMA,
  players: PLAYERS_SCHEMA,
  financial: FINANCIAL_SCHEMA,
  security: SECURITY_SCHEMA,
  compliance: COMPLIANCE_SCHEMA,
});

/** Index of a column by name; throws on an unknown name (a programming error). */
export function columnIndex(schema: TableSchema, name: string): number {
  const i = schema.columns.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`${schema.stem} has no column ${name}`);
  return i;
}
