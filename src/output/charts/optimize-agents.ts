/**
 * The optimiser's landscape: the objective of every candidate it evaluated against the agents on
 * its roster, each with its 95% CI, coloured by whether it met the requirements, the search path
 * drawn through its incumbents and the chosen staffing ringed. Candidates with the same number of
 * agents differ in where those agents sit (shifts, starts) or in other decisions.
 */
import { isChosen, type OptimizeResult } from '../optimize.js';
import { axisFormat, figureStyle, figureTitle } from './figures.js';
import { chart, FIT, rows, type VlSpec } from './theme.js';

const STATUS_COLORS = { feasible: '#1a7f37', undetermined: '#b58900', infeasible: '#b42318' };

export function optimizeAgentsChart(r: OptimizeResult): VlSpec | null {
  if (r.evaluated.length === 0) return null;
  const figure = r.objective;
  const data = rows(
    r.evaluated.map((c) => ({
      agents: c.totalAgents,
      mean: c.objective.mean,
      lo: c.objective.ci95[0],
      hi: c.objective.ci95[1],
      status: c.status,
      chosen: isChosen(r, c.set),
      label: Object.entries(c.set).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', '),
    })),
  );
  const path = rows(r.path.map((s) => ({ step: s.step, agents: s.totalAgents, mean: s.objective.mean })));
  const format = axisFormat(figure, data.flatMap((d) => [d.lo, d.hi]));
  const x = { field: 'agents', type: 'quantitative', title: 'Agents on the roster, Σ over shifts (agents)', scale: { zero: false, nice: false, padding: 24 }, axis: { format: '~d', tickMinStep: 1 } };
  const y = (field: string): VlSpec => ({ field, type: 'quantitative', title: figureTitle(figure), scale: { zero: false, padding: 24 }, axis: { format } });
  const statuses = Object.keys(STATUS_COLORS).filter((s) => data.some((d) => d.status === s));
  const color = { field: 'status', type: 'nominal', title: r.require.length > 0 ? 'Requirements' : 'Candidates', scale: { domain: statuses, range: statuses.map((s) => STATUS_COLORS[s as keyof typeof STATUS_COLORS]) } };
  const best = r.best;
  const subtitle = [
    `Every candidate evaluated (mean, 95% CI over its replications); grey line: the search path; ringed: the chosen staffing, ${best.totalAgents} agents, ${figureStyle(figure).label.toLowerCase()} ${best.objective.mean.toLocaleString('en-US', { maximumFractionDigits: 0 })}.`,
    `${r.evaluations} candidates, ${r.replicationsUsed} replications on common random numbers${r.require.length > 0 ? `; requirements: ${r.require.join('; ')}` : ''}.`,
  ];
  return chart(`Optimisation: ${figureStyle(figure).label.toLowerCase()} against the agents on the roster`, subtitle, {
    ...FIT,
    layer: [
      { data: { values: path }, mark: { type: 'line', color: '#999999', strokeWidth: 1.5, strokeDash: [4, 3] }, encoding: { x: { ...x, field: 'agents' }, y: y('mean'), order: { field: 'step' } } },
      { data: { values: data }, mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.7 }, encoding: { x, y: y('lo'), y2: { field: 'hi' }, color } },
      { data: { values: data }, mark: { type: 'point', filled: true, size: 70, opacity: 0.9 }, encoding: { x, y: y('mean'), color, tooltip: [{ field: 'label' }, { field: 'mean', format }] } },
      { data: { values: data }, transform: [{ filter: 'datum.chosen' }], mark: { type: 'point', filled: false, size: 480, strokeWidth: 3, color: '#d62728', opacity: 1 }, encoding: { x, y: y('mean') } },
      { data: { values: data }, transform: [{ filter: 'datum.chosen' }], mark: { type: 'text', dy: -24, fontSize: 13, fontWeight: 'bold', color: '#d62728' }, encoding: { x, y: y('mean'), text: { value: 'chosen' } } },
    ],
  });
}
