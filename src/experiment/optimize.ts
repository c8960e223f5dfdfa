import { figureDef } from '../model/catalogue.js';
import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/result.js';
import { judge, overallStatus, type Constraint, type ConstraintStatus, type JudgedConstraint } from './constraint.js';
import { estimate, type Estimate, type FigureEstimate } from './estimate.js';
import { neighbours, pointKey, setOf, totalAgents, type Decision, type Point } from './optimize-space.js';
import { bonferroniLevel, pairedDifference } from './paired.js';
import { selectBest } from './selection.js';

/** An optimisation that cannot start from what the scenario says: bad input (exit 2), not a bug. */
export class OptimizeError extends Error {}

export const optimizeErrors = {
  scenarioInvalid: (error: string) => `optimize: the scenario's own values of the decisions make no valid scenario: ${error}`,
  startInvalid: (set: Readonly<Record<string, unknown>>, error: string | undefined) => `optimize: the start ${JSON.stringify(set)} makes no valid scenario: ${error ?? 'no reason given'}; try optimize.start: scenario`,
};

/**
 * `ccsim optimize` — the search, drawn where it starts:
 *
 *   optimize.vary ─decisions─▶ start (analytic: Erlang requirements per interval → set-covering
 *     MILP over the candidate shifts, experiment/optimize-start.ts; or the scenario's values)
 *   ─local search on common random numbers─▶ at each step every neighbour (one decision one value
 *     up or down) runs replications 0 … n−1 with the same seed as the incumbent; a move is taken
 *     only when the paired interval of Δobjective (Bonferroni over the neighbourhood) says the
 *     neighbour is better, among neighbours that meet the requirements (or, while the incumbent
 *     does not, that come closer to meeting them); a move that paid is tried again along its line
 *     with doubling steps (2, 4, 8 … values), each kept only when its own paired 95% interval says
 *     better (Hooke & Jeeves' pattern move); when no interval is decisive the most promising
 *     neighbour and the incumbent get more replications before the search concludes
 *   ─ranking and selection (Kim & Nelson 2001, experiment/selection.ts) among the finalists: the
 *     incumbent and its feasible neighbours that the data cannot call worse─▶ the chosen staffing
 *
 * This is the simulation-based local search of staffing that Atlason, Epelman & Henderson
 * ("Optimizing call center staffing using simulation and analytic center cutting-plane methods",
 * Management Science 54(2), 2008) start from a fluid or Erlang solution, with the statistical
 * care of common random numbers for every comparison (Law, Simulation Modeling and Analysis, §11.2)
 * and a final selection with a probability guarantee in place of "the best mean seen".
 *
 * Every replication r of every candidate uses (seed, r): candidates are compared on the same
 * callers, and the whole search depends only on the data, so it is the same for any worker count
 * and a resumed run (the CLI keeps finished replications) retraces it exactly.
 */

export type Objective = 'profit' | 'longTermValue' | 'cost';

/** The economics figure each objective reads, and whether more is better. */
export const OBJECTIVES: Readonly<Record<Objective, { figure: string; higher: boolean }>> = {
  profit: { figure: 'profit', higher: true },
  longTermValue: { figure: 'longTermValue', higher: true },
  cost: { figure: 'cost', higher: false },
};

/** One replication's figures, flat: every kpis, economics and customers scalar, and `channel.figure` for the channel figures requirements name. */
export type FigureRow = Record<string, number | null>;

/** The flat figures of a replication (what the CLI keeps for a resumed run). */
export function figureRow(r: ReplicationResult, constraints: readonly Constraint[]): FigureRow {
  const row: FigureRow = {};
  for (const group of [r.kpis, r.economics, r.customers] as (object | undefined)[]) {
    for (const [k, v] of Object.entries(group ?? {})) if (typeof v === 'number' || v === null) row[k] = v;
  }
  for (const c of constraints) if (c.channel !== null) row[`${c.channel}.${c.figure}`] = (r.channels[c.channel]?.[c.figure] ?? null) as number | null;
  return row;
}

/** What the CLI supplies: configurations (validated) and replications (run, or reused when resuming). */
export interface Evaluator {
  /** The model configuration of a candidate's overrides, or why they make no valid scenario. */
  config(set: Readonly<Record<string, unknown>>): { config: ModelConfig } | { error: string };
  /** Replications from … to − 1 of a candidate, as figure rows. */
  replicate(set: Readonly<Record<string, unknown>>, config: ModelConfig, from: number, to: number): Promise<FigureRow[]>;
}

