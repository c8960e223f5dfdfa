import { RunningStats } from '../engine/stats/running.js';
import { tQuantile } from '../engine/stats/student-t.js';
import type { Estimate } from './estimate.js';

/**
 * The benefit–cost ratio of a policy change against the baseline:
 *
 *   B/C = (Δprofit + ΔsupportCost) / ΔsupportCost
 *
 * the gain outside support (revenue, upsell, returns avoided, acquisition: everything profit
 * holds but support cost) per unit of extra support cost. B/C > 1 means the support money pays
 * for itself at this margin, whichever way the policy moves it: more spending (ΔsupportCost > 0)
 * that brings in more than it costs, or a saving (ΔsupportCost < 0) that loses more than it
 * saves. B/C between 0 and 1: spending more raises other gains, but by less than it costs.
 *
 * Estimated from the paired differences a_r = Δprofit_r + ΔsupportCost_r and b_r =
 * ΔsupportCost_r of replications r = 1 … n as the ratio of their means, R = ā / b̄, with the
 * delta-method standard error (Casella & Berger, Statistical Inference, 2nd ed., §5.5.4, the
 * ratio of two means): Var R ≈ Var(ā − R·b̄) / b̄², estimated by
 *
 *   se(R) = √( Σ (a_r − R·b_r)² / (n(n − 1)) ) / |b̄|      (the residuals a_r − R·b_r sum to 0)
 *
 * and the interval R ± t(0.975, n − 1)·se(R). The ratio is reported only when the 95% paired
 * interval of ΔsupportCost excludes 0: with a denominator that may be 0 the ratio is unbounded
 * and no interval of this form means anything (null then).
 */
export function benefitCostRatio(deltaProfit: readonly number[], deltaSupportCost: readonly number[]): Estimate | null {
  const n = deltaProfit.length;
  if (n !== deltaSupportCost.length) throw new RangeError(`benefitCostRatio: ${n} profit differences but ${deltaSupportCost.length} support-cost differences`);
  if (n < 2) throw new RangeError(`benefitCostRatio: needs at least 2 replications, got ${n}`);
  const t = tQuantile(0.975, n - 1);
  const cost = new RunningStats();
  for (const b of deltaSupportCost) cost.add(b);
  const costHalf = t * Math.sqrt(cost.variance / n);
  if (cost.mean - costHalf <= 0 && cost.mean + costHalf >= 0) return null;
  const gain = deltaProfit.map((d, r) => d + deltaSupportCost[r]!);
  const ratio = gain.reduce((s, a) => s + a, 0) / n / cost.mean;
  const residuals = gain.reduce((s, a, r) => s + (a - ratio * deltaSupportCost[r]!) ** 2, 0);
  const half = (t * Math.sqrt(residuals / (n * (n - 1)))) / Math.abs(cost.mean);
  return { mean: ratio, ci95: half > 0 ? [ratio - half, ratio + half] : [ratio, ratio] };
}

/** The ratio's definition, as the table and the report state it. */
export const BENEFIT_COST_DEFINITION = 'benefit–cost ratio (Δprofit + ΔsupportCost) / ΔsupportCost: the change outside support per unit of support cost added or saved, with its 95% CI';

/**
 * What a ratio means, which depends on the side of ΔsupportCost: for a policy that spends more,
 * above 1 it pays for itself; for one that saves, above 1 it loses more than it saves, and below 0
 * it saves and gains besides.
 */
export function benefitCostReading(ratio: number, deltaSupportCost: number): string {
  if (deltaSupportCost > 0) {
    if (ratio > 1) return 'spends more on support and earns more than it spends';
    if (ratio > 0) return 'spends more on support and earns back only part of it';
    return 'spends more on support and loses elsewhere too';
  }
  if (ratio > 1) return 'saves on support and loses more than it saves';
  if (ratio > 0) return 'saves on support and loses part of the saving elsewhere';
  return 'saves on support and gains elsewhere too';
}
