/** Calendar arithmetic on day numbers (days since 1970-01-01), no Date objects. */
import { isLeapYear, toCivilDate, toDayNumber } from '../scenario/instant';

/** Date + n years keeping month and day; 29 February becomes 28 February in a non-leap year (SPEC 1). */
export function addYears(day: number, years: number): number {
  const { year, month, day: d } = toCivilDate(day);
  const target = year + years;
  return toDayNumber(target, month, month === 2 && d === 29 && !isLeapYear(target) ? 28 : d);
}
