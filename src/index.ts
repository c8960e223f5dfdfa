/**
 * ccsim's public API, for scripts that embed the simulator instead of calling the CLI.
 *
 *   const loaded = parseScenario(yamlText, 'my.yaml');
 *   const results = await replicate(loaded.config, { replications: 10, seed: 1, workers: 2 });
 *   const summary = summarize(loaded.scenario.name, 1, loaded.config, results);
 */
export { parseScenario, type LoadedScenario, type Policy } from './scenario/load.js';
export { ScenarioError, formatDiagnostic, type Diagnostic } from './scenario/errors.js';
export { scenarioJsonSchema, type Scenario, type ScenarioInput } from './scenario/schema.js';
export { applyOverrides } from './scenario/overrides.js';
export { toModelConfig } from './scenario/normalize.js';
export type { ModelConfig } from './model/config.js';
export { simulateReplication, type ReplicationResult } from './model/contact-center.js';
export { replicate, type RunOptions } from './experiment/replicate.js';
export { estimate, type Estimate } from './experiment/estimate.js';
export { summarize, summaryJson, type Summary } from './output/summary.js';
export { erlang, erlangB, erlangC, agentsForServiceLevel, agentsForAbandonRate, type ErlangResult } from './analytic/erlang.js';
