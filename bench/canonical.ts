/**
 * The canonical benchmark model, M/M/c+M: 100 calls/min (6,000/h), exponential handle time with
 * mean 300 s (500 erlangs of work), 520 agents, exponential patience with mean 180 s.
 *
 * One definition shared by the ccsim case, the reference loop and the CLI scenarios, so the
 * three cannot drift apart. No warm-up: every arrival counts.
 */
export const CANONICAL = {
  ratePerHour: 6000,
  handleMeanSec: 300,
  patienceMeanSec: 180,
  agents: 520,
} as const;

export const SEED = 42;

/** 10,000 min at 100 calls/min: 1,000,000 arrivals expected. */
export const MILLION_HORIZON_SEC = 10_000 * 60;

export const DAY_SEC = 86_400;

/** A horizon as the scenario format writes it. */
export type Horizon = { days: number } | { hours: number };

/**
 * The canonical model as a scenario file in the CONTRACT form. The bench builds ccsim's
 * ModelConfig through the scenario loader from this text, never by hand, so it follows the
 * config's shape as src/ changes it.
 */
export function canonicalYaml(name: string, horizon: Horizon): string {
  const span = 'days' in horizon ? `days: ${horizon.days}` : `hours: ${horizon.hours}`;
  return [
    `name: ${name}`,
    `description: Benchmark M/M/c+M, 6000 calls/h, 300 s AHT, 520 agents, 180 s mean patience.`,
    `seed: ${SEED}`,
    `horizon: { ${span} }`,
    `arrivals: { ratePerHour: ${CANONICAL.ratePerHour} }`,
    `handleTime: { dist: exponential, meanSec: ${CANONICAL.handleMeanSec} }`,
    `patience: { dist: exponential, meanSec: ${CANONICAL.patienceMeanSec} }`,
    `staffing: { agents: ${CANONICAL.agents} }`,
    '',
  ].join('\n');
}
