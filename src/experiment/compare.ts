import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/result.js';
import type { CustomerResult } from '../model/customers.js';
import { benefitCostRatio } from './benefit-cost.js';
import { channelEstimates, feasibility, type ChannelEstimates, type Constraint, type Feasibility } from './constraint.js';
import { comparedMonthRows, satisfactionShareDeltas, satisfactionShareEstimates, type ComparedMonthRow, type SatisfactionLevel } from './customers.js';
import { estimateAll, type Estimate, type FigureEstimate } from './estimate.js';
import { allFigures, figureValues as values, GROUPS, groupRecords } from './figures.js';
import { bonferroniLevel, halfWidthOf, pairedDifference, type EmptyDifference, type PairedDifference } from './paired.js';
import type { Runner } from './pool.js';
import { replicateRange } from './replicate.js';
import { DIRECTION, verdictOf, type Verdict } from './verdict.js';

/**
 * Policy comparison with common random numbers (CRN) — the pipeline of `ccsim compare`:
 *
 *   policies (baseline first) ─replicate r = 0 … n−1, same seed─▶ results[policy][r]
 *     ─paired differences (policy − baseline) per replication─▶ delta { mean, ci95, ciVerdict }
 *     ─Bonferroni over the m = policies − 1 comparisons─▶ verdict per policy ─▶ ranking
 *
 * Every policy runs the same replication indices with the same seed, and the model derives each
 * random stream from (seed, replication, stream name), so replication r of every policy sees the
 * same customers: the differences are paired (Law, Simulation Modeling and Analysis, 5th ed.,
 * §11.2). Figures are taken generically from the replications' `kpis`, `economics` and (with the
 * customer lifecycle) `customers` records; with the lifecycle each policy also gets its months
 * (Δ cumulative profit paired by month) and its satisfaction distribution (experiment/customers.ts),
 * and every policy the benefit–cost ratio of its change of support cost (experiment/benefit-cost.ts).
 */

/** A named model configuration to compare. */
export interface PolicyConfig {
  name: string;
  config: ModelConfig;
}

/** `--reps auto`: add replications until the 95% half-width of every Δ`figure` is ≤ precision. */
export interface AutoReplications {
  precision: number;
  figure: string;
  maxReplications: number;
}

export interface CompareOptions {
  scenario: string;
  seed: number;
  replications: number | AutoReplications;
  /** A second verdict figure besides profit (a key of DIRECTION). */
  by?: string | undefined;
  /** Requirements to judge every policy against (experiment/constraint.ts). */
  constraints?: readonly Constraint[] | undefined;
  onProgress?: (done: number, total: number) => void;
}

export interface PolicyComparison {
  name: string;
  kpis: Record<string, FigureEstimate>;
  economics: Record<string, FigureEstimate>;
  /** The customer lifecycle's figures over replications; absent when the lifecycle is off. */
  customers?: ComparedCustomers;
  /** policy − baseline, paired, for every kpis, economics and customers figure (empty where a ratio has nothing under it). */
  delta: Record<string, PairedDifference | EmptyDifference>;
  /**
   * (Δprofit + ΔsupportCost) / ΔsupportCost with its delta-method 95% CI: the gain outside
   * support per unit of extra support cost. null for the baseline, without the customer
   * lifecycle (support cost is then all the money there is: the ratio would be 0 by
   * construction), and when the 95% CI of ΔsupportCost contains 0 (experiment/benefit-cost.ts).
   */
  benefitCost: Estimate | null;
  /** With requirements: the channel figures they name, and each requirement judged with its 95% CI. */
  channels?: ChannelEstimates;
  feasibility?: Feasibility;
}

/** The lifecycle's scalar figures (their Δ are in `delta`), and what is not a scalar figure. */
export type ComparedCustomers = Record<Exclude<keyof CustomerResult, 'satisfaction' | 'months'>, FigureEstimate> & {
  /** Share of the window's contacts at each satisfaction level, and its Δ, paired. */
  satisfactionShare: Record<SatisfactionLevel, FigureEstimate>;
  satisfactionShareDelta: Record<SatisfactionLevel, PairedDifference | EmptyDifference>;
  /** The months overlapping the measured window, with Δ cumulative profit, paired. */
  months: ComparedMonthRow[];
};

