import { GROUP_SERIES_FIGURES, type GroupSeriesRow } from '../experiment/group-series.js';
import { csvRow, estimateCells } from './csv.js';
import { dayAndTime } from './series.js';

/** group-intervals.csv: index, day, time, group, then mean/lo/hi of every figure (blank where empty). */
export function groupSeriesCsv(rows: readonly GroupSeriesRow[]): string {
  const head = ['index', 'day', 'time', 'group', ...GROUP_SERIES_FIGURES.flatMap((f) => [f, `${f}_lo`, `${f}_hi`])];
  const lines = rows.map((r) => csvRow([r.index, ...dayAndTime(r.startSec), r.group, ...GROUP_SERIES_FIGURES.flatMap((f) => estimateCells(r.figures[f]))]));
  return `${[csvRow(head), ...lines].join('\n')}\n`;
}