export interface OptimizeOptions {
  objective: Objective;
  decisions: readonly Decision[];
  constraints: readonly Constraint[];
  /** Value index per decision where the search starts. */
  start: Point;
  /** Replications of each candidate's first batch, n ≥ 2. */
  replications: number;
  /** The most candidates evaluated (their first batch) in the local search. */
  budget: number;
  /** The most replications one candidate gets (resolving a close move, or in the final selection). */
  maxReplications: number;
  /** KN's δ; default 0.1% of the first finalist's mean cost of the center (economics.cost). */
  indifference?: number | undefined;
}

/** A candidate as evaluated. */
export interface Candidate {
  key: string;
  point: number[];
  set: Record<string, unknown>;
  totalAgents: number;
  rows: FigureRow[];
}

/** One step of the search path. */
export interface PathStep {
  step: number;
  set: Record<string, unknown>;
  totalAgents: number;
  objective: Estimate;
  status: ConstraintStatus;
  /** The move that led here (null for the start). */
  move: { key: string; from: unknown; to: unknown } | null;
  /** Δobjective of the move, paired, with the interval the move was decided on. */
  delta: { mean: number; ci: [number, number]; level: number } | null;
  /** Why it was taken: a significantly better objective, or a step toward meeting the requirements. */
  reason: 'start' | 'better' | 'feasibility';
}

export interface EvaluatedCandidate {
  set: Record<string, unknown>;
  totalAgents: number;
  objective: Estimate;
  feasible: boolean;
  status: ConstraintStatus;
  replications: number;
}

export interface ChosenCandidate extends EvaluatedCandidate {
  kpis: Record<string, FigureEstimate>;
  economics: Record<string, FigureEstimate>;
  customers?: Record<string, FigureEstimate>;
  requirements: JudgedConstraint[];
}

export interface SelectionRecord {
  method: 'Kim–Nelson (2001) fully sequential, common random numbers';
  finalists: { set: Record<string, unknown>; objective: Estimate; replications: number; eliminatedAt: number | null }[];
  indifference: number;
  alpha: number;
  capped: boolean;
  /** Finalists dropped because more replications showed a requirement no longer met. */
  dropped: Record<string, unknown>[];
}

export interface OptimizeOutcome {
  best: ChosenCandidate;
  path: PathStep[];
  evaluated: EvaluatedCandidate[];
  selection: SelectionRecord | null;
  /** Candidates evaluated (first batches), and replications run in all. */
  evaluations: number;
  replicationsUsed: number;
  /** Why the local search ended. */
  stopped: 'local optimum' | 'budget';
  /** Candidates whose overrides make no valid scenario, with the reason. */
  invalid: { set: Record<string, unknown>; error: string }[];
  notes: string[];
}

const STATUS_RANK: Record<ConstraintStatus, number> = { infeasible: 0, undetermined: 1, feasible: 2 };

