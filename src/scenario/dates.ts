/**
 * Calendar dates without the wall clock: "YYYY-MM-DD" → a day number, and back, in the
 * proleptic Gregorian calendar. Day numbers count from 1970-01-01 (day 0, a Thursday), by
 * Howard Hinnant's `days_from_civil` ("chrono-Compatible Low-Level Date Algorithms", 2013),
 * so date arithmetic is integer arithmetic and never depends on a time zone.
 */

/** The day number of a valid "YYYY-MM-DD", or null when the text is not a date of the calendar. */
export function dayNumber(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  if (month < 1 || month > 12 || d < 1 || d > daysInMonth(y, month)) return null;
  const yy = month <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** "YYYY-MM-DD" of a day number (the inverse of dayNumber). */
export function dateText(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Weekday of a day number, 0 = Monday … 6 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Month of a day number, 0 = January … 11 = December. */
export function monthOf(day: number): number {
  return Number(dateText(day).slice(5, 7)) - 1;
}

function daysInMonth(y: number, month: number): number {
  if (month === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
