/** The pinned file-level layout of every Parquet file (SPEC 13.2), apart from the encoder that writes it. */

/** Rows per row group; the last one may be smaller. */
export const ROW_GROUP_ROWS = 131_072;
/** The `created_by` string of every file: no library version, so upgrades do not change it silently. */
export const PARQUET_CREATED_BY = 'casino-data-studio';
