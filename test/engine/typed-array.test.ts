import { describe, expect, it } from 'vitest';
import { resized } from '../../src/engine/typed-array.js';

describe('resized', () => {
  it('grows a typed array of the same type, keeping the values and zero-filling the rest', () => {
    const b = resized(Int16Array.from([1, -2, 3]), 5);
    expect(b).toBeInstanceOf(Int16Array);
    expect(Array.from(b)).toEqual([1, -2, 3, 0, 0]);
  });

  it('shrinks by cutting the tail', () => {
    expect(Array.from(resized(Float64Array.from([0.5, 1.5, 2.5]), 2))).toEqual([0.5, 1.5]);
  });
});
