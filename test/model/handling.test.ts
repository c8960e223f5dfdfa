import { describe, expect, it } from 'vitest';
import type { PolicyConfig } from '../../src/model/config.js';
import { Handling, scaleOdds } from '../../src/model/handling.js';

const none: PolicyConfig = {
  ahtTargetSec: null,
  ahtPressure: 0.5,
  rushElasticity: 1,
  thoroughnessSec: 0,
  ahtShiftSec: 0,
  thoroughnessScaleSec: 120,
  contextCarryOver: true,
  reaskSec: 60,
  queuePressure: null,
};

describe('Handling', () => {
  it('changes nothing without a policy', () => {
    const h = new Handling(none);
    h.apply(400, 0.8, false, 10);
    expect([h.handleSec, h.resolveProb, h.rushed]).toEqual([400, 0.8, false]);
  });

  it('cuts contacts past the AHT target by the pressure share and lowers resolution by the elasticity', () => {
    const h = new Handling({ ...none, ahtTargetSec: 300, ahtPressure: 0.5, rushElasticity: 1 });
    h.apply(500, 0.8, false, 0);
    expect(h.handleSec).toBe(400); // 300 + (500 − 300)·0.5
    expect(h.resolveProb).toBeCloseTo(0.8 * (400 / 500), 15);
    expect(h.rushed).toBe(true);
    h.apply(250, 0.8, false, 0);
    expect([h.handleSec, h.resolveProb, h.rushed]).toEqual([250, 0.8, false]);
  });

  it('adds thorough time with diminishing returns on the unresolved share', () => {
    const h = new Handling({ ...none, thoroughnessSec: 120, thoroughnessScaleSec: 120 });
    h.apply(300, 0.7, false, 0);
    expect(h.handleSec).toBe(420);
    expect(h.resolveProb).toBeCloseTo(1 - 0.3 * Math.exp(-1), 15);
  });

  it('speeds up under queue pressure only above the threshold', () => {
    const h = new Handling({ ...none, queuePressure: { waitingPerAgent: 2, speedup: 0.1 } });
    h.apply(300, 0.9, false, 2);
    expect(h.rushed).toBe(false);
    h.apply(300, 0.9, false, 2.5);
    expect(h.handleSec).toBeCloseTo(270, 12);
    expect(h.resolveProb).toBeCloseTo(0.81, 12);
    expect(h.rushed).toBe(true);
  });

  it('adds the re-ask time when context is lost, without changing resolution', () => {
    const h = new Handling(none);
    h.apply(300, 0.9, true, 0);
    expect([h.handleSec, h.resolveProb]).toEqual([360, 0.9]);
  });
});

describe('scaleOdds', () => {
  it('multiplies the odds and stays a probability', () => {
    expect(scaleOdds(0.5, 3)).toBeCloseTo(0.75, 15);
    expect(scaleOdds(0.8, 1)).toBeCloseTo(0.8, 15);
    expect(scaleOdds(1, 0.1)).toBe(1);
    expect(scaleOdds(0, 10)).toBe(0);
    expect(scaleOdds(0.99, 100)).toBeLessThan(1);
  });
});
