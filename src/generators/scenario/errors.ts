/**
 * Scenario error codes in the order of the SPEC 15 table; messages are reported in this order.
 * `E_SCENARIO` (a malformed serialised scenario, before any field rule applies) is this module's addition and
 * comes first. E_ARG and E_VOLUME are produced by the CLI parser and the plan; they are listed so callers can merge.
 */
export const SCENARIO_ERROR_ORDER = [
  'E_SCENARIO',
  'E_COUNT',
  'E_SEED',
  'E_DAYS',
  'E_DATE',
  'E_WINDOW_ORDER',
  'E_WINDOW_SIZE',
  'E_DAYS_CONFLICT',
  'E_AS_OF',
  'E_FORMAT',
  'E_COMPRESSION',
  'E_PRESET',
  'E_JURISDICTION',
  'E_PII',
  'E_ARG',
  'E_VOLUME',
  'E_POPULATION',
] as const;

export type ScenarioErrorCode = (typeof SCENARIO_ERROR_ORDER)[number];

/**
 * A user-facing validation failure (SPEC 15): `message` is the exact text to show, `code` the SPEC code and
 * `field` the scenario field it belongs to (e.g. `slots`, `start`), so the UI can show it next to that field.
 */
export class ScenarioError extends Error {
  readonly code: ScenarioErrorCode;
  readonly field?: string;

  constructor(code: ScenarioErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ScenarioError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

/** Stable sort into SPEC 15 table order; errors of one code keep their relative order. */
export function sortScenarioErrors(errors: readonly ScenarioError[]): ScenarioError[] {
  const rank = (e: ScenarioError) => SCENARIO_ERROR_ORDER.indexOf(e.code);
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => rank(a.error) - rank(b.error) || a.index - b.index)
    .map(({ error }) => error);
}
