/**
 * Requirements on figures (experiment/constraint.ts): read from text, checked against what a
 * scenario reports, judged with the 95% interval. The intervals below are written by hand, so
 * each verdict can be read off its numbers.
 */
import { describe, expect, it } from 'vitest';
import {
  ConstraintError,
  checkReported,
  constraintMessages,
  feasibility,
  judge,
  overallStatus,
  parseConstraint,
  parseConstraints,
} from '../../src/experiment/constraint.js';

const est = (mean: number, lo: number, hi: number) => ({ mean, ci95: [lo, hi] as [number, number] });

describe('parseConstraint', () => {
  it('reads a figure, an operator and a bound, with an optional channel and percent', () => {
    expect(parseConstraint('serviceLevel >= 0.8')).toEqual({ text: 'serviceLevel >= 0.8', channel: null, figure: 'serviceLevel', op: '>=', bound: 0.8 });
    expect(parseConstraint('  abandonRate<=5%')).toEqual({ text: 'abandonRate<=5%', channel: null, figure: 'abandonRate', op: '<=', bound: 0.05 });
    expect(parseConstraint('voice.serviceLevel ≥ 80%')).toMatchObject({ channel: 'voice', figure: 'serviceLevel', op: '>=', bound: 0.8 });
    expect(parseConstraint('asaSec < 30')).toMatchObject({ figure: 'asaSec', op: '<', bound: 30 });
    expect(parseConstraint('profit > -1e6')).toMatchObject({ figure: 'profit', op: '>', bound: -1e6 });
  });

  it('refuses text of another form, an unknown figure or channel, and % on a figure that is not a share', () => {
    for (const bad of ['serviceLevel', 'serviceLevel = 0.8', 'serviceLevel >= high', '>= 0.8', 'serviceLevel >= 0.8 0.9']) {
      expect(() => parseConstraint(bad)).toThrow(new ConstraintError(constraintMessages.form(bad)));
    }
    expect(() => parseConstraint('servicelevel >= 0.8')).toThrow(/"servicelevel" is not a figure ccsim reports; figures: offered, answered, /);
    expect(() => parseConstraint('paidAgents >= 3')).toThrow(/"paidAgents" is not a figure ccsim reports/);
    expect(() => parseConstraint('phone.serviceLevel >= 0.8')).toThrow(new ConstraintError(constraintMessages.unknownChannel('phone.serviceLevel >= 0.8', 'phone')));
    expect(() => parseConstraint('asaSec <= 20%')).toThrow(new ConstraintError(constraintMessages.percentNotShare('asaSec <= 20%', 'asaSec')));
    expect(() => parseConstraints(['serviceLevel >= 0.8', 'serviceLevel  >=  0.8'])).toThrow(new ConstraintError(constraintMessages.duplicate('serviceLevel >= 0.8')));
  });
});

describe('checkReported', () => {
  const reported = { figures: ['serviceLevel', 'abandonRate', 'profit'], channels: { voice: ['serviceLevel', 'asaSec'] } };
  it('accepts what the scenario reports and refuses the rest, naming what it does report', () => {
    expect(() => checkReported(parseConstraint('serviceLevel >= 0.8'), reported)).not.toThrow();
    expect(() => checkReported(parseConstraint('voice.asaSec <= 30'), reported)).not.toThrow();
    expect(() => checkReported(parseConstraint('csat >= 4'), reported)).toThrow(new ConstraintError(constraintMessages.notReported('csat >= 4', 'csat', reported.figures)));
    expect(() => checkReported(parseConstraint('chat.serviceLevel >= 0.8'), reported)).toThrow(new ConstraintError(constraintMessages.noChannel('chat.serviceLevel >= 0.8', 'chat', ['voice'])));
    expect(() => checkReported(parseConstraint('voice.emailResponseSec <= 60'), reported)).toThrow(/does not report emailResponseSec for voice; it reports: voice.serviceLevel, voice.asaSec/);
  });
});

describe('judge', () => {
  const atLeast = parseConstraint('serviceLevel >= 0.8');
  const below = parseConstraint('abandonRate < 0.05');
  it('is feasible when the whole interval satisfies the requirement, infeasible when it all violates it, undetermined when it straddles', () => {
    expect(judge(atLeast, est(0.85, 0.81, 0.89), 5)).toBe('feasible');
    expect(judge(atLeast, est(0.75, 0.72, 0.78), 5)).toBe('infeasible');
    expect(judge(atLeast, est(0.8, 0.77, 0.83), 5)).toBe('undetermined');
    expect(judge(atLeast, est(0.81, 0.8, 0.82), 5)).toBe('feasible'); // ≥ includes the bound
    expect(judge(below, est(0.051, 0.05, 0.052), 5)).toBe('infeasible'); // < excludes it
    expect(judge(below, est(0.04, 0.03, 0.05), 5)).toBe('undetermined');
  });

  it('is undetermined without an interval: one replication, an empty ratio, no estimate', () => {
    expect(judge(atLeast, est(0.95, 0.95, 0.95), 1)).toBe('undetermined');
    expect(judge(atLeast, { mean: null, ci95: null }, 5)).toBe('undetermined');
    expect(judge(atLeast, undefined, 5)).toBe('undetermined');
  });

  it('combines: any infeasible is infeasible, all feasible is feasible, none is feasible', () => {
    expect(overallStatus(['feasible', 'undetermined', 'infeasible'])).toBe('infeasible');
    expect(overallStatus(['feasible', 'undetermined'])).toBe('undetermined');
    expect(overallStatus(['feasible', 'feasible'])).toBe('feasible');
    expect(overallStatus([])).toBe('feasible');
  });

  it('judges a policy on its run and channel figures', () => {
    const f = feasibility(parseConstraints(['serviceLevel >= 0.8', 'voice.asaSec <= 30']), { kpis: { serviceLevel: est(0.9, 0.85, 0.95) }, economics: {}, channels: { voice: { asaSec: est(35, 32, 38) } } }, 10);
    expect(f.status).toBe('infeasible');
    expect(f.requirements.map((r) => [r.requirement, r.mean, r.status])).toEqual([
      ['serviceLevel >= 0.8', 0.9, 'feasible'],
      ['voice.asaSec <= 30', 35, 'infeasible'],
    ]);
  });
});
