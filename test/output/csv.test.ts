import { describe, expect, it } from 'vitest';
import { csvRow } from '../../src/output/csv.js';

describe('csvRow', () => {
  it('writes numbers in full and quotes only cells that need it, doubling quotes (RFC 4180)', () => {
    expect(csvRow(['lean', 0.1 + 0.2, -720, 'a,b', 'say "hi"'])).toBe('lean,0.30000000000000004,-720,"a,b","say ""hi"""');
  });

  it('writes values that are not text or numbers as JSON', () => {
    expect(csvRow([null, { dist: 'constant', meanSec: 60 }, undefined])).toBe('null,"{""dist"":""constant"",""meanSec"":60}",null');
  });
});