/** Runs the search and the final selection (see the file comment). */
export async function optimize(options: OptimizeOptions, evaluator: Evaluator, onProgress?: (done: number, total: number) => void): Promise<OptimizeOutcome> {
  const { decisions, constraints, replications: n0, budget, maxReplications } = options;
  if (n0 < 2) throw new RangeError(`optimize: needs at least 2 replications per candidate, got ${n0}`);
  const { figure, higher } = OBJECTIVES[options.objective];
  const sign = higher ? 1 : -1;
  const candidates = new Map<string, Candidate>();
  const configs = new Map<string, ModelConfig>();
  const invalid: OptimizeOutcome['invalid'] = [];
  const invalidKeys = new Set<string>();
  const notes: string[] = [];
  let evaluations = 0;
  let replicationsUsed = 0;
  let progressTotal = budget * n0;
  const tick = (n: number) => {
    replicationsUsed += n;
    if (replicationsUsed > progressTotal) progressTotal = replicationsUsed;
    onProgress?.(replicationsUsed, progressTotal);
  };

  /** The candidate with at least `reps` replications (null when its overrides are invalid). */
  const ensure = async (point: Point, reps: number): Promise<Candidate | null> => {
    const key = pointKey(point);
    let c = candidates.get(key);
    if (!c) {
      const set = setOf(decisions, point);
      const made = evaluator.config(set);
      if ('error' in made) {
        if (!invalidKeys.has(key)) invalid.push({ set, error: made.error });
        invalidKeys.add(key);
        return null;
      }
      configs.set(key, made.config);
      c = { key, point: [...point], set, totalAgents: totalAgents(made.config), rows: [] };
      candidates.set(key, c);
      evaluations++;
    }
    if (c.rows.length < reps) {
      const from = c.rows.length;
      const rows = await evaluator.replicate(c.set, configs.get(key)!, from, reps);
      c.rows.push(...rows);
      tick(reps - from);
    }
    return c;
  };
  const score = (c: Candidate) => c.rows.map((r) => sign * (r[figure] as number));
  const objectiveOf = (c: Candidate): Estimate => estimate(c.rows.map((r) => r[figure] as number));
  const statusOf = (c: Candidate): ConstraintStatus => overallStatus(constraints.map((k) => judge(k, estimateOf(c, k), c.rows.length)));
  const violation = (c: Candidate): number =>
    constraints.reduce((sum, k) => {
      const m = estimateOf(c, k).mean;
      if (m === null) return sum;
      const gap = k.op === '>=' || k.op === '>' ? k.bound - m : m - k.bound;
      return sum + Math.max(0, gap) / Math.max(Math.abs(k.bound), 1e-9);
    }, 0);
  /** Paired Δscore of b over a on their common replications. */
  const paired = (b: Candidate, a: Candidate, level: number) => {
    const n = Math.min(a.rows.length, b.rows.length);
    return pairedDifference(score(b).slice(0, n), score(a).slice(0, n), level);
  };

  // ── the local search ──
  let x = await ensure(options.start, n0);
  if (x === null) throw new OptimizeError(optimizeErrors.startInvalid(setOf(decisions, options.start), invalid[0]?.error));
  const path: PathStep[] = [{ step: 0, set: x.set, totalAgents: x.totalAgents, objective: objectiveOf(x), status: statusOf(x), move: null, delta: null, reason: 'start' }];
  const visited = new Set([x.key]);
  let stopped: OptimizeOutcome['stopped'] = 'local optimum';
  let around: { c: Candidate; move: { key: string; from: unknown; to: unknown } }[] = [];
  for (;;) {
    const moves = neighbours(decisions, x.point);
    const fresh = moves.filter((m) => !candidates.has(pointKey(m.point))).length;
    if (evaluations + fresh > budget) {
      stopped = 'budget';
      notes.push(`the budget of ${budget} evaluations ended the search before the neighbourhood of step ${path.length - 1} could be evaluated`);
      around = [];
      break;
    }
    const evaluated = await Promise.all(moves.map((m) => ensure(m.point, n0)));
    around = moves.flatMap((m, i) => (evaluated[i] ? [{ c: evaluated[i]!, move: { key: m.key, from: m.from, to: m.to } }] : []));
    const level = bonferroniLevel(Math.max(1, around.length));
    const choice = await decideMove(x, around, level);
    if (choice === null) break;
    const before = x;
    x = choice.c;
    visited.add(x.key);
    path.push({ step: path.length, set: x.set, totalAgents: x.totalAgents, objective: objectiveOf(x), status: statusOf(x), move: choice.move, delta: choice.delta, reason: choice.reason });
    if (choice.reason === 'better') {
      // A move that paid is tried again along the same line with doubling steps (a pattern
      // search's expanding move), each step taken only when its own paired interval says better.
      const axis = before.point.findIndex((v, i) => v !== x!.point[i]);
      const direction = Math.sign(x.point[axis]! - before.point[axis]!);
      for (let step = 2; evaluations < budget; step *= 2) {
        const to = Math.max(0, Math.min(decisions[axis]!.values.length - 1, x.point[axis]! + direction * step));
        if (to === x.point[axis]) break;
        const next = [...x.point];
        next[axis] = to;
        const y = await ensure(next, n0);
        if (y === null || visited.has(y.key) || statusOf(y) !== 'feasible') break;
        const d = paired(y, x, 0.95);
        if (!(d.ci95[0] > 0)) break;
        const move = { key: decisions[axis]!.key, from: decisions[axis]!.values[x.point[axis]!], to: decisions[axis]!.values[to] };
        x = y;
        visited.add(x.key);
        path.push({ step: path.length, set: x.set, totalAgents: x.totalAgents, objective: objectiveOf(x), status: statusOf(x), move, delta: { mean: sign * d.mean, ci: scaled(d.ci95), level: 0.95 }, reason: 'better' });
      }
    }
  }

  /** The next incumbent among the neighbours, or null at a local optimum (see the file comment). */
  async function decideMove(
    inc: Candidate,
    near: { c: Candidate; move: { key: string; from: unknown; to: unknown } }[],
    level: number,
  ): Promise<{ c: Candidate; move: { key: string; from: unknown; to: unknown }; delta: PathStep['delta']; reason: PathStep['reason'] } | null> {
    const open = near.filter((n) => !visited.has(n.c.key));
    // An incumbent whose interval straddles a bound gets more replications before anything moves.
    while (statusOf(inc) === 'undetermined' && inc.rows.length < maxReplications) await ensure(inc.point, Math.min(maxReplications, 2 * inc.rows.length));
    const rank = STATUS_RANK[statusOf(inc)];
    const withDelta = (n: (typeof open)[number]) => {
      const d = paired(n.c, inc, level);
      return { ...n, d };
    };
    if (rank < 2) {
      // Not yet meeting the requirements: the neighbour that meets the most of them (the better
      // objective among those); when none meets more, the one nearest to meeting them (by means).
      const top = Math.max(...open.map((n) => STATUS_RANK[statusOf(n.c)]));
      let best: ReturnType<typeof withDelta> | undefined;
      if (top > rank) {
        best = open.filter((n) => STATUS_RANK[statusOf(n.c)] === top).map(withDelta).reduce((a, b) => (b.d.mean > a.d.mean ? b : a));
      } else {
        const nearer = open.filter((n) => STATUS_RANK[statusOf(n.c)] === rank && violation(n.c) < violation(inc) - 1e-12);
        if (nearer.length > 0) best = withDelta(nearer.reduce((a, b) => (violation(b.c) < violation(a.c) ? b : a)));
      }
      if (!best) return null;
      return { c: best.c, move: best.move, delta: { mean: sign * best.d.mean, ci: scaled(best.d.ciVerdict), level }, reason: 'feasibility' };
    }
    for (;;) {
      const feasible = open.filter((n) => statusOf(n.c) === 'feasible').map(withDelta);
      const better = feasible.filter((n) => n.d.ciVerdict[0] > 0);
      if (better.length > 0) {
        const best = better.reduce((a, b) => (b.d.mean > a.d.mean ? b : a));
        return { c: best.c, move: best.move, delta: { mean: sign * best.d.mean, ci: scaled(best.d.ciVerdict), level }, reason: 'better' };
      }
      // No decisive interval: the most promising neighbour (better mean, interval straddling 0)
      // and the incumbent get more replications, up to the cap, before concluding.
      const promising = feasible.filter((n) => n.d.mean > 0 && n.d.ciVerdict[1] > 0).sort((a, b) => b.d.mean - a.d.mean)[0];
      const have = Math.min(inc.rows.length, promising?.c.rows.length ?? Infinity);
      if (!promising || have >= maxReplications) return null;
      const to = Math.min(maxReplications, 2 * have);
      await Promise.all([ensure(inc.point, to), ensure(promising.c.point, to)]);
      // Their statuses may change with more data; the loop re-judges.
      if (statusOf(inc) !== 'feasible') return decideMove(inc, near, level);
    }
  }

  /** An interval of Δscore in the objective's own direction (for cost: Δcost). */
  function scaled(ci: readonly [number, number]): [number, number] {
    return sign > 0 ? [ci[0], ci[1]] : [-ci[1], -ci[0]];
  }

  // ── ranking and selection among the finalists ──
  let selection: SelectionRecord | null = null;
  let chosen = x;
  const incumbentStatus = statusOf(x);
  let finalists: Candidate[];
  if (incumbentStatus === 'feasible') {
    finalists = [x, ...around.filter((n) => statusOf(n.c) === 'feasible' && paired(n.c, x!, 0.95).ci95[1] >= 0).map((n) => n.c)];
  } else {
    // The search ended without meeting the requirements: the best feasible candidates seen, if any.
    const feasible = [...candidates.values()].filter((c) => statusOf(c) === 'feasible');
    finalists = feasible.sort((a, b) => mean(score(b)) - mean(score(a))).slice(0, 5);
    if (finalists.length === 0) notes.push(`no candidate evaluated meets every requirement with its whole 95% CI; the last incumbent is reported (${incumbentStatus})`);
    else notes.push(`the search ended at a candidate that is ${incumbentStatus}; the selection is among the best ${finalists.length} feasible candidates seen`);
  }
  const dropped: Record<string, unknown>[] = [];
  if (finalists.length > 0) {
    // Default δ: 0.1% of what the center costs (support cost and the priced costs of waiting), a
    // scale that profit's revenue, which staffing hardly moves, does not inflate.
    const centerCost = Math.abs(estimate(finalists[0]!.rows.map((r) => r.cost ?? 0)).mean);
    const indifference = options.indifference ?? Math.max(1e-9, 0.001 * centerCost);
    for (;;) {
      const n = Math.min(...finalists.map((c) => c.rows.length));
      const first = Math.max(2, Math.min(n, n0));
      const result = await selectBest(
        finalists.length,
        (i) => score(finalists[i]!),
        async (systems, to) => {
          await Promise.all(systems.map((i) => ensure(finalists[i]!.point, to)));
        },
        { indifference, firstStage: first, batch: Math.max(2, Math.ceil(n0 / 2)), maxReplications: Math.max(maxReplications, first) },
      );
      chosen = finalists[result.selected]!;
      selection = {
        method: 'Kim–Nelson (2001) fully sequential, common random numbers',
        finalists: finalists.map((c, i) => ({ set: c.set, objective: objectiveOf(c), replications: c.rows.length, eliminatedAt: result.eliminatedAt[i]! })),
        indifference,
        alpha: 0.05,
        capped: result.capped,
        dropped,
      };
      if (statusOf(chosen) === 'feasible' || finalists.length === 1) break;
      dropped.push(chosen.set);
      finalists = finalists.filter((c) => c !== chosen);
    }
    if (selection?.capped) notes.push(`the selection stopped at ${maxReplications} replications with several finalists in: the one with the best mean is reported`);
  }

  const evaluatedList = [...candidates.values()].map((c) => summary(c));
  return {
    best: { ...summary(chosen), ...groupEstimates(chosen), requirements: judged(chosen) },
    path,
    evaluated: evaluatedList,
    selection,
    evaluations,
    replicationsUsed,
    stopped,
    invalid,
    notes: invalid.length > 0 ? [...notes, `${invalid.length} candidate(s) skipped because their values make no valid scenario, e.g. ${JSON.stringify(invalid[0]!.set)}: ${invalid[0]!.error} (all in invalid)`] : notes,
  };

  function summary(c: Candidate): EvaluatedCandidate {
    const status = statusOf(c);
    return { set: c.set, totalAgents: c.totalAgents, objective: objectiveOf(c), feasible: status === 'feasible', status, replications: c.rows.length };
  }

  function judged(c: Candidate): JudgedConstraint[] {
    return constraints.map((k) => {
      const e = estimateOf(c, k);
      return { requirement: k.text, channel: k.channel, figure: k.figure, op: k.op, bound: k.bound, mean: e.mean, ci95: e.ci95, status: judge(k, e, c.rows.length) };
    });
  }
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, v) => s + v, 0) / xs.length;
}

/** A requirement's figure over a candidate's replications. */
function estimateOf(c: Candidate, k: Constraint): FigureEstimate {
  const name = k.channel === null ? k.figure : `${k.channel}.${k.figure}`;
  return estimate(c.rows.map((r) => r[name] ?? null));
}

/** A candidate's figures by group (the catalogue's), as a summary holds them. */
function groupEstimates(c: Candidate): Pick<ChosenCandidate, 'kpis' | 'economics' | 'customers'> {
  const out: { kpis: Record<string, FigureEstimate>; economics: Record<string, FigureEstimate>; customers: Record<string, FigureEstimate> } = { kpis: {}, economics: {}, customers: {} };
  for (const k of Object.keys(c.rows[0] ?? {})) {
    if (k.includes('.')) continue;
    // Every kpis and economics figure is in the catalogue; the lifecycle's other counts are customers'.
    const group = figureDef(k)?.group ?? 'customers';
    out[group][k] = estimate(c.rows.map((r) => r[k] ?? null));
  }
  return Object.keys(out.customers).length > 0 ? out : { kpis: out.kpis, economics: out.economics };
}
