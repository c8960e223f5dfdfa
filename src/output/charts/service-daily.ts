/**
 * Service day by day over the measured window: ASA, service level and abandonment, each with
 * its 95% CI — weekly patterns, and whether the run settled after the warm-up.
 */
import type { Summary } from '../summary.js';
import { servicePanels } from './service-panels.js';
import { dayAxis } from './time-axes.js';
import { chart, type VlSpec } from './theme.js';
import { ciNote } from './theme.js';

export function serviceDailyChart(summary: Summary): VlSpec | null {
  const series = summary.series.day;
  if (series.length < 2) return null;
  const { thresholdSec, target } = summary.meta.serviceLevel;
  const windowDays = Math.ceil((summary.meta.horizonSec - summary.meta.warmupSec) / 86_400 - 1e-9);
  const which = series.length < windowDays ? `The last ${series.length} of the ${windowDays} measured days (every day is in days.csv)` : 'Each measured day';
  return chart(
    'Service day by day',
    `${which} (contacts by arrival day; the first and last may be partial); ${ciNote(summary.replications, 'bands:')}.`,
    servicePanels(series, { x: (r) => r.index, axis: dayAxis('x'), slThresholdSec: thresholdSec, slTarget: target, points: series.length <= 60 }),
  );
}
