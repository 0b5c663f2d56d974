/** Time units in microseconds, the resolution of every instant. */
export const SECOND_US = 1_000_000;
export const MINUTE_US = 60 * SECOND_US;
export const HOUR_US = 60 * MINUTE_US;
export const DAY_US = 24 * HOUR_US;

/** Day number (days since 1970-01-01) of an instant. */
export function dayOf(t: number): number {
  return Math.floor(t / DAY_US);
}
