import type { DistSpec } from '../engine/random/fromSpec.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MONTH, type ModelConfig } from '../model/config.js';
import type { Distribution, Duration, Scenario } from './schema.js';

/** Seconds in a validated duration ({ days } | { hours } | { months }). */
export function durationSec(d: Duration): number {
  if (d.days !== undefined) return d.days * SECONDS_PER_DAY;
  if (d.hours !== undefined) return d.hours * SECONDS_PER_HOUR;
  return d.months! * SECONDS_PER_MONTH;
}

function dist(d: Distribution): DistSpec {
  switch (d.dist) {
    case 'exponential':
    case 'constant':
      return { dist: d.dist, mean: d.meanSec };
    case 'lognormal':
    case 'gamma':
      return { dist: d.dist, mean: d.meanSec, cv: d.cv };
  }
}

/** A validated scenario → the model's config in seconds and per-second rates. */
export function toModelConfig(s: Scenario): ModelConfig {
  return {
    horizonSec: durationSec(s.horizon),
    warmupSec: s.warmup ? durationSec(s.warmup) : 0,
    arrivalRatePerSec: s.arrivals.ratePerHour / SECONDS_PER_HOUR,
    handleTime: dist(s.handleTime),
    patience: s.patience ? dist(s.patience) : null,
    agents: s.staffing.agents,
    slThresholdSec: s.serviceLevel.thresholdSec,
    economics: { wagePerHour: s.staffing.wagePerHour, discountRatePerYear: s.economics.discountRatePerYear },
  };
}
