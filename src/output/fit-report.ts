/**
 * report.html of `ccsim fit`: what the log held and what was dropped, the fitted figures with
 * their intervals, the backtest table, and the charts (pre-rendered SVGs inlined: no script, no
 * network), in one self-contained page.
 *
 *   fit.json · backtest.json ─charts registry (fit, backtest)─▶ specs ─render─▶ SVG ─renderFitReport─▶ report.html
 */
import { EMPTY_TEXT } from './format.js';
import type { Backtest } from '../fit/backtest.js';
import type { FitJson } from '../fit/fit-json.js';
import type { ReportChart } from './report.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (x: number | null | undefined, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const range = (c: readonly (number | null)[] | null | undefined, f: (x: number | null) => string) => (c ? ` <span class="ci">[${f(c[0] ?? null)}, ${f(c[1] ?? null)}]</span>` : '');

export interface FitReportInput {
  name: string;
  file: string;
  fit: FitJson;
  backtest?: Backtest | undefined;
  charts: readonly ReportChart[] | null;
  /** The scenario text written (shown folded). */
  scenario: string;
}

export function renderFitReport(r: FitReportInput): string {
  const f = r.fit;
  const h = f.handleTimeSec;
  const p = f.patienceSec;
  const rowsOf = (xs: readonly { key: string; count: number; description: string }[], what: string) =>
    xs.map((x) => `<tr><td>${what}</td><td class="n">${x.count}</td><td>${esc(x.key)}</td><td>${esc(x.description)}</td></tr>`).join('');
  const figures = [
    ['Agent-seeking calls', `${f.calls.toLocaleString('en-US')} over ${f.days} days (${esc(f.source.firstDate)} to ${esc(f.source.lastDate)})`],
    ['Handle time, mean', `${num(h.mean)} s${range(h.meanCi95, (x) => num(x))}, cv ${num(h.cv, 3)}`],
    ['Handle time, lognormal MLE', `μ ${num(h.lognormal.mu, 4)}${range(h.lognormal.muCi95, (x) => num(x, 4))}, σ ${num(h.lognormal.sigma, 4)}${range(h.lognormal.sigmaCi95, (x) => num(x, 4))}; KS D ${num(h.goodnessOfFit.ksDistance, 3)}`],
    ['Patience, exponential MLE', `${num(p.exponentialMean)} s${range(p.exponentialMeanCi95, (x) => num(x))} (used)`],
    ['Patience, Kaplan–Meier median', `${num(p.kaplanMeierMedian, 0)} s${range(p.kaplanMeierMedianCi95, (x) => num(x, 0))}`],
    ['P(abandon | queued)', `${pct(f.pAbandonGivenQueued)}${range(f.pAbandonGivenQueuedCi95, pct)}`],
    ['Arrivals', f.arrivals.kinds.map((k) => `${esc(k.name)}: ${num(k.meanDailyCalls)} calls/day (${k.days} days)`).join('; ')],
    ['Day-factor cv', `${num(f.arrivals.dayFactorCv.cv, 3)}${range(f.arrivals.dayFactorCv.ci95, (x) => num(x, 3))}`],
  ];
  const b = r.backtest;
  const or = (fmt: (x: number) => string) => (x: number | null) => (x === null ? EMPTY_TEXT : fmt(x));
  const btRow = (label: string, o: number | null, s: { mean: number | null; ci95: [number, number] | null }, fmt: (x: number) => string) =>
    `<tr><th>${label}</th><td>${or(fmt)(o)}</td><td>${or(fmt)(s.mean)}${s.ci95 ? ` <span class="ci">[${fmt(s.ci95[0])}, ${fmt(s.ci95[1])}]</span>` : ''}</td></tr>`;
  const backtest = b
    ? `<h2>Backtest (${b.replications} replications)</h2><table><tr><th></th><th>observed</th><th>simulated [95% CI]</th></tr>${btRow('offered', b.observed.offered, b.simulated.offered, (x) => num(x, 0))}${btRow('abandonRate', b.observed.abandonRate, b.simulated.abandonRate, pct)}${btRow('asaSec', b.observed.asaSec, b.simulated.asaSec, (x) => num(x))}${btRow('serviceLevel', b.observed.serviceLevel, b.simulated.serviceLevel, pct)}</table>`
    : '<p>No backtest (run with <code>--check</code>).</p>';
  const charts =
    r.charts === null
      ? '<p>Charts were not drawn (--no-charts).</p>'
      : r.charts.map((c) => `<figure><figcaption>${esc(c.caption)}</figcaption>${c.svg}</figure>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.name)} — ccsim fit</title>
<style>body{font-family:DejaVu Sans,Verdana,sans-serif;max-width:860px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}.n{text-align:right}.ci{color:#777}figure{margin:2em 0}figcaption{font-weight:bold;margin-bottom:.5em}pre{background:#f6f6f6;padding:1em;overflow:auto;font-size:12px}</style>
</head><body>
<h1>${esc(r.name)}</h1>
<p>Fitted by <code>ccsim fit</code> from <code>${esc(r.file)}</code> (layout ${esc(f.source.layout)}): ${f.accounting.rows} rows, ${f.calls} agent-seeking calls. Methods and every interval are in fit.json.</p>
<h2>Fitted figures</h2><table>${figures.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
<h2>Rows dropped and read otherwise</h2><table><tr><th></th><th>rows</th><th>reason</th><th>what was done</th></tr>${rowsOf(f.accounting.dropped, 'dropped')}${rowsOf(f.accounting.reinterpreted, 'reinterpreted')}</table>
${backtest}
${charts}
<h2>scenario.yaml</h2><details><summary>show</summary><pre>${esc(r.scenario)}</pre></details>
</body></html>
`;
}
