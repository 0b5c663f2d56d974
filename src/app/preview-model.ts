/**
 * Cells of a table preview, read straight from the worker's columnar batches (no per-row objects):
 * raw values for sorting, SPEC 13.1 text for display (timestamps `…Z` with six fraction digits,
 * dates, money with two decimals).
 */
import { readString, type ColumnBatch, type ColumnData } from '../generators/columns';
import type { ColumnSpec } from '../generators/schema/types';
import { formatDate, formatInstant } from '../generators/scenario/instant';

export type CellValue = number | string | boolean | null;

export class PreviewModel {
  readonly length: number;
  private readonly starts: number[] = [];

  constructor(private readonly batches: readonly ColumnBatch[], readonly columns: readonly ColumnSpec[]) {
    let n = 0;
    for (const b of batches) {
      this.starts.push(n);
      n += b.length;
    }
    this.length = n;
  }

  private locate(row: number): [ColumnBatch, number] {
    let b = this.starts.length - 1;
    while (b > 0 && this.starts[b] > row) b--;
    return [this.batches[b], row - this.starts[b]];
  }

  value(row: number, col: number): CellValue {
    const [batch, i] = this.locate(row);
    const column: ColumnData = batch.columns[col];
    if (column.valid && column.valid[i] === 0) return null;
    if (column.type === 'string') return readString(column, i);
    if (column.type === 'bool') return column.values[i] !== 0;
    return column.values[i];
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col), this.columns[col]);
  }
}

export function cellText(value: CellValue, spec: ColumnSpec): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  switch (spec.type) {
    case 'timestamp':
      return formatInstant(value);
    case 'date':
      return formatDate(value);
    case 'float64':
      return spec.money ? value.toFixed(2) : String(value);
    default:
      return String(value);
  }
}

/** Nulls last; numbers and booleans by value; strings by code units (the order of the files' string columns). */
export function compareCells(a: CellValue, b: CellValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return Number(a) - Number(b);
}
