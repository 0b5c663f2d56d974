/**
 * How each column is written to Parquet, chosen from its schema declaration: a dictionary where values repeat
 * (it pays in size and speed), none for mostly distinct columns (ids, instants, personal details: building and
 * then abandoning a dictionary costs time for nothing); column-chunk statistics on numbers, dates and timestamps,
 * which readers use to skip row groups and Delta files on range filters, none on strings, whose values spread
 * over every row group of these time-ordered files. The Delta log's statistics are read from the same footer.
 */
import type { ColumnSpec } from '../generators/schema/types';

export interface ColumnEncoding {
  readonly dictionary: boolean;
  readonly statistics: boolean;
}

export function columnEncoding(column: ColumnSpec): ColumnEncoding {
  return { dictionary: column.distinct !== 'many', statistics: column.type !== 'string' };
}
