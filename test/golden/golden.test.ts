/**
 * The bundled scenarios' summary.json, one short replication each (test/golden/golden.ts), byte
 * for byte against the committed files: a change in any figure of any bundled scenario fails
 * here and shows in review as a diff of test/golden/*.summary.json. When the change is meant,
 * `npm run golden:update` rewrites them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledScenarios, goldenFile, goldenSummary, SHORTENED } from './golden.js';

describe.concurrent('golden outputs', () => {
  it('has a shortening and a golden file for every bundled scenario, and none for a scenario that is gone', () => {
    expect(Object.keys(SHORTENED).sort()).toEqual(bundledScenarios());
    for (const name of bundledScenarios()) expect(existsSync(goldenFile(name)), `${goldenFile(name)} (run npm run golden:update)`).toBe(true);
  });

  for (const name of bundledScenarios()) {
    it(`${name}: summary.json is the committed one, byte for byte`, async () => {
      const actual = await goldenSummary(name);
      const expected = readFileSync(goldenFile(name), 'utf8');
      if (actual !== expected) {
        // Name the first figure that moved, not a 100 kB diff.
        const a = actual.split('\n');
        const e = expected.split('\n');
        const i = a.findIndex((line, k) => line !== e[k]);
        expect.fail(`${name}: summary.json differs from ${goldenFile(name)} first at line ${i + 1}:\n  committed: ${e[i]?.trim()}\n  now:       ${a[i]?.trim()}\nIf the change is meant, run npm run golden:update and commit the files.`);
      }
    });
  }
});
