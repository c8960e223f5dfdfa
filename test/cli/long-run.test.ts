/**
 * A run longer than a year: the summary keeps the last SUMMARY_DAYS days of the daily series
 * (memory and the file flat in the horizon), days.csv and intervals.csv keep every day and
 * interval (streamed), and the daily chart says which days it shows.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SUMMARY_DAYS } from '../../src/experiment/summary.js';
import { ccsimAsync } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-long-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a run of 400 days', () => {
  it('keeps the last year of days in summary.json, every day in days.csv and every interval in intervals.csv', async () => {
    const file = join(dir, 'long.yaml');
    // 6 calls an hour on 2 agents: 400 days is 57,600 calls, quick to simulate.
    writeFileSync(file, 'name: long\nhorizon: { days: 400 }\nwarmup: { days: 1 }\narrivals: { ratePerHour: 6 }\nhandleTime: { dist: exponential, meanSec: 300 }\nstaffing: { agents: 2 }\n');
    const r = await ccsimAsync(['run', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
    expect(SUMMARY_DAYS).toBe(366);
    expect(summary.series.day).toHaveLength(SUMMARY_DAYS);
    expect(summary.series.day[0].index).toBe(400 - SUMMARY_DAYS); // days 34 … 399
    expect(summary.series.day.at(-1).index).toBe(399);
    const days = readFileSync(join(dir, 'out', 'days.csv'), 'utf8').trimEnd().split('\n');
    expect(days).toHaveLength(1 + 399); // header + days 1 … 399
    const intervals = readFileSync(join(dir, 'out', 'intervals.csv'), 'utf8').trimEnd().split('\n');
    expect(intervals).toHaveLength(1 + 399 * 48); // 30-minute intervals by default
    // The streamed CSV is the same text as one built whole: rows in order, no chunk seam.
    expect(intervals.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(Array.from({ length: 399 * 48 }, (_, i) => 48 + i));
    const chart = JSON.parse(readFileSync(join(dir, 'out', 'charts', 'service-daily.vl.json'), 'utf8'));
    expect(JSON.stringify(chart)).toContain('The last 366 of the 399 measured days (every day is in days.csv)');
  });
});
