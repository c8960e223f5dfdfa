import { civilFromDays, daysFromCivil, isCivilDate, isoDate, weekdayOf } from '../engine/civil-time.js';

/**
 * Calendar dates of a scenario ("YYYY-MM-DD"), by the engine's civil-date arithmetic
 * (engine/civil-time.ts: day numbers from 1970-01-01, no time zone, no wall clock).
 */

/** The day number of a valid "YYYY-MM-DD", or null when the text is not a date of the calendar. */
export function dayNumber(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, month, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCivilDate(y, month, d) ? daysFromCivil(y, month, d) : null;
}

/** "YYYY-MM-DD" of a day number (the inverse of dayNumber). */
export const dateText = isoDate;

export { weekdayOf };

/** Month of a day number, 0 = January … 11 = December. */
export function monthOf(day: number): number {
  return civilFromDays(day).m - 1;
}

/**
 * The day number of a scenario's day 0: its `calendar.startDate`, or — without one — the first
 * date from 2001-01-01 (a Monday) with the scenario's start weekday and month, so that dates
 * written for it (the call log) carry the right weekdays.
 */
export function dayZero(calendar: { startDate?: string | undefined; startWeekday: number; startMonth: number }): number {
  if (calendar.startDate !== undefined) return dayNumber(calendar.startDate)!;
  let day = dayNumber('2001-01-01')!;
  while (weekdayOf(day) !== calendar.startWeekday || monthOf(day) !== calendar.startMonth) day++;
  return day;
}
