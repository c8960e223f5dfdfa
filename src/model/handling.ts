import type { PolicyConfig } from './config.js';

/**
 * The handle-time policy: how long a contact takes and how likely it is to resolve the issue,
 * given its natural handle time and base resolution probability. The curves are modelling
 * assumptions, stated here once and parameterised in the scenario's `policy`:
 *
 * 1. Thoroughness: E = thoroughnessSec extra seconds shrink the unresolved share exponentially,
 *      p₁ = 1 − (1 − p)·exp(−E / thoroughnessScaleSec)
 *    (diminishing returns: the first minute fixes more than the second).
 * 2. AHT target T: a contact that would run past T is cut by `ahtPressure` of the excess,
 *      h₂ = T + (h₁ − T)·(1 − ahtPressure),  p₂ = p₁·(h₂/h₁)^rushElasticity,
 *    and is flagged rushed (callers notice being hurried; the satisfaction model uses the flag).
 * 3. Queue pressure (optional): when waiting contacts per available agent exceed a threshold,
 *    agents speed up by `speedup`: h₃ = h₂·(1 − speedup), p₃ = p₂·(1 − speedup)^rushElasticity,
 *    also flagged rushed.
 * 4. Lost context: a repeat or transferred contact without its history adds `reaskSec` (the
 *    caller repeats their story) without raising resolution, and is flagged.
 *
 * The results are written into this object's fields (no allocation per contact).
 */
export class Handling {
  handleSec = 0;
  resolveProb = 0;
  rushed = false;
  private readonly thoroughFactor: number;

  constructor(private readonly policy: PolicyConfig) {
    this.thoroughFactor = policy.thoroughnessSec > 0 ? Math.exp(-policy.thoroughnessSec / policy.thoroughnessScaleSec) : 1;
  }

  /** Applies the policy to a contact with natural handle `naturalSec` and base probability `p`. */
  apply(naturalSec: number, p: number, reask: boolean, waitingPerAgent: number): void {
    const policy = this.policy;
    let h = naturalSec + policy.thoroughnessSec;
    let q = 1 - (1 - p) * this.thoroughFactor;
    let rushed = false;
    const target = policy.ahtTargetSec;
    if (target !== null && h > target) {
      const cut = target + (h - target) * (1 - policy.ahtPressure);
      q *= (cut / h) ** policy.rushElasticity;
      h = cut;
      rushed = true;
    }
    const pressure = policy.queuePressure;
    if (pressure !== null && waitingPerAgent > pressure.waitingPerAgent) {
      h *= 1 - pressure.speedup;
      q *= (1 - pressure.speedup) ** policy.rushElasticity;
      rushed = true;
    }
    if (reask) h += policy.reaskSec;
    this.handleSec = h;
    this.resolveProb = q;
    this.rushed = rushed;
  }
}

/** A probability with its odds multiplied by `factor`: odds' = factor · p/(1−p). Stays in [0, 1]. */
export function scaleOdds(p: number, factor: number): number {
  if (p >= 1) return 1;
  const odds = (p / (1 - p)) * factor;
  return odds / (1 + odds);
}
