/**
 * Calendar arithmetic without the platform's Date (which reads the local time zone and is banned
 * below the CLI): proleptic Gregorian dates ↔ day numbers, weekdays, and clock times.
 *
 * Day numbers count days since 1970-01-01, by H. Hinnant's `days_from_civil` and
 * `civil_from_days` ("chrono-Compatible Low-Level Date Algorithms", 2013), exact for every
 * date in ±5.8 million years. A log's times are local wall-clock times: ccsim has no time zones
 * and no daylight-saving shifts, so a day is always 86,400 s.
 */

export const SECONDS_PER_DAY = 86_400;

/** Days since 1970-01-01 of year y, month m (1–12), day d (1–31). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day number. */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719_468;
  const era = Math.floor(zz / 146_097);
  const doe = zz - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** Whether (y, m, d) is a real date (30 February is not). */
export function isCivilDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const back = civilFromDays(daysFromCivil(y, m, d));
  return back.y === y && back.m === m && back.d === d;
}

/** Weekday of a day number, 0 = Monday … 6 = Sunday (the order of ccsim's `weekly`); 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "YYYY-MM-DD" of a day number. */
export function isoDate(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** "HH:MM:SS.sss" of seconds since a midnight (hours past 24 are written as such). */
export function clockText(sec: number, millis = true): string {
  const ms = Math.round(sec * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return millis ? `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}` : `${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** Seconds of a clock time "H:MM", "H:MM:SS" or "H:MM:SS.sss" (hours 0–47), or null if it is not one. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,6}))?)?$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  if (h > 47) return null;
  const frac = m[4] ? Number(m[4]) / 10 ** m[4].length : 0;
  return h * 3600 + Number(m[2]) * 60 + (m[3] ? Number(m[3]) : 0) + frac;
}

/** Seconds from midnight of a clock time "HH:MM" as scenarios write it (validated there; 24:00 is the end of the day). */
export function hhmmSec(text: string): number {
  const sec = parseClock(text);
  if (sec === null) throw new RangeError(`hhmmSec: "${text}" is not a clock time`);
  return sec;
}

/** "HH:MM" of `sec` seconds from a midnight, taken modulo a day; a midnight that ends something (a shift's end) is "24:00". */
export function hhmmText(sec: number, end: boolean): string {
  const m = ((Math.round(sec / 60) % 1440) + 1440) % 1440;
  return m === 0 && end ? '24:00' : `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}
