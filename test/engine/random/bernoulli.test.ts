import { describe, expect, it } from 'vitest';
import { bernoulli } from '../../../src/engine/random/bernoulli.js';
import { createStream } from '../../../src/engine/random/stream.js';
import { chiSquare, chiSquareCritical, countOutcomes, draw, N, Z_MAX } from './stats.js';

describe('bernoulli', () => {
  for (const p of [0.3, 0.02]) {
    it(`has mean p within 5 standard errors and passes chi-square at alpha = 0.001, p = ${p}`, () => {
      const xs = draw(bernoulli(createStream(71, 0, `bernoulli/${p}`), p));
      const { counts, outside } = countOutcomes(xs, 2);
      expect(outside).toBe(0);
      const ones = counts[1] ?? 0;
      expect(Math.abs((ones / N - p) / Math.sqrt((p * (1 - p)) / N))).toBeLessThan(Z_MAX);
      const { statistic, df } = chiSquare(counts, [1 - p, p], N);
      expect(df).toBe(1);
      expect(statistic).toBeLessThan(chiSquareCritical(1)); // 10.828 in the NIST table
    });
  }

  it('never succeeds with p = 0 and always succeeds with p = 1, even at the ends of the uniform', () => {
    for (const u of [0, 0.5, 1 - 2 ** -32]) {
      expect(bernoulli(() => u, 0)()).toBe(0);
      expect(bernoulli(() => u, 1)()).toBe(1);
    }
  });
});
