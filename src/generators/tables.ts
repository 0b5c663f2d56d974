/** The six output tables, in generation order (SPEC 1, 14). */
export const TABLE_KEYS = ['slots', 'tables', 'players', 'financial', 'security', 'compliance'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

/** Rows per chunk: a constant of the format (SPEC 3.2). */
export const CHUNK_ROWS = 65_536;
