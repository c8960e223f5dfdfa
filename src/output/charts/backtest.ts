/**
 * The backtest: observed KPIs by hour of the day (points) against the simulated fitted scenario
 * (line, 95% CI of the mean as a band, and the spread of single replications as a lighter band)
 * — abandonment, ASA and service level, where the fit holds and where it does not.
 */
import type { Backtest } from '../../fit/backtest.js';
import { hourAxis } from './time-axes.js';
import { chart, rows, SERIES_COLORS, WIDTH, type VlSpec } from './theme.js';

const PANELS = [
  { figure: 'abandonRate', title: 'Abandonment', format: '%' },
  { figure: 'asaSec', title: 'ASA (s)', format: ',.0f' },
  { figure: 'serviceLevel', title: 'Service level', format: '%' },
] as const;

export function backtestChart(b: Backtest): VlSpec | null {
  const hours = b.byHour.filter((h) => h.observed.offered >= 20);
  if (hours.length === 0) return null;
  const x = hourAxis('hour');
  return chart(
    'Backtest: the fitted scenario against the log, by hour of day',
    [
      `Points: observed (hours with ≥ 20 calls). Line and dark band: simulated mean and its 95% CI over ${b.replications} replications; light band: 2.5–97.5% of single replications.`,
      `Overall: abandonment ${(b.observed.abandonRate * 100).toFixed(1)}% observed, ${(b.simulated.abandonRate.mean * 100).toFixed(1)}% simulated; ASA ${b.observed.asaSec.toFixed(1)} s vs ${b.simulated.asaSec.mean.toFixed(1)} s.`,
    ],
    {
      vconcat: PANELS.map((p) => {
        const data = rows(
          hours.map((h) => ({
            hour: h.hour + 0.5,
            observed: h.observed[p.figure],
            mean: h.simulated[p.figure].mean,
            lo: h.simulated[p.figure].ci95[0],
            hi: h.simulated[p.figure].ci95[1],
            slo: h.simulated[p.figure].spread95[0],
            shi: h.simulated[p.figure].spread95[1],
          })),
        );
        const y = { type: 'quantitative', title: p.title, axis: { format: p.format } };
        return {
          width: WIDTH - 100,
          height: 130,
          data: { values: data },
          layer: [
            { mark: { type: 'area', color: SERIES_COLORS[0], opacity: 0.12 }, encoding: { x, y: { ...y, field: 'slo' }, y2: { field: 'shi' } } },
            { mark: { type: 'area', color: SERIES_COLORS[0], opacity: 0.3 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } } },
            { mark: { type: 'line', color: SERIES_COLORS[0], strokeWidth: 2 }, encoding: { x, y: { ...y, field: 'mean' } } },
            { mark: { type: 'point', filled: true, color: SERIES_COLORS[1], size: 40 }, encoding: { x, y: { ...y, field: 'observed' } } },
          ],
        };
      }),
    },
  );
}
