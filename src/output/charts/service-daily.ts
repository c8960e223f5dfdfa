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
  return chart(
    'Service day by day',
    `Each measured day (contacts by arrival day; the first and last may be partial); ${ciNote(summary.replications, 'bands:')}.`,
    servicePanels(series, { x: (r) => r.index, axis: dayAxis('x'), slThresholdSec: thresholdSec, slTarget: target, points: series.length <= 60 }),
  );
}
