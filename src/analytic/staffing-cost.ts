/**
 * The staffing that minimises the long-run cost per hour of a single-skill queue:
 *
 *   cost(c) = c·w + cₘ·λ·W(c)/60 + b·λ·P_ab(c)                       (money per hour)
 *
 * with c agents, w the wage per agent-hour, cₘ the cost of one minute of waiting in queue, λ
 * arrivals per hour, W(c) the mean queue time in seconds of all arrivals (abandoners up to hanging
 * up), b the cost of one abandoned contact and P_ab(c) the share that abandons. W and P_ab are the
 * steady-state Erlang C (no patience: P_ab = 0) or Erlang A figures of `erlang.ts`.
 *
 * Erlang C — marginal analysis is exact. For M/M/c the mean wait W_q(c) is decreasing and convex
 * in c on the stable range c > λ·AHT (Dyer & Proll 1977, "On the validity of marginal analysis for
 * allocating servers in M/M/c queues", Management Science 23(9):1019–1022), so cost(c), a linear
 * term plus a convex one, is convex there. Hence the search that starts at the smallest stable c
 * and stops at the first c with cost(c+1) ≥ cost(c) returns the smallest global minimiser.
 *
 * Erlang A — no such convexity result is used. Instead every cost term is ≥ 0, so cost(c) ≥ c·w:
 * once (c+1)·w ≥ the best cost found, no larger staffing can be cheaper, and enumerating c = 0, 1, …
 * up to there is exact. c = 0 is allowed (everyone waits out their patience and abandons).
 *
 * Zero arrivals need no agent: the optimum is c = 0 at cost 0.
 *
 * @example
 * // Anupindi et al., "Managing Business Process Flows", Example 8.7 (L. L. Bean): 20 calls/h,
 * // 2.5-min handling, $20 per CSR-hour, $2 per minute waiting → 2 agents, ≈ $61.01 per hour.
 * optimalStaffing({ ratePerHour: 20, ahtSec: 150, wagePerHour: 20, waitingCostPerMinute: 2 }).agents // 2
 */
import { erlang, erlangMessage } from './erlang.js';

export interface StaffingCostInput {
  /** λ, arrivals per hour (≥ 0). */
  ratePerHour: number;
  /** Mean handle time (exponential in the model). */
  ahtSec: number;
  /** w, wage of one agent-hour (> 0). */
  wagePerHour: number;
  /** Money lost per minute a contact waits in queue (≥ 0), as `economics.waitingCostPerMinute`. */
  waitingCostPerMinute: number;
  /** Money lost per abandoned contact (≥ 0; Erlang A only), as `economics.abandonCost`. */
  abandonCost?: number;
  /** Mean exponential patience; undefined or Infinity ⇒ Erlang C (nobody abandons). */
  patienceSec?: number;
}

/** The cost per hour of one staffing level, by part, with the queue figures it came from. */
export interface StaffingCost {
  agents: number;
  costPerHour: number;
  staffingCostPerHour: number;
  waitingCostPerHour: number;
  abandonCostPerHour: number;
  /** Mean queue time of all arrivals (Infinity when Erlang C is unstable). */
  waitSec: number;
  abandonRate: number;
}

const SEC_PER_HOUR = 3600;

function check(ok: boolean, name: string, value: unknown, rule: string): void {
  if (!ok) throw new RangeError(erlangMessage.invalid(name, value, rule));
}

function validated(input: StaffingCostInput): Required<StaffingCostInput> {
  const { ratePerHour, ahtSec, wagePerHour, waitingCostPerMinute, abandonCost = 0, patienceSec = Infinity } = input;
  const nonNegative = (x: number) => Number.isFinite(x) && x >= 0;
  const positive = (x: number) => Number.isFinite(x) && x > 0;
  check(nonNegative(ratePerHour), 'ratePerHour', ratePerHour, 'a finite number >= 0');
  check(positive(ahtSec), 'ahtSec', ahtSec, 'a finite number > 0');
  check(positive(wagePerHour), 'wagePerHour', wagePerHour, 'a finite number > 0');
  check(nonNegative(waitingCostPerMinute), 'waitingCostPerMinute', waitingCostPerMinute, 'a finite number >= 0');
  check(nonNegative(abandonCost), 'abandonCost', abandonCost, 'a finite number >= 0');
  check(patienceSec > 0, 'patienceSec', patienceSec, 'a number > 0 (or Infinity)');
  return { ratePerHour, ahtSec, wagePerHour, waitingCostPerMinute, abandonCost, patienceSec };
}

