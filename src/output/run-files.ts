import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/result.js';
import { buildGroupSeries } from '../experiment/group-series.js';
import { summarizeRun, type Summary } from '../experiment/summary.js';
import { customerMonthsCsv } from './customer-months.js';
import { groupSeriesCsv } from './group-series.js';
import { seriesCsv } from './series.js';
import { summaryJson } from './summary.js';
import type { FileContent } from './write.js';

/**
 * The results `ccsim run` writes, as file name → content: summary.json, the interval, day and
 * month series as CSV, and with the customer lifecycle its months (report.html and the charts
 * come from report-files.ts). Nothing is written here (see output/write.ts); the interval CSVs
 * are chunks made as the writer reads them, so memory does not grow with the horizon.
 */
export function runFiles(
  scenario: { name: string },
  seed: number,
  config: ModelConfig,
  results: readonly ReplicationResult[],
): { summary: Summary; json: string; files: Record<string, FileContent> } {
  const { summary, series } = summarizeRun(scenario.name, seed, config, results);
  const json = summaryJson(summary);
  return {
    summary,
    json,
    files: {
      'summary.json': json,
      'intervals.csv': seriesCsv(series.interval),
      'days.csv': seriesCsv(series.day),
      'months.csv': seriesCsv(series.month),
      'group-intervals.csv': groupSeriesCsv(buildGroupSeries(config, results)),
      ...(summary.customers ? { 'customer-months.csv': customerMonthsCsv(summary.customers.months) } : {}),
    },
  };
}
