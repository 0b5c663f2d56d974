/** ISO 8601 weeks of day numbers (weeks start on Monday; week 1 holds the year's first Thursday). */
import { formatDate, toCivilDate, toDayNumber } from '../generators/scenario/instant';
import { weekdayOf } from '../generators/time/intensity';

export interface IsoWeek {
  /** e.g. `2026-W01` (the ISO week-year can differ from the calendar year around New Year). */
  readonly label: string;
  /** Day number and `YYYY-MM-DD` of the week's Monday. */
  readonly monday: number;
  readonly mondayText: string;
}

/**
 * The ISO week of a day number.
 *
 * @example isoWeekOf(toDayNumber(2026, 1, 1)).label // '2026-W01' (a Thursday)
 */
export function isoWeekOf(day: number): IsoWeek {
  const monday = day - weekdayOf(day);
  const thursday = monday + 3;
  const year = toCivilDate(thursday).year;
  const week = Math.floor((thursday - toDayNumber(year, 1, 1)) / 7) + 1;
  return { label: `${year}-W${week < 10 ? '0' : ''}${week}`, monday, mondayText: formatDate(monday) };
}
