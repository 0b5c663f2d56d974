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
    checkValues(where, data.values, valid, Number.isSafeInteger, 'not a safe integer');
  } else if (data.type === 'float64') {
    if (spec.money) checkValues(where, data.values, valid, isExactCents, 'not an exact cents amount');
    else checkValues(where, data.values, valid, Number.isFinite, 'not a finite number');
  }
}

/** Money obeys round(x, 2) = x (SPEC 1). */
function isExactCents(x: number): boolean {
  return Number.isFinite(x) && Math.round(x * 100) / 100 === x;
}

function checkValues(
  where: string,
  values: Float64Array,
  valid: Uint8Array | null,
  ok: (x: number) => boolean,
  problem: string,
): void {
  for (let i = 0; i < values.length; i++) {
    if ((valid === null || valid[i] !== 0) && !ok(values[i])) {
      throw new ExportError('E_BATCH_VALUE', `${where}: row ${i} value ${values[i]} is ${problem}`);
    }
  }
}
