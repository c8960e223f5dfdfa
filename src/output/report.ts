import type { Estimate } from '../experiment/estimate.js';
import type { Summary } from './summary.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function fmt(e: Estimate, digits: number): string {
  const [lo, hi] = e.ci95;
  return lo === hi ? e.mean.toFixed(digits) : `${e.mean.toFixed(digits)} <span class="ci">[${lo.toFixed(digits)}, ${hi.toFixed(digits)}]</span>`;
}

const ROWS: [keyof Summary['kpis'], string, number][] = [
  ['offered', 'Contacts offered', 0],
  ['answered', 'Answered', 0],
  ['abandoned', 'Abandoned', 0],
  ['abandonRate', 'Abandonment rate', 4],
  ['pWait', 'Share that waited', 4],
  ['waitSec', 'Mean wait, all offered (s)', 2],
  ['asaSec', 'Average speed of answer (s)', 2],
  ['serviceLevel', 'Service level', 4],
  ['occupancy', 'Agent occupancy', 4],
  ['ahtSec', 'Average handle time (s)', 1],
  ['fcr', 'First-contact resolution', 4],
  ['queueLength', 'Mean queue length', 3],
];

/**
 * A minimal self-contained report: the scenario's key figures with their 95% CIs. No script, no
 * network; the full report with charts is built on this later.
 */
export function renderReport(summary: Summary, description: string | undefined): string {
  const rows = ROWS.map(([key, label, d]) => `<tr><th>${label}</th><td>${fmt(summary.kpis[key], d)}</td></tr>`).join('\n');
  const money = (Object.keys(summary.economics) as (keyof Summary['economics'])[])
    .map((key) => `<tr><th>${key}</th><td>${fmt(summary.economics[key], 0)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ccsim — ${escape(summary.scenario)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}th,td{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left}
td{font-variant-numeric:tabular-nums}.ci{color:#777;font-size:.9em}</style></head>
<body><h1>${escape(summary.scenario)}</h1>
${description ? `<p>${escape(description)}</p>` : ''}
<p>${summary.replications} replication(s), seed ${summary.seed}; means with 95% confidence intervals over replications,
for contacts offered between ${(summary.meta.warmupSec / 3600).toFixed(1)} h and ${(summary.meta.horizonSec / 3600).toFixed(1)} h.</p>
<h2>Queue</h2><table>${rows}</table>
<h2>Money</h2><table>${money}</table>
</body></html>
`;
}
