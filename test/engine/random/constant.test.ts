import { describe, expect, it } from 'vitest';
import { constant } from '../../../src/engine/random/constant.js';

describe('constant', () => {
  it('returns its value on every draw', () => {
    const sample = constant(42.5);
    for (let i = 0; i < 10; i++) expect(sample()).toBe(42.5);
  });
});
