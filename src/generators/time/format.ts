/** Text forms of dates used inside generated values (ids, notes, narratives). */
import { civilFromDay } from './civil';

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${y}-${two(m)}-${two(d)}`;
}

/** `YYYYMMDD` of a day number. */
export function formatDayCompact(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${y}${two(m)}${two(d)}`;
}
