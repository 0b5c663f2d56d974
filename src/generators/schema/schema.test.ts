import { describe, expect, it } from 'vitest';
import { TABLE_KEYS } from '../tables';
import { METADATA_COLUMNS, SCHEMAS, columnIndex } from './index';

/** Column counts of SPEC 4.1–9.1, metadata included. */
const SPEC_COLUMN_COUNTS = { slots: 24, tables: 26, players: 35, financial: 25, security: 28, compliance: 42 };
const SPEC_FILES = {
  slots: ['bronze_slot_telemetry', 'SlotMachineGenerator', 'event_timestamp'],
  tables: ['bronze_table_games', 'TableGamesGenerator', 'event_timestamp'],
  players: ['bronze_player_profile', 'PlayerGenerator', null],
  financial: ['bronze_financial_txn', 'FinancialGenerator', 'transaction_timestamp'],
  security: ['bronze_security_events', 'SecurityGenerator', 'event_timestamp'],
  compliance: ['bronze_compliance', 'ComplianceGenerator', 'filing_timestamp'],
} as const;

describe('table schemas (SPEC 1, 4.1–9.1, I2)', () => {
  it.each(TABLE_KEYS)('%s has the SPEC stem, source, timestamp column and column count', (key) => {
    const schema = SCHEMAS[key];
    const [stem, source, timestampColumn] = SPEC_FILES[key];
    expect(schema.key).toBe(key);
    expect([schema.stem, schema.source, schema.timestampColumn]).toEqual([stem, source, timestampColumn]);
    expect(schema.columns).toHaveLength(SPEC_COLUMN_COUNTS[key]);
  });

  it.each(TABLE_KEYS)('%s ends with the non-null _ingested_at, _source, _batch_id (3.2)', (key) => {
    const tail = SCHEMAS[key].columns.slice(-3);
    expect(tail).toEqual(METADATA_COLUMNS);
    expect(tail.map((c) => [c.name, c.type, c.nullable])).toEqual([
      ['_ingested_at', 'timestamp', false],
      ['_source', 'string', false],
      ['_batch_id', 'string', false],
    ]);
  });

  it.each(TABLE_KEYS)('%s has unique names, one-sentence descriptions, money only on float64', (key) => {
    const schema = SCHEMAS[key];
    const names = schema.columns.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of schema.columns) {
      expect(c.name).toMatch(/^_?[a-z][a-z0-9_]*$/);
      expect(c.description).toMatch(/^[A-Z0-9_'a-z].*[.)]$/);
      expect(c.description.length).toBeLessThan(200);
      if (c.money) expect(c.type).toBe('float64');
    }
    if (schema.timestampColumn !== null) {
      expect(schema.columns[columnIndex(schema, schema.timestampColumn)]).toMatchObject({ type: 'timestamp', nullable: false });
    }
  });

  it('declares the SPEC-designated types of key columns', () => {
    const typeOf = (key: keyof typeof SCHEMAS, name: string) => SCHEMAS[key].columns[columnIndex(SCHEMAS[key], name)];
    expect(typeOf('slots', 'games_played')).toMatchObject({ type: 'int64', nullable: true });
    expect(typeOf('slots', 'coin_in')).toMatchObject({ type: 'float64', nullable: true, money: true });
    expect(typeOf('slots', 'theoretical_hold').money).toBeUndefined();
    expect(typeOf('tables', 'table_number')).toMatchObject({ type: 'int32', nullable: false });
    expect(typeOf('players', 'date_of_birth')).toMatchObject({ type: 'date', nullable: false });
    expect(typeOf('players', 'marketing_opt_in')).toMatchObject({ type: 'bool', nullable: false });
    expect(typeOf('financial', 'amount')).toMatchObject({ type: 'float64', nullable: false, money: true });
    expect(typeOf('security', 'access_granted')).toMatchObject({ type: 'bool', nullable: true });
    expect(typeOf('compliance', 'source_ids')).toMatchObject({ type: 'string', nullable: false });
    expect(typeOf('compliance', 'withholding_rate').money).toBeUndefined();
  });

  it('columnIndex rejects an unknown column', () => {
    expect(() => columnIndex(SCHEMAS.slots, 'nope')).toThrow(/no column nope/);
  });

  it('schemas are frozen', () => {
    expect(Object.isFrozen(SCHEMAS.slots.columns)).toBe(true);
  });
});
