/**
 * Handle time: the histogram of agents' service times against the maximum-likelihood lognormal's
 * expected counts per bin — the body and the tail where they part (Brown et al. 2005 found bank
 * service times close to lognormal apart from an excess of very short calls).
 */
import type { FitJson } from '../../fit/fit-json.js';
import { chart, rows, SERIES_COLORS, FIT, type VlSpec } from './theme.js';

export function fitHandleTimeChart(fit: FitJson): VlSpec | null {
  const h = fit.handleTimeSec;
  const hist = h.histogram;
  if (hist.counts.length === 0) return null;
  const bars = rows(hist.counts.map((n, i) => ({ from: hist.fromSec[i]!, to: hist.fromSec[i]! + hist.binSec, observed: n, fitted: hist.expected[i]! })));
  const x = { field: 'from', type: 'quantitative', title: 'Service time (s)', scale: { nice: false } };
  return chart(
    'Handle time: observed against the fitted lognormal',
    [
      `${h.n} services by agents in ${hist.binSec}-s bins up to the 99th percentile (${hist.beyond} beyond). Line: expected counts of the MLE lognormal (μ ${h.lognormal.mu.toFixed(3)}, σ ${h.lognormal.sigma.toFixed(3)}).`,
      `Sample mean ${h.mean.toFixed(1)} s, cv ${h.cv.toFixed(2)}; the lognormal's mean ${h.lognormal.meanSec.toFixed(1)} s. Kolmogorov–Smirnov D = ${h.goodnessOfFit.ksDistance.toFixed(3)} at ${h.goodnessOfFit.ksAtSec} s.`,
    ],
    {
      ...FIT,
      data: { values: bars },
      layer: [
        { mark: { type: 'rect', color: SERIES_COLORS[0], opacity: 0.7, stroke: 'white', strokeWidth: 0.3 }, encoding: { x, x2: { field: 'to' }, y: { field: 'observed', type: 'quantitative', title: 'Calls per bin' } } },
        {
          mark: { type: 'line', color: SERIES_COLORS[1], strokeWidth: 2.5, interpolate: 'monotone' },
          transform: [{ calculate: '(datum.from + datum.to) / 2', as: 'mid' }],
          encoding: { x: { ...x, field: 'mid' }, y: { field: 'fitted', type: 'quantitative' } },
        },
      ],
    },
  );
}
