/**
 * `npm run fuzz`: the fuzzing properties at length — at least 10,000 cases in all, seeded by
 * FUZZ_SEED (default: the date, so each day explores new cases; a failure prints its seed and
 * path for fast-check to replay) and scaled by FUZZ_SCALE — then the counts per outcome.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runCliCases, scenarioCase, storedCase } from './cli-sample.js';
import { verdictFixture } from './cli-fixtures.js';
import { tallyLines } from './oracle.js';
import { brokenTextsAreRefusedOrLoad, mutatedScenariosAreRefusedOrRun, validScenariosRun } from './scenario-properties.js';
import { storedFilesAreUsedOrRefused } from './stored-properties.js';
import { storedTexts, type StoredTexts } from './stored.js';

const SEED = Number(process.env.FUZZ_SEED ?? new Date().toISOString().slice(0, 10).replaceAll('-', ''));
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * SCALE)), seed: SEED });
const ROOT = mkdtempSync(join(tmpdir(), 'ccsim-fuzz-slow-'));

let stored: StoredTexts;
beforeAll(async () => {
  stored = await storedTexts();
});
afterAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
  process.stdout.write(`\n${tallyLines(`ccsim fuzz, seed ${SEED}`)}`);
});

describe(`fuzzing at length (seed ${SEED})`, () => {
  it('loads and runs every generated valid scenario', () => validScenariosRun(runs(1500)), 1_200_000);
  it('refuses a scenario with one field broken naming the field, or loads and runs it', () => mutatedScenariosAreRefusedOrRun(runs(5000)), 1_800_000);
  it('refuses a scenario with its text broken at a line, or loads it where harmless', () => brokenTextsAreRefusedOrLoad(runs(2000)), 1_200_000);
  it('reads and uses, or refuses naming the file and field, every damaged stored file', () => storedFilesAreUsedOrRefused(stored, runs(4000)), 1_800_000);
  it('ends every sampled scenario file and option set through the real CLI with exit 0 or 2', async () => {
    await runCliCases(fc.sample(scenarioCase, runs(80)), join(ROOT, 'scenarios'));
  }, 1_800_000);
  it('ends every sampled damaged stored file through the real CLI with an answer, never exit 3', async () => {
    const verdicts = await verdictFixture(ROOT);
    await runCliCases(fc.sample(storedCase(stored, verdicts), runs(60)), join(ROOT, 'stored'));
  }, 1_800_000);
});
