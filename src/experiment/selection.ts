import { RunningStats } from '../engine/stats/running.js';

/**
 * Ranking and selection among a few simulated systems: the fully sequential indifference-zone
 * procedure KN of S.-H. Kim and B. L. Nelson, "A fully sequential procedure for indifference-zone
 * selection in simulation", ACM TOMACS 11(3):251–273, 2001. With probability at least 1 − α it
 * selects a system whose mean is within δ of the best one (higher is better), and it is valid with
 * common random numbers: it works on the variances of the paired differences.
 *
 *   n₀ replications of each system ─ S²ᵢₗ = sample variance of Xᵢ − Xₗ over them
 *   η = ½[(2α/(k − 1))^(−2/(n₀ − 1)) − 1],  h² = 2η(n₀ − 1)
 *   at r = n₀, n₀ + 1, …: keep i while X̄ᵢ(r) ≥ X̄ₗ(r) − Wᵢₗ(r) for every other survivor l,
 *     Wᵢₗ(r) = max(0, (δ / 2r)(h²S²ᵢₗ / δ² − r));  stop when one survivor is left
 *
 * Replications are requested in batches (`batch` more per survivor at a time, a fixed number, so
 * the run is the same for any worker count) and screened one r at a time within the batch, which
 * is the sequential procedure exactly, at the price of a few replications it might not have
 * needed. At `maxReplications` it stops and takes the survivor with the best mean, saying so.
 */

export interface SelectionOptions {
  /** δ > 0: differences smaller than this are not worth telling apart (the objective's unit). */
  indifference: number;
  /** 1 − α is the probability of a correct selection (default α = 0.05). */
  alpha?: number;
  /** n₀ ≥ 2: replications every system already has (the first stage). */
  firstStage: number;
  /** More replications per survivor at a time. */
  batch: number;
  /** The most replications a system gets. */
  maxReplications: number;
}

export interface SelectionResult {
  /** Index of the selected system. */
  selected: number;
  /** Systems still in at the end (just the selected one unless the cap was hit). */
  survivors: number[];
  /** Per system: the replication count r at which it was eliminated (null: never). */
  eliminatedAt: (number | null)[];
  /** Replications of the survivors at the end. */
  replications: number;
  /** Whether the cap stopped the procedure before one survivor was left. */
  capped: boolean;
  /** h² of the procedure (for the record). */
  h2: number;
}

/** KN's constant h² = 2η(n₀ − 1) for k systems. */
export function knH2(k: number, n0: number, alpha: number): number {
  const eta = 0.5 * ((2 * alpha) / (k - 1)) ** (-2 / (n0 - 1)) - 0.5;
  return 2 * eta * (n0 - 1);
}

/**
 * Selects the best of k systems. `values(i)` gives system i's replications so far (higher is
 * better, paired by index across systems); `extend(systems, to)` makes each listed system have at
 * least `to` replications.
 */
export async function selectBest(
  k: number,
  values: (i: number) => readonly number[],
  extend: (systems: readonly number[], to: number) => Promise<void>,
  options: SelectionOptions,
): Promise<SelectionResult> {
  const { indifference: delta, alpha = 0.05, firstStage: n0, batch, maxReplications } = options;
  if (!(k >= 1)) throw new RangeError(`selectBest: needs at least one system, got ${k}`);
  if (!(n0 >= 2)) throw new RangeError(`selectBest: the first stage needs at least 2 replications, got ${n0}`);
  if (!(delta > 0)) throw new RangeError(`selectBest: the indifference zone must be > 0, got ${delta}`);
  const eliminatedAt: (number | null)[] = Array.from({ length: k }, () => null);
  if (k === 1) return { selected: 0, survivors: [0], eliminatedAt, replications: values(0).length, capped: false, h2: 0 };
  const h2 = knH2(k, n0, alpha);
  // First-stage variances of the pairwise differences.
  const s2 = Array.from({ length: k }, () => new Float64Array(k));
  for (let i = 0; i < k; i++) {
    for (let l = i + 1; l < k; l++) {
      const xi = values(i);
      const xl = values(l);
      const d = new RunningStats();
      for (let j = 0; j < n0; j++) d.add(xi[j]! - xl[j]!);
      s2[i]![l] = s2[l]![i] = d.variance;
    }
  }
  const mean = (i: number, r: number) => {
    const x = values(i);
    let s = 0;
    for (let j = 0; j < r; j++) s += x[j]!;
    return s / r;
  };
  let survivors = Array.from({ length: k }, (_, i) => i);
  let r = n0;
  for (;;) {
    // Screen at r.
    const means = new Map(survivors.map((i) => [i, mean(i, r)]));
    const kept = survivors.filter((i) =>
      survivors.every((l) => {
        if (l === i) return true;
        const w = Math.max(0, (delta / (2 * r)) * ((h2 * s2[i]![l]!) / delta ** 2 - r));
        return means.get(i)! >= means.get(l)! - w;
      }),
    );
    for (const i of survivors) if (!kept.includes(i)) eliminatedAt[i] = r;
    survivors = kept;
    if (survivors.length === 1) return { selected: survivors[0]!, survivors, eliminatedAt, replications: r, capped: false, h2 };
    if (r >= maxReplications) {
      const best = survivors.reduce((a, b) => (mean(b, r) > mean(a, r) ? b : a));
      return { selected: best, survivors, eliminatedAt, replications: r, capped: true, h2 };
    }
    const have = Math.min(...survivors.map((i) => values(i).length));
    if (have <= r) await extend(survivors, Math.min(maxReplications, r + batch));
    r++;
  }
}
