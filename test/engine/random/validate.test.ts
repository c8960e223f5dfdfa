import { describe, expect, it } from 'vitest';
import { bernoulli } from '../../../src/engine/random/bernoulli.js';
import { constant } from '../../../src/engine/random/constant.js';
import { discrete } from '../../../src/engine/random/discrete.js';
import { exponential } from '../../../src/engine/random/exponential.js';
import { sampler } from '../../../src/engine/random/fromSpec.js';
import { gamma } from '../../../src/engine/random/gamma.js';
import { lognormal } from '../../../src/engine/random/lognormal.js';
import { normal } from '../../../src/engine/random/normal.js';
import { poisson } from '../../../src/engine/random/poisson.js';
import { uniform } from '../../../src/engine/random/uniform.js';
import { message } from '../../../src/engine/random/validate.js';
import { rangeErrorOf } from './stats.js';

const rng = (): number => 0.5;
const bad = [0, -1, Number.NaN, Infinity];

describe('sampler parameter validation', () => {
  it('throws a RangeError with the message written in validate.ts, when the sampler is built', () => {
    const cases: Array<[() => unknown, string]> = [
      ...bad.map((v): [() => unknown, string] => [() => exponential(rng, v), message.positive('exponential', 'mean', v)]),
      ...bad.map((v): [() => unknown, string] => [() => lognormal(rng, v, 1), message.positive('lognormal', 'mean', v)]),
      ...bad.map((v): [() => unknown, string] => [() => lognormal(rng, 1, v), message.positive('lognormal', 'cv', v)]),
      ...bad.map((v): [() => unknown, string] => [() => gamma(rng, v, 1), message.positive('gamma', 'mean', v)]),
      ...bad.map((v): [() => unknown, string] => [() => gamma(rng, 1, v), message.positive('gamma', 'cv', v)]),
      ...bad.map((v): [() => unknown, string] => [() => normal(rng, 0, v), message.positive('normal', 'sd', v)]),
      [() => normal(rng, Number.NaN, 1), message.finite('normal', 'mean', Number.NaN)],
      [() => constant(Infinity), message.finite('constant', 'value', Infinity)],
      [() => uniform(rng, 2, 2), message.ordered('uniform', 2, 2)],
      [() => uniform(rng, 0, Infinity), message.finite('uniform', 'max', Infinity)],
      [() => bernoulli(rng, -0.1), message.probability('bernoulli', 'p', -0.1)],
      [() => bernoulli(rng, 1.1), message.probability('bernoulli', 'p', 1.1)],
      [() => bernoulli(rng, Number.NaN), message.probability('bernoulli', 'p', Number.NaN)],
      [() => poisson(rng, -1), message.nonNegative('poisson', 'mean', -1)],
      [() => poisson(rng, Infinity), message.nonNegative('poisson', 'mean', Infinity)],
      [() => discrete(rng, []), message.weights('discrete')],
      [() => discrete(rng, [0, 0]), message.weights('discrete')],
      [() => discrete(rng, [1, -1]), message.weights('discrete')],
      [() => discrete(rng, [1, Number.NaN]), message.weights('discrete')],
      [() => discrete(rng, [Number.MAX_VALUE, Number.MAX_VALUE]), message.weights('discrete')],
      [() => sampler({ dist: 'gamma', mean: 5, cv: 0 }, rng), message.positive('gamma', 'cv', 0)],
    ];
    for (const [build, expected] of cases) expect(rangeErrorOf(build).message).toBe(expected);
  });

  it('writes messages that name the sampler, the parameter, the rule and the value', () => {
    expect(message.positive('gamma', 'cv', -2)).toBe('gamma: cv must be a finite number > 0, got -2');
  });

  it('does not draw from the stream while building any sampler', () => {
    let calls = 0;
    const counting = (): number => {
      calls++;
      return 0.5;
    };
    exponential(counting, 1);
    lognormal(counting, 1, 1);
    gamma(counting, 1, 3);
    normal(counting, 0, 1);
    uniform(counting, 0, 1);
    bernoulli(counting, 0.5);
    poisson(counting, 5);
    poisson(counting, 500);
    discrete(counting, [1, 2]);
    expect(calls).toBe(0);
  });
});
