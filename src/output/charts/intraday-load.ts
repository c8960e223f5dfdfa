/**
 * Intraday load: the average day's offered contacts per interval (bars, with their 95% CI)
 * above the agents staffed and the agents Erlang C says the service-level target needs at the
 * expected load — where the two agent lines part, the plan is short or long. One such pair of
 * panels per kind of day (weekdays and weekends of a center open Monday to Friday differ; closed
 * days are no kind and never dilute the average).
 */
import type { IntradayRow } from '../../experiment/series.js';
import type { Summary } from '../summary.js';
import { hourAxis, hourOfDay, perInterval } from './time-axes.js';
import { SERIES_COLORS, chart, ci, rows, scaled, WIDTH, type VlSpec } from './theme.js';

const LEGEND = { orient: 'top-left', direction: 'vertical', fillColor: 'white', padding: 6, symbolStrokeWidth: 2.5, symbolSize: 300 };

export function intradayLoadChart(summary: Summary): VlSpec | null {
  const all = summary.series.intraday;
  if (all.length === 0) return null;
  const kinds = [...new Set(all.map((r) => r.dayKind))];
  const blocks = kinds.map((kind) => kindPanels(summary, all.filter((r) => r.dayKind === kind), kinds.length > 1 ? kind : null));
  const intervalSec = summary.series.intervalSec;
  const unit = perInterval(intervalSec);
  const withCi = summary.replications > 1;
  const { thresholdSec, target } = summary.meta.serviceLevel;
  const days = kinds.map((k) => `${Math.max(...all.filter((r) => r.dayKind === k).map((r) => r.days))} ${k === 'every day' ? 'days' : k}`).join(', ');
  return chart(
    'Intraday load and staffing',
    [
      `The average day${kinds.length > 1 ? ' of each kind' : ''} over the measured days (${days}): contacts offered per ${unit}${withCi ? ' (error bars: 95% CI)' : ''} against agents.`,
      `Required = Erlang C agents for ${Math.round(target * 100)}% answered within ${thresholdSec} s at the ${summary.customers ? 'offered' : 'expected'} load.`,
    ],
    blocks.length === 1 ? blocks[0]! : { vconcat: blocks, spacing: 36 },
  );
}

/** The load and agents panels of one kind of day (titled with the kind when there are several). */
function kindPanels(summary: Summary, series: readonly IntradayRow[], kind: string | null): VlSpec {
  const intervalSec = summary.series.intervalSec;
  const hours = intervalSec / 3600;
  const load = rows(
    series.map((r) => ({
      hour: hourOfDay(r.startSec),
      end: hourOfDay(r.startSec) + hours,
      ...scaled(ci(r.kpis.offered), 1 / r.days),
    })),
  );
  const agents = rows(
    series.flatMap((r) => [
      { hour: hourOfDay(r.startSec), agents: 'Staffed (logged in)', ...ci(r.kpis.staffedAgents) },
      { hour: hourOfDay(r.startSec), agents: 'Required (Erlang C)', ...ci(r.kpis.requiredAgents) },
    ]),
  );
  // Step lines need a point at 24:00 to draw the last interval to its end.
  const last = series[series.length - 1]!;
  if (hourOfDay(last.startSec) + hours >= 24 - 1e-9) {
    agents.push(...agents.slice(-2).map((a) => ({ ...a, hour: 24 })));
  }
  const unit = perInterval(intervalSec);
  const withCi = load.some((r) => r.hi !== r.lo);
  const x = hourAxis('hour');
  // The panels share the time axis: only the bottom one labels it.
  const top = { ...x, axis: { ...(x.axis as VlSpec), labels: false, ticks: false, title: null } };
  const panelWidth = WIDTH - 90;
  const offered = (field: string) => ({ field, type: 'quantitative', title: `Offered (contacts/${unit})`, axis: { format: ',~f' } });
  return {
      ...(kind === null ? {} : { title: { text: `${kind} (${Math.max(...series.map((r) => r.days))} days)`, anchor: 'start', fontSize: 15 } }),
      vconcat: [
        {
          width: panelWidth,
          height: 160,
          data: { values: load },
          layer: [
            {
              mark: { type: 'rect', color: SERIES_COLORS[0], opacity: 0.75, stroke: 'white', strokeWidth: 0.5 },
              encoding: { x: top, x2: { field: 'end' }, y: offered('mean') },
            },
            // 95% CI of the mean per day (absent with one replication)
            ...(withCi
              ? [
                  {
                    mark: { type: 'rule', color: '#222222' },
                    transform: [{ calculate: '(datum.hour + datum.end) / 2', as: 'mid' }],
                    encoding: { x: { ...top, field: 'mid' }, y: offered('lo'), y2: { field: 'hi' } },
                  },
                ]
              : []),
          ],
        },
        {
          width: panelWidth,
          height: 200,
          data: { values: agents },
          mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.5 },
          encoding: {
            x,
            y: { field: 'mean', type: 'quantitative', title: 'Agents (headcount)', axis: { format: ',.0f' } },
            color: {
              field: 'agents',
              type: 'nominal',
              title: null,
              scale: { domain: ['Staffed (logged in)', 'Required (Erlang C)'], range: [SERIES_COLORS[0], SERIES_COLORS[1]] },
              legend: LEGEND,
            },
            // The same legend as colour, so the two merge into one showing colour and dash.
            strokeDash: {
              field: 'agents',
              type: 'nominal',
              title: null,
              scale: { domain: ['Staffed (logged in)', 'Required (Erlang C)'], range: [[1, 0], [7, 4]] },
              legend: LEGEND,
            },
          },
        },
      ],
      // The legend belongs to the agents panel, inside it.
      resolve: { legend: { color: 'independent', strokeDash: 'independent' } },
  };
}
