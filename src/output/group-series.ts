import { GROUP_SERIES_FIGURES, type GroupSeriesRow } from '../experiment/group-series.js';
import { csvLines, estimateCells } from './csv.js';
import { dayAndTime } from './series.js';

/** group-intervals.csv: index, day, time, group, then mean/lo/hi of every figure (blank where empty); streamed (csvLines). */
export function groupSeriesCsv(rows: Iterable<GroupSeriesRow>): Iterable<string> {
  const head = ['index', 'day', 'time', 'group', ...GROUP_SERIES_FIGURES.flatMap((f) => [f, `${f}_lo`, `${f}_hi`])];
  return csvLines(head, rows, (r) => [r.index, ...dayAndTime(r.startSec), r.group, ...GROUP_SERIES_FIGURES.flatMap((f) => estimateCells(r.figures[f]))]);
}
