import { describe, expect, it } from 'vitest';
import type { PolicyConfig } from '../../src/model/config.js';
import { Handling, scaleOdds, type HandlingOutcome } from '../../src/model/handling.js';

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
    let o: HandlingOutcome;
    const h = new Handling(none);
    o = h.apply(400, 0.8, false, 10);
    expect([o.handleSec, o.resolveProb, o.rushed]).toEqual([400, 0.8, false]);
  });

  it('cuts contacts past the AHT target by the pressure share and lowers resolution by the elasticity', () => {
    let o: HandlingOutcome;
    const h = new Handling({ ...none, ahtTargetSec: 300, ahtPressure: 0.5, rushElasticity: 1 });
    o = h.apply(500, 0.8, false, 0);
    expect(o.handleSec).toBe(400); // 300 + (500 − 300)·0.5
    expect(o.resolveProb).toBeCloseTo(0.8 * (400 / 500), 15);
    expect(o.rushed).toBe(true);
    o = h.apply(250, 0.8, false, 0);
    expect([o.handleSec, o.resolveProb, o.rushed]).toEqual([250, 0.8, false]);
  });

  it('adds thorough time with diminishing returns on the unresolved share', () => {
    let o: HandlingOutcome;
    const h = new Handling({ ...none, thoroughnessSec: 120, thoroughnessScaleSec: 120 });
    o = h.apply(300, 0.7, false, 0);
    expect(o.handleSec).toBe(420);
    expect(o.resolveProb).toBeCloseTo(1 - 0.3 * Math.exp(-1), 15);
  });

  it('speeds up under queue pressure only above the threshold', () => {
    let o: HandlingOutcome;
    const h = new Handling({ ...none, queuePressure: { waitingPerAgent: 2, speedup: 0.1 } });
    o = h.apply(300, 0.9, false, 2);
    expect(o.rushed).toBe(false);
    o = h.apply(300, 0.9, false, 2.5);
    expect(o.handleSec).toBeCloseTo(270, 12);
    expect(o.resolveProb).toBeCloseTo(0.81, 12);
    expect(o.rushed).toBe(true);
  });

  it('adds the re-ask time when context is lost, without changing resolution', () => {
    let o: HandlingOutcome;
    const h = new Handling(none);
    o = h.apply(300, 0.9, true, 0);
    expect([o.handleSec, o.resolveProb]).toEqual([360, 0.9]);
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

describe('the AHT shift', () => {
  it('cuts S seconds from every contact, lowers resolution by the elasticity, and does not flag it rushed', () => {
    const h = new Handling({ ...none, ahtShiftSec: -20, rushElasticity: 1 });
    const o = h.apply(300, 0.8, false, 0);
    expect(o.handleSec).toBe(280);
    expect(o.resolveProb).toBeCloseTo(0.8 * (280 / 300), 15);
    expect(o.rushed).toBe(false);
  });

  it('never cuts a contact below half its natural length', () => {
    const h = new Handling({ ...none, ahtShiftSec: -20 });
    expect(h.apply(30, 0.8, false, 0).handleSec).toBe(15);
  });
});
