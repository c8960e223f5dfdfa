import { parseConstraints } from '../../src/experiment/constraint.js';
import { runOptimization } from '../../src/experiment/optimize-run.js';
import { decisionsOf, indexOfValue, linkShiftStarts, setOf } from '../../src/experiment/optimize-space.js';
import { pilotOverrides } from '../../src/experiment/optimize-start.js';
import { inlineRunner, poolRunner } from '../../src/experiment/pool.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { deriveScenario, parseScenario } from '../../src/scenario/load.js';
import { readOverride } from '../../src/scenario/overrides.js';

/**
 * `ccsim optimize` on a scenario's text, in this process, the way the CLI wires it (without its
 * files): the scenario's optimize block, its requirements, the start, the search and the choice.
 */
export async function optimizeText(
  text: string,
  options: { start?: 'analytic' | 'scenario'; replications?: number; budget?: number; maxReplications?: number; workers?: number } = {},
) {
  const loaded = parseScenario(text, 'test.yaml');
  const spec = loaded.scenario.optimize!;
  const decisions = linkShiftStarts(decisionsOf(spec.vary), (path) => readOverride(loaded.scenario, path));
  const scenarioPoint = decisions.map((d) => indexOfValue(d, readOverride(loaded.scenario, d.key) ?? null).index);
  const scenarioSet = setOf(decisions, scenarioPoint);
  const base = deriveScenario(loaded, 'base', scenarioSet, 'test').config;
  const runner = (options.workers ?? 1) > 1 ? poolRunner(options.workers!) : inlineRunner();
  try {
    return await runOptimization({
      objective: spec.objective,
      decisions,
      constraints: parseConstraints(spec.require),
      scenarioPoint,
      start: options.start ?? spec.start,
      seed: loaded.scenario.seed,
      replications: options.replications ?? 10,
      budget: options.budget ?? 60,
      maxReplications: options.maxReplications ?? 40,
      indifference: spec.indifference,
      configOf: (set) => {
        try {
          return { config: deriveScenario(loaded, 'candidate', set, 'test').config };
        } catch (e) {
          if (e instanceof ScenarioError) return { error: e.message };
          throw e;
        }
      },
      pilotConfig: (factor) => deriveScenario(loaded, 'pilot', { ...scenarioSet, ...pilotOverrides(base, loaded.scenario.staffing !== undefined, factor, (path) => readOverride(loaded.scenario, path)) }, 'test').config,
      runner,
    });
  } finally {
    await runner.close();
  }
}
