/** Text forms of dates used inside generated values (ids, notes, narratives). */
import { formatDate, toCivilDate } from '../scenario/instant';

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of a day number. */
export const formatDay = formatDate;

/** `YYYYMMDD` of a day number. */
export function formatDayCompact(day: number): string {
  const { year, month, day: d } = toCivilDate(day);
  return `${year}${two(month)}${two(d)}`;
}
