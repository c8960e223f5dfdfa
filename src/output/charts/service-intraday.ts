/**
 * Service through the average day: ASA, service level and abandonment by interval of the day,
 * each with its 95% CI — where in the day callers wait.
 */
import type { Summary } from '../summary.js';
import { servicePanels } from './service-panels.js';
import { hourAxis, hourOfDay, perInterval } from './time-axes.js';
import { chart, type VlSpec } from './theme.js';
import { ciNote } from './theme.js';

export function serviceIntradayChart(summary: Summary): VlSpec | null {
  const series = summary.series.intraday;
  if (series.length < 2) return null;
  const half = summary.series.intervalSec / 7200;
  const { thresholdSec, target } = summary.meta.serviceLevel;
  return chart(
    'Service through the day',
    `By ${perInterval(summary.series.intervalSec)} interval of the average day${new Set(series.map((r) => r.dayKind)).size > 1 ? ' of each kind' : ''}, open days only (contacts by arrival time); ${ciNote(summary.replications, 'bands:')}.`,
    servicePanels(series, {
      x: (r) => hourOfDay(r.startSec) + half,
      axis: hourAxis('x'),
      slThresholdSec: thresholdSec,
      slTarget: target,
      points: series.length <= 48,
      group: (r) => (r as (typeof series)[number]).dayKind,
    }),
  );
}
