import type { ModelConfig } from '../../src/model/config.js';
import { ScenarioError, type Diagnostic } from '../../src/scenario/errors.js';
import { parseScenario } from '../../src/scenario/load.js';
import { toModelConfig } from '../../src/scenario/normalize.js';
import { ScenarioSchema, type Distribution, type ScenarioInput } from '../../src/scenario/schema.js';

/**
 * A stationary (CONTRACT-form) model config for tests, built through the real schema and
 * normaliser, in the units of the scenario file.
 */
export function stationary(p: {
  ratePerHour: number;
  ahtSec: number;
  agents: number;
  patienceSec?: number;
  days: number;
  warmupDays?: number;
  slSec?: number;
  handle?: Distribution;
  patience?: Distribution | null;
  extra?: Partial<ScenarioInput>;
}): ModelConfig {
  const patience = p.patience !== undefined ? p.patience : p.patienceSec === undefined ? null : { dist: 'exponential' as const, meanSec: p.patienceSec };
  return fromScenario({
    name: 'test',
    horizon: { days: p.days },
    warmup: { days: p.warmupDays ?? 1 },
    arrivals: { ratePerHour: p.ratePerHour },
    handleTime: p.handle ?? { dist: 'exponential', meanSec: p.ahtSec },
    ...(patience ? { patience } : {}),
    staffing: { agents: p.agents },
    serviceLevel: { thresholdSec: p.slSec ?? 20 },
    ...p.extra,
  });
}

/** A model config from a scenario object as a file would give it (validated by the schema). */
export function fromScenario(input: ScenarioInput): ModelConfig {
  return toModelConfig(ScenarioSchema.parse(input));
}

/** `base` with lines replaced (1-based line number → new text) and further lines appended. */
export function editLines(base: readonly string[], replace: Record<number, string> = {}, ...append: string[]): string {
  return [...base.map((line, i) => replace[i + 1] ?? line), ...append].join('\n') + '\n';
}

/** Every diagnostic parseScenario throws for `text` (fails the test when it loads). */
export function scenarioProblems(text: string): Diagnostic[] {
  try {
    parseScenario(text, 'f.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return [...e.diagnostics];
    throw e;
  }
  throw new Error(`expected a ScenarioError for:\n${text}`);
}
