/**
 * The chart registry: every chart ccsim draws, in report order, each a function from one stored
 * result (a run's summary, a comparison, a sweep) to a Vega-Lite spec with its data inlined — or
 * null when that result has nothing for it to show (one channel, one varied key…).
 *
 *   summary.json · comparison.json · sweep.json ─(registry)─▶ Vega-Lite specs (charts/<name>.vl.json)
 *     ─render.ts: vega-lite compile · vega View (renderer none) toSVG─▶ <name>.svg
 *     ─resvg (DejaVu fonts shipped, no system fonts)─▶ <name>.png ─report.ts─▶ report.html
 *
 * To add a chart: write its builder in its own file of this folder and list it below with the
 * result it reads. Nothing here imports vega: building specs is cheap, and rendering (render.ts)
 * is loaded only by the commands that draw.
 */
import type { Comparison } from '../../experiment/compare.js';
import type { Backtest } from '../../fit/backtest.js';
import type { FitJson } from '../../fit/fit-json.js';
import { backtestChart } from './backtest.js';
import type { Summary } from '../summary.js';
import type { SweepResult } from '../../experiment/sweep.js';
import type { OptimizeResult } from '../optimize.js';
import { optimizeAgentsChart } from './optimize-agents.js';
import { channelsChart } from './channels.js';
import { compareKpisChart } from './compare-kpis.js';
import { compareProfitChart } from './compare-profit.js';
import { compareCustomersMonthlyChart, customersMonthlyChart } from './customers-monthly.js';
import { fitArrivalsChart } from './fit-arrivals.js';
import { fitHandleTimeChart } from './fit-handle-time.js';
import { fitPatienceChart } from './fit-patience.js';
import { intradayLoadChart } from './intraday-load.js';
import { compareProfitCumulativeChart, profitCumulativeChart } from './profit-cumulative.js';
import { reasonsChart } from './reasons.js';
import { compareSatisfactionChart, satisfactionChart } from './satisfaction.js';
import { serviceDailyChart } from './service-daily.js';
import { serviceIntradayChart } from './service-intraday.js';
import { sweepMapChart } from './sweep-map.js';
import type { VlSpec } from './theme.js';

/** The stored results charts are drawn from; any may be absent. */
export interface ChartSources {
  summary?: Summary | undefined;
  comparison?: Comparison | undefined;
  sweep?: SweepResult | undefined;
  optimize?: OptimizeResult | undefined;
  /** `ccsim fit`: fit.json and backtest.json. */
  fit?: FitJson | undefined;
  backtest?: Backtest | undefined;
}

export type Source = keyof ChartSources;

export interface ChartDefinition<S extends Source = Source> {
  /** File name stem: charts/<name>.vl.json, .svg, .png. */
  name: string;
  source: S;
  /** What the chart answers, for the report. */
  caption: string;
  build: (data: NonNullable<ChartSources[S]>) => VlSpec | null;
}

export interface ChartSpec {
  name: string;
  source: Source;
  caption: string;
  spec: VlSpec;
}

const define = <S extends Source>(d: ChartDefinition<S>): ChartDefinition => d as unknown as ChartDefinition;

export const CHARTS: readonly ChartDefinition[] = [
  define({ name: 'intraday-load', source: 'summary', caption: 'Is the day staffed where the load is?', build: intradayLoadChart }),
  define({ name: 'service-intraday', source: 'summary', caption: 'When in the day do callers wait and hang up?', build: serviceIntradayChart }),
  define({ name: 'service-daily', source: 'summary', caption: 'How does service vary from day to day?', build: serviceDailyChart }),
  define({ name: 'channels', source: 'summary', caption: 'How does each channel fare?', build: channelsChart }),
  define({ name: 'reasons', source: 'summary', caption: 'Which contact reasons are resolved first time, and which wait?', build: reasonsChart }),
  define({ name: 'satisfaction', source: 'summary', caption: 'How satisfied do contacts leave, and how many are resolved first time?', build: satisfactionChart }),
  define({ name: 'customers-monthly', source: 'summary', caption: 'How does the customer base move month by month?', build: customersMonthlyChart }),
  define({ name: 'profit-cumulative', source: 'summary', caption: 'How does profit build up over the months?', build: profitCumulativeChart }),
  define({ name: 'compare-kpis', source: 'comparison', caption: 'How do the policies differ on the key figures?', build: compareKpisChart }),
  define({ name: 'compare-profit', source: 'comparison', caption: 'Why does profit differ from the baseline?', build: compareProfitChart }),
  define({
    name: 'compare-profit-cumulative',
    source: 'comparison',
    caption: 'When does the profit difference build up?',
    build: compareProfitCumulativeChart,
  }),
  define({ name: 'compare-customers-monthly', source: 'comparison', caption: 'What does each policy do to the customer base, month by month?', build: compareCustomersMonthlyChart }),
  define({ name: 'compare-satisfaction', source: 'comparison', caption: 'How satisfied do contacts leave under each policy?', build: compareSatisfactionChart }),
  define({ name: 'sweep-profit', source: 'sweep', caption: 'Where in the grid is profit highest?', build: (s: SweepResult) => sweepMapChart(s, 'profit') }),
  define({
    name: 'sweep-by',
    source: 'sweep',
    caption: 'Where in the grid is the --by figure best?',
    build: (s: SweepResult) => (s.by && s.by !== 'profit' ? sweepMapChart(s, s.by) : null),
  }),
  define({ name: 'optimize-agents', source: 'optimize', caption: 'Where is the objective best, against the agents on the roster?', build: optimizeAgentsChart }),
  define({ name: 'fit-arrivals', source: 'fit', caption: 'Does the fitted arrival profile follow the observed days?', build: fitArrivalsChart }),
  define({ name: 'fit-patience', source: 'fit', caption: 'Is patience exponential? Kaplan–Meier against the fitted exponential', build: fitPatienceChart }),
  define({ name: 'fit-handle-time', source: 'fit', caption: 'Are service times lognormal? The histogram against the fitted lognormal', build: fitHandleTimeChart }),
  define({ name: 'backtest', source: 'backtest', caption: 'Does the fitted scenario reproduce the log, hour by hour?', build: backtestChart }),
];

/** The specs of every chart the given results can draw, in registry order. */
export function chartSpecs(sources: ChartSources, charts: readonly ChartDefinition[] = CHARTS): ChartSpec[] {
  const out: ChartSpec[] = [];
  for (const c of charts) {
    const data = sources[c.source];
    if (!data) continue;
    const spec = c.build(data as never);
    if (spec) out.push({ name: c.name, source: c.source, caption: c.caption, spec });
  }
  return out;
}

/** A spec as written to charts/<name>.vl.json: 2-space indent, stable key order. */
export function specJson(spec: VlSpec): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}
