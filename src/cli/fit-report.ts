/** Charts and report.html of `ccsim fit` (filled in below). */
import type { Backtest } from '../fit/backtest.js';
import type { FitJson } from '../fit/fit-json.js';

export async function fitReportFiles(_fit: FitJson, _backtest: Backtest | undefined, _info: { name: string; file: string; source: string }): Promise<Record<string, string | Uint8Array>> {
  return {};
}
