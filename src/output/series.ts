import { SERIES_KPIS, type SeriesRow } from '../experiment/series.js';
import { csvLines, estimateCells } from './csv.js';

/** The day (from day 0) and the "HH:MM" time of day of a time in seconds, for CSV rows. */
export function dayAndTime(startSec: number): [number, string] {
  const day = Math.floor(startSec / 86_400);
  const minutes = Math.round((startSec - day * 86_400) / 60);
  return [day, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`];
}

/**
 * A series as CSV: index, start (day d, hh:mm), then mean/lo/hi of every figure (blank where
 * empty); line by line as the rows are read (csvLines), so years of intervals stream to disk.
 */
export function seriesCsv(rows: Iterable<SeriesRow>): Iterable<string> {
  const head = ['index', 'day', 'time', ...SERIES_KPIS.flatMap((k) => [k, `${k}_lo`, `${k}_hi`])];
  return csvLines(head, rows, (r) => [r.index, ...dayAndTime(r.startSec), ...SERIES_KPIS.flatMap((k) => estimateCells(r.kpis[k]))]);
}
