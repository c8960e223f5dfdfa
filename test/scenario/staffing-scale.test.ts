/**
 * `groups.<name>.staffingScale`: one value that scales every shift of a group, each shift's
 * agents × scale rounded to the nearest whole agent, halves up. Expected agents are worked out by
 * hand from the listing below (e.g. 21 × 1.1 = 23.1 → 23; 15 × 1.1 = 16.5 → 17; 5 × 0.9 = 4.5 → 5).
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/scenario/limits.js';
import { deriveScenario, parseScenario } from '../../src/scenario/load.js';
import * as msg from '../../src/scenario/messages.js';
import { scenarioProblems } from '../support/scenario.js';

const FILE = [
  'name: scale',
  'horizon: { days: 1 }',
  'arrivals: { ratePerHour: 60 }',
  'handleTime: { dist: exponential, meanSec: 120 }',
  'groups:',
  '  - name: care-team',
  '    shifts:',
  '      - { start: "08:00", end: "16:00", agents: 21 }',
  '      - { start: "16:00", end: "24:00", agents: 15 }',
  '  - name: night',
  '    agents: 5',
  '  - name: rota',
  '    roster: { intervalMin: 60, agents: [0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 0, 0] }',
  '',
].join('\n');

const agentsOf = (config: ReturnType<typeof parseScenario>['config']) => config.groups.map((g) => (g.roster ? g.roster.agents : g.shifts.map((s) => s.agents)));

describe('staffingScale', () => {
  const loaded = parseScenario(FILE, 'scale.yaml');

  it('is 1 by default and leaves every value as written', () => {
    expect(loaded.scenario.groups!.map((g) => g.staffingScale)).toEqual([1, 1, 1]);
    expect(agentsOf(loaded.config)).toEqual([[21, 15], [5], [0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 0, 0]]);
  });

  it('scales every shift of the group, rounding to the nearest agent with halves up', () => {
    const up = deriveScenario(loaded, 'up', { 'groups.care-team.staffingScale': 1.1 }, '--vary groups.care-team.staffingScale=1.1');
    expect(agentsOf(up.config)[0]).toEqual([23, 17]); // 23.1 → 23, 16.5 → 17
    expect(agentsOf(up.config)[1]).toEqual([5]); // other groups untouched
  });

  it('scales around-the-clock agents and every roster value too', () => {
    const down = deriveScenario(loaded, 'down', { 'groups.night.staffingScale': 0.9, 'groups.rota.staffingScale': 1.5 }, 'test');
    expect(agentsOf(down.config)[1]).toEqual([5]); // 4.5 → 5
    expect(agentsOf(down.config)[2]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 0, 0]); // 3 → 4.5 → 5, 2 → 3
  });

  it('applies after an override of one shift in the same set', () => {
    const both = deriveScenario(loaded, 'both', { 'groups.care-team.shifts.0.agents': 10, 'groups.care-team.staffingScale': 2 }, 'test');
    expect(agentsOf(both.config)[0]).toEqual([20, 30]);
  });

  it('refuses a scale that is not > 0, and one that takes a shift past the agent limit, naming the limit', () => {
    expect(scenarioProblems(FILE.replace('  - name: night\n', '  - name: night\n    staffingScale: 0\n')).map((d) => d.message)).toEqual(['staffingScale must be > 0']);
    const big = scenarioProblems(FILE.replace('  - name: night\n', '  - name: night\n    staffingScale: 100\n').replace('agents: 5', 'agents: 2000'));
    expect(big.map((d) => [d.path, d.message])).toEqual([['groups[1].staffingScale', msg.scaledTooMany(2000, 100, 200_000, LIMITS.agents)]]);
  });
});
