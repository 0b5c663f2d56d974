/**
 * Checks a ColumnBatch against its table schema before any encoder writes it, so a
 * malformed batch fails loudly instead of producing a file that breaks SPEC 12 (I1, I2).
 */
import type { ColumnBatch, ColumnData } from '../generators/columns';
import type { ColumnSpec, TableSchema } from '../generators/schema/types';
import { ExportError } from './export-error';

/** Throws an ExportError unless `batch` has the schema's columns, types, lengths and values. */
export function validateBatch(schema: TableSchema, batch: ColumnBatch): void {
  const { columns } = schema;
  if (batch.columns.length !== columns.length) {
    throw new ExportError(
      'E_BATCH_SCHEMA',
      `${schema.stem}: batch has ${batch.columns.length} columns, the schema has ${columns.length}`,
    );
  }
  for (let c = 0; c < columns.length; c++) validateColumn(schema, columns[c], batch.columns[c], batch.length);
}

function validateColumn(schema: TableSchema, spec: ColumnSpec, data: ColumnData, length: number): void {
  const where = `${schema.stem}.${spec.name}`;
  if (data.type !== spec.type) {
    throw new ExportError('E_BATCH_SCHEMA', `${where}: column is ${data.type}, the schema says ${spec.type}`);
  }
  const size = data.type === 'string' ? data.offsets.length - 1 : data.values.length;
  if (size !== length || (data.valid !== null && data.valid.length !== length)) {
    throw new ExportError('E_BATCH_SCHEMA', `${where}: column has ${size} rows, the batch has ${length}`);
  }
  if (data.type === 'string' && data.offsets[length] > data.bytes.length) {
    throw new ExportError('E_BATCH_SCHEMA', `${where}: string offsets run past the byte buffer`);
  }
  const valid = data.valid;
  if (!spec.nullable && valid !== null) {
    const row = valid.indexOf(0);
    if (row >= 0) throw new ExportError('E_BATCH_SCHEMA', `${where}: null in a required column (row ${row})`);
  }
  if (data.type === 'int64' || data.type === 'timestamp') {
    const row = firstNonSafeInteger(data.values, valid);
    if (row >= 0) throw badValue(where, row, data.values[row], 'not a safe integer');
  } else if (data.type === 'float64') {
    const row = spec.money ? firstInexactCents(data.values, valid) : firstNonFinite(data.values, valid);
    if (row >= 0) throw badValue(where, row, data.values[row], spec.money ? 'not an exact cents amount' : 'not a finite number');
  }
}

function badValue(where: string, row: number, value: number, problem: string): ExportError {
  return new ExportError('E_BATCH_VALUE', `${where}: row ${row} value ${value} is ${problem}`);
}

/*
 * The first non-null row whose value fails a check, or -1. One loop per check rather than one
 * loop taking the check as a function: that call could not be inlined and was most of the cost.
 */
function firstNonSafeInteger(values: Float64Array, valid: Uint8Array | null): number {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isSafeInteger(values[i]) && (valid === null || valid[i] !== 0)) return i;
  }
  return -1;
}

function firstNonFinite(values: Float64Array, valid: Uint8Array | null): number {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]) && (valid === null || valid[i] !== 0)) return i;
  }
  return -1;
}

/** Money obeys round(x, 2) = x (SPEC 1). */
function firstInexactCents(values: Float64Array, valid: Uint8Array | null): number {
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!(Number.isFinite(x) && Math.round(x * 100) / 100 === x) && (valid === null || valid[i] !== 0)) return i;
  }
  return -1;
}
