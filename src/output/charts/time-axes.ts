/**
 * The x axes of the series charts: hour of the day (for the average day) and day of the run.
 */
import type { VlSpec } from './theme.js';

const SECONDS_PER_DAY = 86_400;

/** Hours from midnight of an interval's start (the series rows carry seconds from the run's start). */
export function hourOfDay(startSec: number): number {
  return (startSec % SECONDS_PER_DAY) / 3600;
}

/** "contacts/30 min", "contacts/h": the unit of a per-interval count. */
export function perInterval(intervalSec: number): string {
  const minutes = intervalSec / 60;
  if (minutes === 60) return 'h';
  if (Number.isInteger(minutes)) return `${minutes} min`;
  return `${intervalSec} s`;
}

/** Quantitative hours 0–24, labelled 00:00, 02:00 … */
export function hourAxis(field: string, extra: VlSpec = {}): VlSpec {
  return {
    field,
    type: 'quantitative',
    title: 'Time of day (h)',
    scale: { domain: [0, 24], nice: false },
    axis: { values: [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24], labelExpr: "datum.value >= 24 ? '24:00' : utcFormat(datum.value * 3600000, '%H:%M')", labelFlush: false, grid: true },
    ...extra,
  };
}

/** Day of the run (day 0 starts at time 0; the warm-up days are not shown). */
export function dayAxis(field: string, extra: VlSpec = {}): VlSpec {
  return { field, type: 'quantitative', title: 'Day of the run (day)', scale: { nice: false, zero: false }, axis: { format: 'd', tickMinStep: 1 }, ...extra };
}

/**
 * Month of the run, 1 = the first 30 days (the customer lifecycle's months; a row's `index` + 1):
 * whole-month ticks, no nicening past the months shown.
 */
export function monthAxis(field: string, extra: VlSpec = {}): VlSpec {
  return { field, type: 'quantitative', title: 'Month of the run (30-day months)', scale: { nice: false, zero: false, padding: 12 }, axis: { format: 'd', tickMinStep: 1 }, ...extra };
}
