import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-center.js';
import { buildGroupSeries } from '../../src/experiment/group-series.js';
import { textOf } from '../../src/output/write.js';
import { groupSeriesCsv } from '../../src/output/group-series.js';
import { buildSeries } from '../../src/experiment/series.js';
import { fromScenario } from '../support/scenario.js';

const config = fromScenario({
  name: 'groups',
  horizon: { days: 3 },
  warmup: { days: 1 },
  arrivals: { ratePerHour: 300 },
  handleTime: { dist: 'exponential', meanSec: 300 },
  patience: { dist: 'exponential', meanSec: 200 },
  reasons: [{ name: 'a', share: 1, resolveProb: 0.7, groups: ['front'] }],
  groups: [
    { name: 'front', shrinkage: 0.2, escalateTo: 'back', shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '06:00', end: '22:00', agents: 30, breaks: [{ start: '12:00', minutes: 30, staggerMin: 60 }] }] },
    { name: 'back', shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '08:00', end: '18:00', agents: 10 }] },
  ],
});
const results = [0, 1, 2].map((r) => simulateReplication(config, 4, r));
const rows = [...buildGroupSeries(config, results)];

describe('group series', () => {
  it('has one row per group and measured interval', () => {
    expect(rows).toHaveLength(2 * 48 * 2);
    expect(rows[0]).toMatchObject({ index: 48, group: 'front' });
  });

  it('keeps paid ≥ available, logged in ≥ busy, occupancy in [0, 1], and nobody outside the shifts', () => {
    for (const r of rows) {
      const f = r.figures;
      expect(f.unavailableAgents.mean).toBeGreaterThanOrEqual(-1e-9);
      expect(f.idleAgents.mean).toBeGreaterThanOrEqual(-1e-9);
      // Occupancy is empty where nobody was logged in, and a share elsewhere.
      if (f.loggedInAgents.mean === 0) expect(f.occupancy.mean).toBeNull();
      else expect(f.occupancy.mean).toBeLessThanOrEqual(1 + 1e-12);
      const hour = (r.startSec % 86_400) / 3600;
      if (r.group === 'back' && (hour < 8 || hour >= 18.5)) expect(f.loggedInAgents.mean).toBe(0);
      if (r.group === 'front' && hour >= 6 && hour < 12) expect(f.paidAgents.mean).toBe(30);
    }
    // Shrinkage: on average a fifth of the front's paid agents are absent.
    const front = rows.filter((r) => r.group === 'front' && r.figures.paidAgents.mean > 0);
    const share = front.reduce((s, r) => s + r.figures.unavailableAgents.mean, 0) / front.reduce((s, r) => s + r.figures.paidAgents.mean, 0);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.3);
  });

  it('adds up over groups to the all-group series', () => {
    const all = buildSeries(config, results).interval;
    for (const row of all) {
      const groups = rows.filter((r) => r.index === row.index);
      const loggedIn = groups.reduce((s, r) => s + r.figures.loggedInAgents.mean, 0);
      const paid = groups.reduce((s, r) => s + r.figures.paidAgents.mean, 0);
      expect(loggedIn).toBeCloseTo(row.kpis.staffedAgents.mean!, 9);
      expect(paid).toBeCloseTo(row.kpis.paidAgents.mean!, 9);
    }
  });

  it('writes a CSV with a header and one line per row', () => {
    const lines = textOf(groupSeriesCsv(rows)).trim().split('\n');
    expect(lines[0]!.startsWith('index,day,time,group,paidAgents,paidAgents_lo,paidAgents_hi')).toBe(true);
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[1]!.split(',').slice(0, 4)).toEqual(['48', '1', '00:00', 'front']);
  });
});
