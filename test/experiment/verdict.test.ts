import { describe, expect, it } from 'vitest';
import { DIRECTION, VERDICT_FIGURES, isBetter, verdictOf } from '../../src/experiment/verdict.js';

describe('verdictOf', () => {
  it('calls a higher-is-better figure better when the whole interval is above 0, worse when below', () => {
    expect(verdictOf([1, 3], 'higher')).toBe('better');
    expect(verdictOf([-3, -1], 'higher')).toBe('worse');
  });

  it('turns the sides round for a lower-is-better figure', () => {
    expect(verdictOf([1, 3], 'lower')).toBe('worse');
    expect(verdictOf([-3, -1], 'lower')).toBe('better');
  });

  it('is indistinguishable when the interval holds 0, a zero-width interval at 0 included', () => {
    expect(verdictOf([-1, 1], 'higher')).toBe('indistinguishable');
    expect(verdictOf([0, 2], 'higher')).toBe('indistinguishable');
    expect(verdictOf([0, 0], 'lower')).toBe('indistinguishable');
  });

  it('decides on a zero-width interval away from 0 (a deterministic difference, such as wage cost)', () => {
    expect(verdictOf([720, 720], 'higher')).toBe('better');
  });
});

describe('the direction table', () => {
  it('knows the money, service and wait figures the README names', () => {
    for (const f of ['profit', 'revenue', 'npv', 'serviceLevel', 'fcr']) expect(DIRECTION[f]).toBe('higher');
    for (const f of ['supportCost', 'waitSec', 'asaSec', 'abandonRate', 'pWait', 'ahtSec']) expect(DIRECTION[f]).toBe('lower');
    expect(VERDICT_FIGURES).toContain('asaSec');
    expect(VERDICT_FIGURES).not.toContain('occupancy');
  });

  it('compares strictly, so ties are not better', () => {
    expect(isBetter(2, 1, 'higher')).toBe(true);
    expect(isBetter(1, 2, 'lower')).toBe(true);
    expect(isBetter(1, 1, 'higher')).toBe(false);
  });
});
