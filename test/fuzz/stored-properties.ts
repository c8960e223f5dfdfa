/**
 * The stored-file property, run by fuzz.test.ts and fuzz.slow.test.ts: a summary, comparison,
 * sweep, optimisation, shard, verdict file, scenario.json or manifest with one place of its JSON broken is
 * read and used, or refused naming the file and the field — never an exception that would be
 * exit 3 in the CLI.
 */
import fc from 'fast-check';
import type { Runs } from './scenario-properties.js';
import { checkStored, mutatedStored, type Kind, type StoredTexts } from './stored.js';

export const KINDS: readonly Kind[] = ['summary', 'comparison', 'sweep', 'optimize', 'scenario', 'shard', 'verdicts', 'manifest'];

export function storedFilesAreUsedOrRefused(stored: StoredTexts, { numRuns, seed }: Runs): void {
  fc.assert(
    fc.property(mutatedStored(stored, KINDS), (m) => checkStored(stored, m)),
    { numRuns, seed },
  );
}