export interface PolicyVerdict {
  policy: string;
  profit: Verdict;
  [figure: string]: Verdict | string;
}

/** How much narrower pairing made the interval of one figure's difference. */
export interface VarianceReduction {
  policy: string;
  figure: string;
  pairedHalfWidth: number;
  unpairedHalfWidth: number;
  /** unpaired / paired; null when the paired interval has zero width (an exact difference). */
  ratio: number | null;
}

export interface Comparison {
  scenario: string;
  seed: number;
  replications: number;
  baseline: string;
  policies: PolicyComparison[];
  /** Policy names, best first by mean profit (the baseline included; ties keep file order). */
  ranking: string[];
  verdict: PolicyVerdict[];
  /** The verdicts' family: m comparisons, each interval at 1 − 0.05/m (Bonferroni). */
  comparisons: number;
  familyLevel: number;
  verdictLevel: number;
  by: string | null;
  /** The requirements every policy was judged against (`--require`), as written; [] for none. */
  require: string[];
  autoReplications: (AutoReplications & { reached: boolean; halfWidth: number }) | null;
  varianceReduction: VarianceReduction[];
}

/** A figure asked for (by `--by` or `--precision-on`) that the replications do not report. */
export class FigureNotReported extends Error {
  constructor(
    readonly figure: string,
    readonly reported: readonly string[],
  ) {
    super(`the figure "${figure}" is not reported by this scenario; reported: ${reported.join(', ')}`);
  }
}

/** Where auto replications start, and the smallest step they grow by. */
export const AUTO_START = 5;
const AUTO_STEP = 5;

/**
 * The next replication count for `--reps auto`: the count at which the half-width h (seen at n)
 * is projected to shrink to the precision (h ∝ 1/√n), at least n + 5, at most 2n, and never over
 * the cap. Depends only on the data, so the same inputs stop at the same count.
 */
export function nextReplications(n: number, halfWidth: number, precision: number, max: number): number {
  const projected = Math.ceil(n * (halfWidth / precision) ** 2);
  return Math.min(max, 2 * n, Math.max(n + AUTO_STEP, projected));
}

/** Runs every policy on the same replications and compares each with the first (the baseline). */
export async function compare(policies: readonly PolicyConfig[], options: CompareOptions, runner: Runner): Promise<Comparison> {
  if (policies.length < 2) throw new RangeError('compare: needs the baseline and at least one policy');
  const m = policies.length - 1;
  const verdictLevel = bonferroniLevel(m);
  const auto = typeof options.replications === 'number' ? null : options.replications;
  const results: ReplicationResult[][] = policies.map(() => []);
  let target = auto ? Math.min(AUTO_START, auto.maxReplications) : (options.replications as number);
  let done = 0;
  let reached = true;
  let worst = 0;
  for (;;) {
    const from = results[0]!.length;
    const total = policies.length * target;
    const batch = await Promise.all(
      policies.map((p) => replicateRange(runner, p.config, options.seed, from, target, () => options.onProgress?.(++done, total))),
    );
    batch.forEach((rs, i) => results[i]!.push(...rs));
    if (!auto) break;
    const reported = allFigures(results[0]![0]!);
    if (!reported.includes(auto.figure)) throw new FigureNotReported(auto.figure, reported);
    const base = values(results[0]!, auto.figure);
    worst = Math.max(...results.slice(1).map((rs) => {
      const d = pairedDifference(values(rs, auto.figure), base, verdictLevel);
      return d.ci95 === null ? Infinity : halfWidthOf(d.ci95);
    }));
    reached = worst <= auto.precision;
    if (reached || target >= auto.maxReplications) break;
    target = nextReplications(target, worst, auto.precision, auto.maxReplications);
  }
  const comparison = analyze(policies, results, options, verdictLevel);
  return { ...comparison, autoReplications: auto ? { ...auto, reached, halfWidth: worst } : null };
}

