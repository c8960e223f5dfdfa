/**
 * Observed vs fitted arrival profile: for each kind of day, every observed day's calls per
 * interval (thin lines) against the fitted rate (thick line) and its Poisson 95% band — where
 * the days scatter beyond the band, the day factor (over-dispersion) is at work.
 */
import type { FitJson } from '../../fit/fit-json.js';
import { hourAxis } from './time-axes.js';
import { chart, rows, SERIES_COLORS, WIDTH, type VlSpec } from './theme.js';

export function fitArrivalsChart(fit: FitJson): VlSpec | null {
  const a = fit.arrivals;
  const intervalMin = fit.source.intervalMin;
  const perHour = 60 / intervalMin;
  const kinds = a.kinds.map((k) => k.name);
  const observed = rows(
    a.daily.flatMap((d, day) =>
      (a.observedByDay[day] ?? []).map((calls, i) => ({ kind: d.kind, day: `${d.date} ${d.weekday}`, hour: (i * intervalMin) / 60, calls })),
    ),
  );
  const fitted = rows(
    a.kinds.flatMap((k) =>
      k.ratePerHour.map((r, i) => ({ kind: k.name, hour: (i * intervalMin) / 60, calls: r / perHour, lo: k.ratePerHourCi95[i]![0] / perHour, hi: k.ratePerHourCi95[i]![1] / perHour })),
    ),
  );
  const x = hourAxis('hour');
  const y = { field: 'calls', type: 'quantitative', title: `Calls per ${intervalMin} min` };
  return chart(
    'Arrivals: observed days against the fitted profile',
    [`Thin lines: each day of the log; thick line: the fitted rate of its kind of day (calls / time observed), band: Poisson 95% CI. Day-factor cv ${fit.arrivals.dayFactorCv.cv.toFixed(3)} (95% CI ${fit.arrivals.dayFactorCv.ci95.map((v) => v.toFixed(3)).join("–")}).`],
    {
      vconcat: kinds.map((kind) => ({
        width: WIDTH - 100,
        height: 150,
        title: { text: kind, anchor: 'start', fontSize: 13 },
        layer: [
          { data: { values: fitted.filter((r) => r.kind === kind) }, mark: { type: 'area', interpolate: 'step-after', color: SERIES_COLORS[0], opacity: 0.25 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } } },
          { data: { values: observed.filter((r) => r.kind === kind) }, mark: { type: 'line', interpolate: 'step-after', strokeWidth: 0.8, color: '#888888', opacity: 0.7 }, encoding: { x, y, detail: { field: 'day' } } },
          { data: { values: fitted.filter((r) => r.kind === kind) }, mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.5, color: SERIES_COLORS[0] }, encoding: { x, y } },
        ],
      })),
    },
  );
}
