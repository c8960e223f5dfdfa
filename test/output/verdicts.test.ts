import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/experiment/compare.js';
import { VerdictFileError, parseVerdicts, verdictChanges, verdictMessages, verdictsJson } from '../../src/output/verdicts.js';

/** Only the fields the verdict file reads. */
const comparison = (verdict: Comparison['verdict'], by: string | null = 'asaSec') =>
  ({ scenario: 's', seed: 7, replications: 10, by, verdict }) as Comparison;

const now = comparison([
  { policy: 'lean', profit: 'better', asaSec: 'worse' },
  { policy: 'generous', profit: 'worse', asaSec: 'better' },
]);

describe('the verdict file', () => {
  it('round-trips: what --write-baseline stores, --baseline reads back with no change', () => {
    const stored = parseVerdicts(verdictsJson(now), 'v.json');
    expect(stored).toMatchObject({ scenario: 's', seed: 7, replications: 10, by: 'asaSec' });
    expect(stored.verdicts).toEqual({ lean: { profit: 'better', asaSec: 'worse' }, generous: { profit: 'worse', asaSec: 'better' } });
    expect(verdictChanges(stored, now)).toEqual([]);
  });

  it('names every changed verdict, every policy gone and every policy new', () => {
    const stored = parseVerdicts(verdictsJson(now), 'v.json');
    const later = comparison([
      { policy: 'lean', profit: 'indistinguishable', asaSec: 'worse' },
      { policy: 'extra', profit: 'better', asaSec: 'worse' },
    ]);
    expect(verdictChanges(stored, later)).toEqual([
      verdictMessages.changed('lean', 'profit', 'better', 'indistinguishable'),
      verdictMessages.changed('generous', 'profit', 'worse', verdictMessages.missing),
      verdictMessages.changed('generous', 'asaSec', 'better', verdictMessages.missing),
      verdictMessages.changed('extra', 'profit', verdictMessages.added, 'better'),
      verdictMessages.changed('extra', 'asaSec', verdictMessages.added, 'worse'),
    ]);
    expect(verdictMessages.changed('lean', 'profit', 'better', 'indistinguishable')).toBe('verdict changed: policy lean: better → indistinguishable');
    expect(verdictMessages.changed('lean', 'asaSec', 'worse', 'better')).toBe('verdict changed: policy lean by asaSec: worse → better');
  });

  it('refuses text that is not a verdict file, naming the field and what is wrong', () => {
    expect(() => parseVerdicts('{', 'v.json')).toThrow(VerdictFileError);
    expect(() => parseVerdicts('[]', 'v.json')).toThrow(/^v\.json: expected a mapping, got a list of 0/);
    expect(() => parseVerdicts('{"format":"other"}', 'v.json')).toThrow(/^v\.json: format: must be "ccsim-verdicts"/);
    const good = JSON.parse(verdictsJson(now));
    expect(() => parseVerdicts(JSON.stringify({ ...good, verdicts: { lean: { profit: 'great' } } }), 'v.json')).toThrow(/^v\.json: verdicts\.lean\.profit: must be one of better, worse, indistinguishable/);
    expect(() => parseVerdicts(JSON.stringify({ ...good, by: 'offered' }), 'v.json')).toThrow(/^v\.json: by: must be one of/);
    expect(() => parseVerdicts(JSON.stringify({ ...good, scenario: '../../etc' }), 'v.json')).toThrow(/^v\.json: scenario: a name of letters/);
    expect(() => parseVerdicts(JSON.stringify({ ...good, replications: 1e9 }), 'v.json')).toThrow(/^v\.json: replications: a whole number from 2 to 100,000/);
  });
});
