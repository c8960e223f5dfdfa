/**
 * The charts and report.html of `ccsim fit`: the chart registry's fit and backtest charts,
 * rendered to SVG and PNG (output/charts/render.ts), and the page (output/fit-report.ts).
 */
import type { Backtest } from '../fit/backtest.js';
import type { FitJson } from '../fit/fit-json.js';
import type { ReportChart } from '../output/report.js';

export async function fitReportFiles(fit: FitJson, backtest: Backtest | undefined, info: { name: string; file: string; source: string }, options: { charts: boolean }): Promise<{ files: Record<string, string | Uint8Array>; warnings: string[] }> {
  const { chartSpecs, specJson } = await import('../output/charts/index.js');
  const { renderFitReport } = await import('../output/fit-report.js');
  const files: Record<string, string | Uint8Array> = {};
  const warnings: string[] = [];
  let charts: ReportChart[] | null = null;
  if (options.charts) {
    const { renderChart } = await import('../output/charts/render.js');
    charts = [];
    for (const c of chartSpecs({ fit, backtest })) {
      const r = await renderChart(c.spec);
      warnings.push(...r.warnings.map((w) => `${c.name}: ${w}`));
      files[`charts/${c.name}.vl.json`] = specJson(c.spec);
      files[`charts/${c.name}.svg`] = r.svg;
      files[`charts/${c.name}.png`] = r.png;
      charts.push({ name: c.name, source: c.source, caption: c.caption, svg: r.svg });
    }
  }
  files['report.html'] = renderFitReport({ name: info.name, file: info.file, fit, backtest, charts, scenario: info.source });
  return { files, warnings };
}
