/**
 * The scenario properties, run by fuzz.test.ts (a seeded few hundred cases in `npm test`) and
 * fuzz.slow.test.ts (`npm run fuzz`, thousands): valid documents load and run; a document with
 * one field broken loads or is refused naming that field (or, for a cross-field check, another
 * one); a document with its text broken loads only where the break is harmless (BOM, CRLF).
 */
import fc from 'fast-check';
import { checkScenario, count } from './oracle.js';
import { brokenText, dotted, mutatedScenario, related, validScenario, yamlText } from './scenarios.js';

export interface Runs {
  numRuns: number;
  seed: number;
}

export async function validScenariosRun({ numRuns, seed }: Runs): Promise<void> {
  await fc.assert(
    fc.asyncProperty(validScenario, async (doc) => {
      const r = await checkScenario(yamlText(doc), 'valid.yaml', true);
      if (r.outcome !== 'ran') throw new Error(`a valid scenario was refused: ${r.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; ')}`);
      count('valid scenario: loaded and ran');
    }),
    { numRuns, seed },
  );
}

export async function mutatedScenariosAreRefusedOrRun({ numRuns, seed }: Runs): Promise<void> {
  await fc.assert(
    fc.asyncProperty(mutatedScenario, async ({ doc, mutation }) => {
      const r = await checkScenario(yamlText(doc), 'mutated.yaml', true);
      const what = mutation.kind === 'replace' ? `${mutation.replacement}` : mutation.kind;
      if (r.outcome === 'ran') {
        count(`one field broken (${what}): still valid, ran`);
        return;
      }
      const field = dotted(mutation.path);
      const named = r.diagnostics.some((d) => related(d.path.replace(/^policies\[\d+\]\.set$/, ''), field) || (d.line !== undefined && d.path === ''));
      // A wrong type, NaN or ∞ is the schema's to refuse, at that field.
      if (mutation.kind === 'replace' && mutation.typed && !named) throw new Error(`${what} at ${field} refused without naming it: ${r.diagnostics.map((d) => d.path).join(', ')}`);
      count(`one field broken (${what}): refused, exit 2, ${named ? 'naming the field' : 'naming the field a cross-check points at'}`);
    }),
    { numRuns, seed },
  );
}

export async function brokenTextsAreRefusedOrLoad({ numRuns, seed }: Runs): Promise<void> {
  await fc.assert(
    fc.asyncProperty(brokenText, async ({ text, kind, valid }) => {
      const r = await checkScenario(text, 'broken.yaml', false);
      if (valid && r.outcome !== 'ran') throw new Error(`${kind} made a valid scenario invalid: ${r.diagnostics.map((d) => d.message).join('; ')}`);
      count(`text broken (${kind}): ${r.outcome === 'ran' ? 'loaded' : 'refused, exit 2, at a line'}`);
    }),
    { numRuns, seed },
  );
}
