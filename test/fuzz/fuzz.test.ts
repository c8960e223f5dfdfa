/**
 * Fuzzing, the share that runs in `npm test`: a seeded, time-bounded few hundred cases of each
 * property in this process, and a small sample through the real CLI (`npm run fuzz` runs
 * thousands: fuzz.slow.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runCliCases, scenarioCase, storedCase } from './cli-sample.js';
import { verdictFixture } from './cli-fixtures.js';
import { brokenTextsAreRefusedOrLoad, mutatedScenariosAreRefusedOrRun, validScenariosRun } from './scenario-properties.js';
import { storedFilesAreUsedOrRefused } from './stored-properties.js';
import { storedTexts, type StoredTexts } from './stored.js';

const SEED = 20_261_206;
const ROOT = mkdtempSync(join(tmpdir(), 'ccsim-fuzz-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

let stored: StoredTexts;
beforeAll(async () => {
  stored = await storedTexts();
});

describe('scenario fuzzing (seeded)', () => {
  it('loads and runs every generated valid scenario', () => validScenariosRun({ numRuns: 60, seed: SEED }));
  it('refuses a scenario with one field broken naming the field, or loads and runs it; never anything else', () => mutatedScenariosAreRefusedOrRun({ numRuns: 250, seed: SEED }));
  it('refuses a scenario with its text broken at a line, or loads it where the break is harmless (BOM, CRLF)', () => brokenTextsAreRefusedOrLoad({ numRuns: 120, seed: SEED }));
});

describe('stored-file fuzzing (seeded)', () => {
  it('reads and uses, or refuses naming the file and field, every stored file with one place of its JSON broken', () => storedFilesAreUsedOrRefused(stored, { numRuns: 300, seed: SEED }));
});

describe('a sample through the real CLI (seeded)', () => {
  it('ends every sampled scenario file and option set with exit 0 or 2, no stack trace, nothing written on refusal', async () => {
    await runCliCases(fc.sample(scenarioCase, { numRuns: 8, seed: SEED }), join(ROOT, 'scenarios'));
  });

  it('ends every sampled damaged stored file under report, merge and compare --baseline with an answer, never exit 3', async () => {
    const verdicts = await verdictFixture(ROOT);
    await runCliCases(fc.sample(storedCase(stored, verdicts), { numRuns: 6, seed: SEED }), join(ROOT, 'stored'));
  });
});
