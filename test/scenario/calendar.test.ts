import { describe, expect, it } from 'vitest';
import { SECONDS_PER_HOUR } from '../../src/model/config.js';
import { parseScenario } from '../../src/scenario/load.js';
import * as msg from '../../src/scenario/messages.js';
import { dateText, dayNumber, weekdayOf } from '../../src/scenario/dates.js';
import { scenarioProblems } from '../support/scenario.js';

const base = ['name: cal', 'horizon: { days: 14 }', 'handleTime: { dist: exponential, meanSec: 300 }'];
const ARRIVALS = 'arrivals: { ratePerHour: 60, intervalMin: 60 }';
/** The config of `base` plus `lines` (with the default arrivals unless the lines give their own). */
const load = (...lines: string[]) =>
  parseScenario([...base, ...(lines.some((l) => l.startsWith('arrivals:')) ? [] : [ARRIVALS]), ...lines].join('\n'), 'cal.yaml').config;
const problemsOf = (...lines: string[]) => scenarioProblems([...base, ARRIVALS, ...lines].join('\n'));

describe('calendar dates', () => {
  it('numbers days like the proleptic Gregorian calendar: 1999-02-01 was a Monday, 2000-02-29 exists, 1999-02-29 does not', () => {
    // Weekdays checked against any printed calendar; 1970-01-01 is day 0 (a Thursday).
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(weekdayOf(dayNumber('1999-02-01')!)).toBe(0);
    expect(weekdayOf(dayNumber('2026-12-06')!)).toBe(6);
    expect(dateText(dayNumber('2000-02-29')!)).toBe('2000-02-29');
    expect(dayNumber('1999-02-29')).toBeNull();
    expect(dayNumber('1999-13-01')).toBeNull();
  });

  it('takes the weekday and the month of day 0 from calendar.startDate', () => {
    const config = load('calendar: { startDate: "1999-02-05" }', 'staffing: { agents: 5 }');
    expect(config.demand.startWeekday).toBe(4); // a Friday
    expect(config.demand.startMonth).toBe(1); // February
  });

  it('turns holidays into day indices from day 0', () => {
    const config = load('calendar: { startDate: "1999-02-01", holidays: ["1999-02-05", "1999-01-30"] }', 'staffing: { agents: 5 }');
    expect(config.hours.holidays).toEqual([4]); // a holiday before day 0 does not matter
  });

  it('refuses startDate together with startWeekday, and holidays without startDate', () => {
    const problems = (cal: string) => problemsOf(`calendar: ${cal}`, 'staffing: { agents: 5 }');
    expect(problems('{ startDate: "1999-02-01", startWeekday: tue }').map((d) => d.message)).toContain(msg.startDateWithWeekday());
    expect(problems('{ holidays: ["1999-02-05"] }').map((d) => d.message)).toContain(msg.holidaysNeedDate());
    expect(problems('{ startDate: "1999-02-30" }')[0]!.path).toBe('calendar.startDate');
  });
});

describe('opening hours and rosters in the scenario', () => {
  it('reads opening periods in seconds, an end before the start running past midnight', () => {
    const config = load('hours: [{ days: [mon, tue], start: "08:00", end: "20:00" }, { days: [sat], start: "20:00", end: "02:00" }]', 'staffing: { agents: 5 }');
    expect(config.hours.weekly).toEqual([
      { weekdays: [0, 1], startSec: 8 * SECONDS_PER_HOUR, endSec: 20 * SECONDS_PER_HOUR },
      { weekdays: [5], startSec: 20 * SECONDS_PER_HOUR, endSec: 26 * SECONDS_PER_HOUR },
    ]);
  });

  it('refuses an opening period whose start equals its end, and accepts 00:00–24:00 as a whole day', () => {
    const problems = problemsOf('hours: [{ start: "09:00", end: "09:00" }]', 'staffing: { agents: 5 }');
    expect(problems.map((d) => d.message)).toContain(msg.emptyPeriod("an opening period's"));
    expect(load('hours: [{ start: "00:00", end: "24:00" }]', 'staffing: { agents: 5 }').hours.weekly![0]!.endSec).toBe(24 * SECONDS_PER_HOUR);
  });

  it('accepts a roster of one day, one week or the whole horizon, and refuses other lengths', () => {
    const roster = (n: number) => `groups: [{ name: desk, roster: { intervalMin: 60, agents: [${new Array(n).fill(2).join(', ')}] } }]`;
    for (const n of [24, 7 * 24, 14 * 24]) expect(load(roster(n)).groups[0]!.roster!.agents).toHaveLength(n);
    const problems = problemsOf(roster(25));
    expect(problems.map((d) => d.message)).toContain(msg.rosterLength(25, 24, 14 * 24));
  });

  it('replaces the intraday shape on the weekdays intradayByWeekday names, each normalised to mean 1', () => {
    const day = new Array(24).fill(1);
    const fri = day.map((_, i) => (i < 12 ? 2 : 0));
    const config = load(`arrivals: { ratePerHour: 60, intervalMin: 60, intradayByWeekday: { fri: [${fri.join(', ')}] } }`, 'staffing: { agents: 5 }');
    expect(config.demand.intraday[0]).toEqual(day);
    expect(config.demand.intraday[4]).toEqual(fri); // already mean 1
  });
});
