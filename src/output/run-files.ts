import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/result.js';
import { renderReport } from './report.js';
import { seriesCsv } from './series.js';
import { summarizeRun, summaryJson, type Summary } from './summary.js';

/**
 * Everything `ccsim run` writes, as file name → content: summary.json, report.html and the
 * interval, day and month series as CSV. Nothing is written here (see output/write.ts).
 */
export function runFiles(
  scenario: { name: string; description?: string | undefined },
  seed: number,
  config: ModelConfig,
  results: readonly ReplicationResult[],
): { summary: Summary; json: string; files: Record<string, string> } {
  const { summary, series } = summarizeRun(scenario.name, seed, config, results);
  const json = summaryJson(summary);
  return {
    summary,
    json,
    files: {
      'summary.json': json,
      'report.html': renderReport(summary, scenario.description),
      'intervals.csv': seriesCsv(series.interval),
      'days.csv': seriesCsv(series.day),
      'months.csv': seriesCsv(series.month),
    },
  };
}
