import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../../src/engine/random/normalCdf.js';

describe('normalCdf', () => {
  it('is one half at zero and 0.975 at the familiar 1.959963984540054', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
  });

  it('matches R pnorm in the lower tail to 1e-10 relative', () => {
    const r: Array<[number, number]> = [
      [-1, 0.15865525393145707], // pnorm(-1)
      [-3, 0.0013498980316300946], // pnorm(-3)
      [-5, 2.866515718791939e-7], // pnorm(-5)
      [-10, 7.619853024160527e-24], // pnorm(-10)
    ];
    for (const [z, p] of r) expect(Math.abs(normalCdf(z) / p - 1)).toBeLessThan(1e-10);
  });

  it('is symmetric: Φ(z) + Φ(-z) = 1', () => {
    for (const z of [0.1, 0.7, 1.5, 2.2, 4]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 14);
  });

  it('reaches 0 and 1 at the infinities and passes NaN through', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});