/** The paired analysis of finished replications (every policy, the same indices). */
export function analyze(
  policies: readonly PolicyConfig[],
  results: readonly (readonly ReplicationResult[])[],
  options: Pick<CompareOptions, 'scenario' | 'seed' | 'by' | 'constraints'>,
  verdictLevel: number,
): Omit<Comparison, 'autoReplications'> {
  const base = results[0]!;
  const first = base[0]!;
  const reported = allFigures(first);
  for (const figure of ['profit', ...(options.by ? [options.by] : [])]) {
    if (!reported.includes(figure)) throw new FigureNotReported(figure, reported);
  }
  const clash = reported.filter((k, i) => reported.indexOf(k) !== i);
  if (clash.length > 0) throw new Error(`compare: ${clash.join(', ')} is reported in two of ${GROUPS.join(', ')}; delta cannot hold both`);
  const { warmupSec, horizonSec } = policies[0]!.config;
  const compared: PolicyComparison[] = policies.map((p, i) => {
    const rs = results[i]!;
    const delta: Record<string, PairedDifference | EmptyDifference> = {};
    for (const figure of reported) delta[figure] = pairedDifference(values(rs, figure), values(base, figure), verdictLevel);
    const customers: ComparedCustomers | undefined = first.customers
      ? {
          ...(estimateAll(groupRecords(rs, 'customers')) as Record<Exclude<keyof CustomerResult, 'satisfaction' | 'months'>, FigureEstimate>),
          satisfactionShare: satisfactionShareEstimates(rs),
          satisfactionShareDelta: satisfactionShareDeltas(rs, base, verdictLevel),
          months: comparedMonthRows(rs, base, warmupSec, horizonSec, verdictLevel),
        }
      : undefined;
    // Money figures are never empty.
    const diff = (figure: string) => {
      const b = values(base, figure) as number[];
      return (values(rs, figure) as number[]).map((x, r) => x - b[r]!);
    };
    const kpis = estimateAll(groupRecords(rs, 'kpis'));
    const economics = estimateAll(groupRecords(rs, 'economics'));
    const constraints = options.constraints ?? [];
    const channels = constraints.length > 0 ? channelEstimates(rs, constraints) : undefined;
    return {
      name: p.name,
      kpis,
      economics,
      ...(customers ? { customers } : {}),
      delta,
      benefitCost: i === 0 || !customers ? null : benefitCostRatio(diff('profit'), diff('supportCost')),
      ...(channels ? { channels, feasibility: feasibility(constraints, { kpis, economics, customers, channels }, rs.length) } : {}),
    };
  });
  const figures = ['profit', ...(options.by && options.by !== 'profit' ? [options.by] : [])];
  const verdict = compared.slice(1).map((p) => {
    const v: PolicyVerdict = { policy: p.name, profit: verdictOf(p.delta.profit!.ciVerdict, 'higher') };
    for (const f of figures.slice(1)) v[f] = verdictOf(p.delta[f]!.ciVerdict, DIRECTION[f]!);
    return v;
  });
  const ranking = compared
    .map((p, i) => ({ name: p.name, profit: p.economics.profit!.mean!, i }))
    .sort((a, b) => b.profit - a.profit || a.i - b.i)
    .map((p) => p.name);
  return {
    scenario: options.scenario,
    seed: options.seed,
    replications: base.length,
    baseline: policies[0]!.name,
    policies: compared,
    ranking,
    verdict,
    comparisons: policies.length - 1,
    familyLevel: 0.95,
    verdictLevel,
    by: options.by ?? null,
    require: (options.constraints ?? []).map((c) => c.text),
    varianceReduction: varianceReduction(compared, options.by),
  };
}

/**
 * Paired against unpaired (Welch) 95% half-widths of Δ, per policy, for the first figure whose
 * unpaired interval has any width: profit when it varies between replications, otherwise the
 * `--by` figure, waitSec or asaSec (profit is a constant while cost is the only money figure).
 */
function varianceReduction(compared: readonly PolicyComparison[], by: string | undefined): VarianceReduction[] {
  const others = compared.slice(1);
  const candidates = ['profit', ...(by ? [by] : []), 'waitSec', 'asaSec'];
  const figure = candidates.find((f) => others.some((p) => p.delta[f]?.unpairedCi95 && halfWidthOf(p.delta[f].unpairedCi95) > 0));
  if (figure === undefined) return [];
  return others.flatMap((p) => {
    const d = p.delta[figure]!;
    if (d.mean === null) return [];
    const paired = halfWidthOf(d.ci95);
    const unpaired = halfWidthOf(d.unpairedCi95);
    return [{ policy: p.name, figure, pairedHalfWidth: paired, unpairedHalfWidth: unpaired, ratio: paired > 0 ? unpaired / paired : null }];
  });
}
