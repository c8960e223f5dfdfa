import type { PolicyConfig } from './config.js';

/**
 * The handle-time policy: how long a contact takes and how likely it is to resolve the issue,
 * given its natural handle time and base resolution probability. The curves are modelling
 * assumptions, stated here once and parameterised in the scenario's `policy`:
 *
 * 1. Thoroughness: E = thoroughnessSec extra seconds shrink the unresolved share exponentially,
 *      p₁ = 1 − (1 − p)·exp(−E / thoroughnessScaleSec)
 *    (diminishing returns: the first minute fixes more than the second).
 * 1b. AHT shift S ≤ 0 ("cut 20 s from every call"): h₁' = max(h₁/2, h₁ + S), never below half the
 *    natural length, and p₁' = p₁·(h₁'/h₁)^rushElasticity — the same elasticity as a target's
 *    cut; a uniform cut of a few seconds is not felt as being hurried, so it does not flag the
 *    contact rushed (a target, which cuts the long calls hard, does).
 * 2. AHT target T: a contact that would run past T is cut by `ahtPressure` of the excess,
 *      h₂ = T + (h₁ − T)·(1 − ahtPressure),  p₂ = p₁·(h₂/h₁)^rushElasticity,
 *    and is flagged rushed (callers notice being hurried; the satisfaction model uses the flag).
 * 3. Queue pressure (optional): when waiting contacts per available agent exceed a threshold,
 *    agents speed up by `speedup`: h₃ = h₂·(1 − speedup), p₃ = p₂·(1 − speedup)^rushElasticity,
 *    also flagged rushed.
 * 4. Lost context: a repeat or transferred contact without its history adds `reaskSec` (the
 *    caller repeats their story) without raising resolution, and is flagged.
 *
 * `apply` returns one reused record (no allocation per contact).
 */
export interface HandlingOutcome {
  handleSec: number;
  resolveProb: number;
  rushed: boolean;
}

export class Handling {
  private readonly out: HandlingOutcome = { handleSec: 0, resolveProb: 0, rushed: false };
  private readonly thoroughFactor: number;

  constructor(private readonly policy: PolicyConfig) {
    this.thoroughFactor = policy.thoroughnessSec > 0 ? Math.exp(-policy.thoroughnessSec / policy.thoroughnessScaleSec) : 1;
  }

  /** The policy applied to a contact with natural handle `naturalSec` and base probability `p` (a reused record). */
  apply(naturalSec: number, p: number, reask: boolean, waitingPerAgent: number): HandlingOutcome {
    const policy = this.policy;
    let h = naturalSec + policy.thoroughnessSec;
    let q = 1 - (1 - p) * this.thoroughFactor;
    let rushed = false;
    if (policy.ahtShiftSec < 0 && h > 0) {
      const shifted = Math.max(h / 2, h + policy.ahtShiftSec);
      q *= (shifted / h) ** policy.rushElasticity;
      h = shifted;
    }
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
    const out = this.out;
    out.handleSec = h;
    out.resolveProb = q;
    out.rushed = rushed;
    return out;
  }
}

/** A probability with its odds multiplied by `factor`: odds' = factor · p/(1−p). Stays in [0, 1]. */
export function scaleOdds(p: number, factor: number): number {
  if (p >= 1) return 1;
  const odds = (p / (1 - p)) * factor;
  return odds / (1 + odds);
}
