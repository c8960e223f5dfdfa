import type { DistSpec } from '../engine/random/fromSpec.js';

/**
 * The model's input, in seconds and per-second rates: what the scenario loader produces after
 * validation and normalisation. Nothing here knows about YAML, files or the CLI.
 */
export interface ModelConfig {
  /** End of arrivals, seconds from the start. */
  horizonSec: number;
  /** Start of the measured window; everything before it is excluded from every KPI. */
  warmupSec: number;
  /** Constant-rate Poisson arrivals. */
  arrivalRatePerSec: number;
  handleTime: DistSpec;
  /** Time a caller is willing to wait; null: nobody hangs up. */
  patience: DistSpec | null;
  /** Identical agents, staffed around the clock. */
  agents: number;
  /** Service-level threshold: answered within this many seconds counts as in service level. */
  slThresholdSec: number;
  economics: EconomicsConfig;
}

export interface EconomicsConfig {
  /** Loaded cost of one paid agent hour, currency units. */
  wagePerHour: number;
  /** Annual discount rate for the net present value, e.g. 0.08. */
  discountRatePerYear: number;
}

export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;
/** The simulation's month: 30 days (a 30/360 convention, so months and days align). */
export const SECONDS_PER_MONTH = 30 * SECONDS_PER_DAY;
export const SECONDS_PER_YEAR = 12 * SECONDS_PER_MONTH;
