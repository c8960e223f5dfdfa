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
  const hours = b.byHour.filter((h) => (h.observed.offered ?? 0) >= 20);
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const sec = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} s`);
  if (hours.length === 0) return null;
  const x = hourAxis('hour');
  return chart(
    'Backtest: the fitted scenario against the log, by hour of day',
    [
      `Points: observed (hours with ≥ 20 calls). Line and dark band: simulated mean and its 95% CI over ${b.replications} replications; light band: 2.5–97.5% of single replications.`,
      `Overall: abandonment ${pct(b.observed.abandonRate)} observed, ${pct(b.simulated.abandonRate.mean)} simulated; ASA ${sec(b.observed.asaSec)} vs ${sec(b.simulated.asaSec.mean)}.`,
    ],
    {
      vconcat: PANELS.map((p) => {
        const data = rows(
          hours.map((h) => ({
            hour: h.hour + 0.5,
            observed: h.observed[p.figure],
            mean: h.simulated[p.figure].mean,
            lo: h.simulated[p.figure].ci95?.[0] ?? null,
            hi: h.simulated[p.figure].ci95?.[1] ?? null,
            slo: h.simulated[p.figure].spread95?.[0] ?? null,
            shi: h.simulated[p.figure].spread95?.[1] ?? null,
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
