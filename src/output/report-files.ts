/**
 * The files of a report, as name → content, from a directory's results: report.html,
 * scenario.json, and for every chart the registry can draw charts/<name>.vl.json, .svg and .png.
 * `ccsim run`, `compare`, `sweep`, `merge` and `report` all build them here, so the report a
 * command writes is the one `ccsim report DIR` rebuilds from the stored JSON. Nothing is read or
 * written here: the CLI reads the stored results (parseStored) and writes the files.
 */
import type { Comparison } from '../experiment/compare.js';
import { chartSpecs, specJson, type ChartSources } from './charts/index.js';
import { renderReport, type ReportChart, type ScenarioInfo } from './report.js';
import type { Summary } from './summary.js';
import type { SweepResult } from '../experiment/sweep.js';
import { readComparison } from './stored/comparison.js';
import { StoredFileError } from './stored/read.js';
import { readScenarioInfo, SCENARIO_FORMAT } from './stored/scenario-info.js';
import { readSummary } from './stored/summary.js';
import { readSweep } from './stored/sweep.js';
import { readOptimize } from './stored/optimize.js';
import type { OptimizeResult } from './optimize.js';

/** The results a report is made of; any may be absent, not all. */
export interface ReportResults extends ChartSources {
  scenario: ScenarioInfo;
}

export interface ReportFiles {
  files: Record<string, string | Uint8Array>;
  /** Chart names drawn, in report order. */
  charts: string[];
  /** What vega-lite or vega warned about while drawing (none for good specs). */
  warnings: string[];
}


/** scenario.json: what the report says about the scenario (name, description, file and text). */
export function scenarioJson(info: ScenarioInfo): string {
  return `${JSON.stringify({ format: SCENARIO_FORMAT, version: 1, ...info }, null, 2)}\n`;
}

/**
 * Every file of the report. With `charts: false` no chart is drawn (vega is never loaded) and
 * the page says so; otherwise each chart is rendered to SVG and PNG (charts/render.ts).
 */
export async function reportFiles(results: ReportResults, options: { charts: boolean }): Promise<ReportFiles> {
  const files: Record<string, string | Uint8Array> = { 'scenario.json': scenarioJson(results.scenario) };
  const warnings: string[] = [];
  let charts: ReportChart[] | null = null;
  if (options.charts) {
    const { renderChart } = await import('./charts/render.js');
    charts = [];
    for (const c of chartSpecs(results)) {
      const r = await renderChart(c.spec);
      warnings.push(...r.warnings.map((w) => `${c.name}: ${w}`));
      files[`charts/${c.name}.vl.json`] = specJson(c.spec);
      files[`charts/${c.name}.svg`] = r.svg;
      files[`charts/${c.name}.png`] = r.png;
      charts.push({ name: c.name, source: c.source, caption: c.caption, svg: r.svg });
    }
  }
  files['report.html'] = renderReport({ ...results, charts });
  return { files, charts: charts?.map((c) => c.name) ?? [], warnings };
}

/** A stored result that cannot be used for a report (stored/read.ts); the CLI reports it as bad input. */
export { StoredFileError as StoredResultError };

export const STORED_FILES = { scenario: 'scenario.json', summary: 'summary.json', comparison: 'comparison.json', sweep: 'sweep.json', optimize: 'optimize.json' } as const;
export type StoredKind = keyof typeof STORED_FILES;

/** Added to a stored result's shape problem. */
const HINT = '; was it written by this version of ccsim? (re-run the command that wrote it)';

/**
 * Reads a stored result to draw from it, checked by its kind's schema (stored/): the fields the
 * report and the charts read. A file from an older ccsim that lacks them is refused with a hint,
 * not half drawn.
 */
export function parseStored(kind: 'scenario', file: string, text: string): ScenarioInfo;
export function parseStored(kind: 'summary', file: string, text: string): Summary;
export function parseStored(kind: 'comparison', file: string, text: string): Comparison;
export function parseStored(kind: 'sweep', file: string, text: string): SweepResult;
export function parseStored(kind: 'optimize', file: string, text: string): OptimizeResult;
export function parseStored(kind: StoredKind, file: string, text: string): unknown {
  switch (kind) {
    case 'scenario':
      return readScenarioInfo(file, text, HINT);
    case 'summary':
      return readSummary(file, text, HINT);
    case 'comparison':
      return readComparison(file, text, HINT);
    case 'sweep':
      return readSweep(file, text, HINT);
    case 'optimize':
      return readOptimize(file, text, HINT);
  }
}
