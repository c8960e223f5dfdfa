import type { ModelConfig } from '../../src/model/config.js';

/** A stationary model config for tests, in the units of the scenario file. */
export function stationary(p: {
  ratePerHour: number;
  ahtSec: number;
  agents: number;
  patienceSec?: number;
  days: number;
  warmupDays?: number;
  slSec?: number;
  handle?: ModelConfig['handleTime'];
  patience?: ModelConfig['patience'];
}): ModelConfig {
  return {
    horizonSec: p.days * 86_400,
    warmupSec: (p.warmupDays ?? 1) * 86_400,
    arrivalRatePerSec: p.ratePerHour / 3600,
    handleTime: p.handle ?? { dist: 'exponential', mean: p.ahtSec },
    patience: p.patience ?? (p.patienceSec === undefined ? null : { dist: 'exponential', mean: p.patienceSec }),
    agents: p.agents,
    slThresholdSec: p.slSec ?? 20,
    economics: { wagePerHour: 30, discountRatePerYear: 0.08 },
  };
}
