/**
 * I19 (diurnal and weekly shape) as queries over an event table: rows per UTC hour of day, and
 * mean rows per Friday/Saturday versus Monday–Thursday over the window's calendar dates.
 */
import { window, type InvariantDb } from './invariant-db';
import { RUNS, type RunName } from './invariant-runs';

export interface HourProfile {
  rows: number;
  days: number;
  busiestHour: number;
  quietestHour: number;
  ratio: number;
}

/** Row count, window length in days, busiest and quietest UTC hour of day and their count ratio. */
export async function hourProfile(db: InvariantDb, run: RunName, key: string): Promise<HourProfile> {
  const counts = await db.all(`SELECT h, count(e.h) AS n FROM range(24) AS hours(h)
    LEFT JOIN (SELECT hour(event_timestamp) AS h FROM ${run}_${key}) e USING (h) GROUP BY h ORDER BY h`);
  const n = counts.map((r) => Number(r.n));
  const max = Math.max(...n);
  const min = Math.min(...n);
  return {
    rows: n.reduce((a, b) => a + b, 0),
    days: (Date.parse(RUNS[run].end) - Date.parse(RUNS[run].start)) / 86_400_000,
    busiestHour: n.indexOf(max),
    quietestHour: n.indexOf(min),
    ratio: max / Math.max(min, 1),
  };
}

/** Mean rows per Friday/Saturday over mean rows per Monday–Thursday (UTC calendar dates of the window). */
export async function weekendRatio(db: InvariantDb, run: RunName, key: string): Promise<number> {
  const { start, dEnd } = window(run);
  const [r] = await db.all(`WITH dates AS (
      SELECT CAST(d AS DATE) AS day FROM generate_series(CAST(${start} AS DATE), ${dEnd}, INTERVAL 1 DAY) AS t(d)),
    per_day AS (
      SELECT day, isodow(day) AS dow, count(e.day) AS n FROM dates
      LEFT JOIN (SELECT CAST(event_timestamp AS DATE) AS day FROM ${run}_${key}) e USING (day) GROUP BY ALL)
    SELECT avg(n) FILTER (WHERE dow IN (5, 6)) / avg(n) FILTER (WHERE dow BETWEEN 1 AND 4) AS ratio FROM per_day`);
  return Number(r.ratio);
}

/** I19's hour sets: busiest in 20–01, quietest in 04–08. */
export const PEAK_HOURS = [20, 21, 22, 23, 0, 1];
export const TROUGH_HOURS = [4, 5, 6, 7, 8];
