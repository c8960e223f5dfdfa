import { describe, expect, it } from 'vitest';
import * as msg from '../../src/scenario/messages.js';
import { applyOverrides, OverrideError } from '../../src/scenario/overrides.js';

describe('dot-path overrides', () => {
  const base = {
    groups: [
      { name: 'tier1', wagePerHour: 24, shifts: [{ start: '07:00', agents: 10 }] },
      { name: 'tier2', wagePerHour: 38 },
    ],
    arrivals: { weekly: [1, 1, 1, 1, 1, 0.5, 0.5] },
  };

  it('picks list items by name, and by index where items have no name', () => {
    const out = applyOverrides(base, { 'groups.tier2.wagePerHour': 40, 'groups.tier1.shifts.0.agents': 12, 'arrivals.weekly.6': 0.7 });
    expect(out).toEqual({
      groups: [
        { name: 'tier1', wagePerHour: 24, shifts: [{ start: '07:00', agents: 12 }] },
        { name: 'tier2', wagePerHour: 40 },
      ],
      arrivals: { weekly: [1, 1, 1, 1, 1, 0.5, 0.7] },
    });
    expect(base.groups[1]!.wagePerHour).toBe(38);
  });

  it('refuses a name or index that picks no item, naming the items', () => {
    expect(() => applyOverrides(base, { 'groups.tier3.wagePerHour': 1 })).toThrow(new OverrideError(msg.noListItem('groups.tier3.wagePerHour', 'groups.tier3', ['tier1', 'tier2'])));
    expect(() => applyOverrides(base, { 'groups.0.wagePerHour': 1 })).toThrow(OverrideError);
    expect(() => applyOverrides(base, { 'arrivals.weekly.7': 1 })).toThrow(new OverrideError(msg.noListItem('arrivals.weekly.7', 'arrivals.weekly.7', ['0', '1', '2', '3', '4', '5', '6'])));
  });
});