function costOf(input: Required<StaffingCostInput>, agents: number): StaffingCost {
  const { ratePerHour: lambda, wagePerHour, waitingCostPerMinute, abandonCost, patienceSec } = input;
  let waitSec: number;
  let abandonRate: number;
  if (lambda === 0) {
    waitSec = 0;
    abandonRate = 0;
  } else if (agents === 0) {
    // Nobody is ever served: each arrival waits out its patience (Infinity for Erlang C) and leaves.
    waitSec = patienceSec;
    abandonRate = patienceSec === Infinity ? 0 : 1;
  } else {
    // slThresholdSec 0: the service level is not needed, and T = 0 skips its uniformisation.
    const r = erlang({ lambdaPerSec: lambda / SEC_PER_HOUR, ahtSec: input.ahtSec, agents, patienceSec, slThresholdSec: 0 });
    waitSec = r.waitSec;
    abandonRate = r.abandonRate;
  }
  const staffingCostPerHour = agents * wagePerHour;
  const waitingCostPerHour = waitingCostPerMinute === 0 ? 0 : (waitingCostPerMinute * lambda * waitSec) / 60;
  const abandonCostPerHour = abandonCost * lambda * abandonRate;
  return {
    agents,
    costPerHour: staffingCostPerHour + waitingCostPerHour + abandonCostPerHour,
    staffingCostPerHour,
    waitingCostPerHour,
    abandonCostPerHour,
    waitSec,
    abandonRate,
  };
}

/** The cost per hour of `agents` agents (an integer ≥ 0); Infinity for an unstable Erlang C queue. */
export function staffingCost(input: StaffingCostInput, agents: number): StaffingCost {
  check(Number.isInteger(agents) && agents >= 0, 'agents', agents, 'an integer >= 0');
  return costOf(validated(input), agents);
}

/**
 * The smallest staffing with the least cost per hour (see the file comment for why each search is
 * exact). Erlang C only considers stable staffing (c > λ·AHT), where W is finite.
 */
export function optimalStaffing(input: StaffingCostInput, maxAgents = 100_000): StaffingCost {
  check(Number.isInteger(maxAgents) && maxAgents >= 1, 'maxAgents', maxAgents, 'an integer >= 1');
  const valid = validated(input);
  if (valid.ratePerHour === 0) return costOf(valid, 0);
  return valid.patienceSec === Infinity ? marginalAnalysis(valid, maxAgents) : boundedEnumeration(valid, maxAgents);
}

/** Erlang C: from the smallest stable c, step up while the next level is strictly cheaper. */
function marginalAnalysis(input: Required<StaffingCostInput>, maxAgents: number): StaffingCost {
  const load = (input.ratePerHour * input.ahtSec) / SEC_PER_HOUR;
  let current = firstStable(input, load, maxAgents);
  for (;;) {
    if (current.agents >= maxAgents) throw new RangeError(erlangMessage.notReached('the least cost', maxAgents));
    const next = costOf(input, current.agents + 1);
    if (next.costPerHour >= current.costPerHour) return current;
    current = next;
  }
}

/** The smallest c > load with a finite wait (erlang.ts treats a load within 1e-12·c of c as unstable). */
function firstStable(input: Required<StaffingCostInput>, load: number, maxAgents: number): StaffingCost {
  for (let c = Math.max(1, Math.floor(load) + 1); c <= maxAgents; c++) {
    const r = costOf(input, c);
    if (Number.isFinite(r.waitSec)) return r;
  }
  throw new RangeError(erlangMessage.notReached('a stable queue', maxAgents));
}

/** Erlang A: enumerate c = 0, 1, … while c·w can still beat the best cost found. */
function boundedEnumeration(input: Required<StaffingCostInput>, maxAgents: number): StaffingCost {
  let best = costOf(input, 0);
  for (let c = 1; c * input.wagePerHour < best.costPerHour; c++) {
    if (c > maxAgents) throw new RangeError(erlangMessage.notReached('the least cost', maxAgents));
    const r = costOf(input, c);
    if (r.costPerHour < best.costPerHour) best = r;
  }
  return best;
}
