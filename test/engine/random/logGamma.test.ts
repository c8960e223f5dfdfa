import { describe, expect, it } from 'vitest';
import { logGamma } from '../../../src/engine/random/logGamma.js';

describe('logGamma', () => {
  it('equals ln((n-1)!) at the integers 1..30, summed from logs here', () => {
    let lnFactorial = 0; // ln((n-1)!)
    for (let n = 1; n <= 30; n++) {
      expect(logGamma(n)).toBeCloseTo(lnFactorial, 12);
      lnFactorial += Math.log(n);
    }
  });

  it('equals ln(5000!) at 5001 to 1e-13 relative (the size PTRS sees at mean 5000)', () => {
    let lnFactorial = 0;
    for (let k = 2; k <= 5000; k++) lnFactorial += Math.log(k);
    expect(Math.abs(logGamma(5001) - lnFactorial) / lnFactorial).toBeLessThan(1e-13);
  });

  it('gives ln(sqrt(pi)) at 1/2, since Γ(1/2) = √π', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });

  it('satisfies the recurrence lnΓ(x+1) - lnΓ(x) = ln x, across the reflection boundary', () => {
    for (const x of [0.01, 0.1, 0.3, 0.49, 0.5, 0.7, 1.3, 3.7, 12.5, 140.2]) {
      expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 12);
    }
  });

  it('returns NaN outside its domain x > 0', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
    expect(logGamma(Number.NaN)).toBeNaN();
  });
});
