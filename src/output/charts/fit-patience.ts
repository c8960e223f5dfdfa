/**
 * Patience: the Kaplan–Meier survival of queued callers' patience (hanging up = event, answer =
 * censoring) with its 95% band, against the fitted exponential — where the curves part, the
 * exponential misdescribes the callers (e.g. more early hang-ups than it allows).
 */
import type { FitJson } from '../../fit/fit-json.js';
import { chart, rows, SERIES_COLORS, FIT, type VlSpec } from './theme.js';

export function fitPatienceChart(fit: FitJson): VlSpec | null {
  const p = fit.patienceSec;
  if (p.kaplanMeier.length === 0 || p.exponentialMean === null) return null;
  const maxT = p.longestWaitSec;
  const km = rows([{ t: 0, survival: 1, lo: 1, hi: 1 }, ...p.kaplanMeier.map((s) => ({ t: s.t, survival: s.survival, lo: s.lo, hi: s.hi }))]);
  const mean = p.exponentialMean;
  const exp = rows(Array.from({ length: 101 }, (_, i) => ({ t: (i * maxT) / 100, survival: Math.exp(-((i * maxT) / 100) / mean) })));
  const x = { field: 't', type: 'quantitative', title: 'Time waited in queue (s)', scale: { domain: [0, maxT], nice: false } };
  const y = { field: 'survival', type: 'quantitative', title: 'Share still willing to wait', scale: { domain: [0, 1] }, axis: { format: '%' } };
  return chart(
    'Patience: Kaplan–Meier against the fitted exponential',
    [
      `Kaplan–Meier (step, 95% band) from ${p.queued} queued calls, ${p.abandonments} hang-ups; median ${p.kaplanMeierMedian ?? 'not reached'} s.`,
      `Exponential MLE: mean ${mean.toFixed(1)} s (95% CI ${p.exponentialMeanCi95?.map((v) => v.toFixed(1)).join('–')}); the scenario uses it.`,
    ],
    {
      ...FIT,
      layer: [
        { data: { values: km }, mark: { type: 'area', interpolate: 'step-after', color: SERIES_COLORS[0], opacity: 0.2 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } } },
        { data: { values: km.map((r) => ({ ...r, curve: 'Kaplan–Meier' })) }, mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 }, encoding: { x, y, color: { field: 'curve', type: 'nominal', title: null, scale: { domain: ['Kaplan–Meier', 'Exponential (fitted)'], range: [SERIES_COLORS[0], SERIES_COLORS[1]] }, legend: { orient: 'top-right' } } } },
        { data: { values: exp.map((r) => ({ ...r, curve: 'Exponential (fitted)' })) }, mark: { type: 'line', strokeWidth: 2, strokeDash: [6, 3] }, encoding: { x, y, color: { field: 'curve', type: 'nominal' } } },
      ],
    },
  );
}
