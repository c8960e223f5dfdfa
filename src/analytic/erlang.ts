/**
 * Erlang B, C and A: steady-state KPIs of a single-skill contact centre with Poisson arrivals
 * (rate λ per second), exponential handling (mean `ahtSec`, μ = 1/ahtSec) and c agents.
 *
 * - **Erlang B** (M/M/c/c, blocked calls lost): B(a, c) = (aᶜ/c!) / Σₖ₌₀..c aᵏ/k!, a = λ/μ erlangs.
 *   Computed by the recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), which never overflows
 *   (Jagerman 1974, "Some properties of the Erlang loss function", Bell Syst. Tech. J. 53).
 * - **Erlang C** (M/M/c, infinite patience): C(a, c) = B / (1 − (a/c)(1 − B)) = P(wait > 0), and
 *   W_q ~ C·Exp(cμ − λ), so ASA = C/(cμ − λ) and SL(T) = 1 − C·e^{−(cμ−λ)T}
 *   (Gross & Harris, "Fundamentals of Queueing Theory", §2.3; Cooper, "Introduction to Queueing Theory", §3.4).
 * - **Erlang A** (M/M/c+M, exponential patience with mean `patienceSec`, θ = 1/patienceSec; Palm 1943;
 *   Garnett, Mandelbaum & Reiman 2002, "Designing a call center with impatient customers", MSOM 4(3);
 *   Mandelbaum & Zeltyn 2007, "Service engineering in action: the Palm/Erlang-A queue").
 *   Computed exactly from the birth–death chain: birth rate λ, death rate nμ for n ≤ c and
 *   cμ + (n−c)θ above; terms kept in log space and the tail cut where its mass is provably < 1e-16
 *   of the largest term. Then pWait = P(N ≥ c), Lq = Σ(n−c)pₙ, P(abandon) = θ·Lq/λ and
 *   E[W] = Lq/λ (Little), so P(abandon) = θ·E[W].
 *
 * Answered-call KPIs of Erlang A follow one tagged arrival that finds j = n − c callers ahead (PASTA).
 * With i callers ahead it leaves that stage at rate rᵢ = cμ + (i+1)θ: forward (a service start or an
 * abandonment ahead, rate cμ + iθ; from i = 0 this is its own service) or by abandoning (θ). So
 *   P(served | j) = Πᵢ₌₀..ⱼ (cμ+iθ)/rᵢ = cμ / (cμ + (j+1)θ)          (the product telescopes),
 *   E[wait; served | j] = P(served | j) · Σᵢ₌₀..ⱼ 1/rᵢ                (exit time ⟂ exit kind),
 * and P(served within T | j) is the absorption probability of that small Markov chain, computed for
 * all j at once by uniformisation (Jensen 1953; Stewart, "Probability, Markov Chains, Queues, and
 * Simulation", §10.7), which sums only non-negative terms and bounds its truncation error.
 *
 * Erlang C is reported unstable when a ≥ c·(1 − 1e-12) (rounding of λ·AHT; see STABILITY_RTOL).
 * Definitions shared by both models: `waitSec` is the mean queue time of ALL arrivals (abandoners up
 * to hanging up), `asaSec` that of answered arrivals, `serviceLevel` = answered within T / all arrivals.
 */

export interface ErlangInput {
  lambdaPerSec: number;
  ahtSec: number;
  agents: number;
  /** Mean exponential patience; undefined or Infinity ⇒ Erlang C. */
  patienceSec?: number;
  /** Service-level threshold T; default 20 s (the "80/20" convention). */
  slThresholdSec?: number;
}

export interface ErlangResult {
  model: 'C' | 'A';
  /** a = λ · AHT. */
  offeredLoadErlangs: number;
  /** Mean busy agents / agents (Erlang C: a/c, 1 when unstable; Erlang A: carried load / c). */
  occupancy: number;
  /** P(an arrival finds all agents busy). */
  pWait: number;
  /** Mean queue time of all arrivals; Infinity when Erlang C is unstable. */
  waitSec: number;
  /** Mean queue time of answered arrivals. */
  asaSec: number;
  /** Answered within slThresholdSec / all arrivals. */
  serviceLevel: number;
  /** Abandoned / arrivals (0 for Erlang C). */
  abandonRate: number;
  /** Lq, mean number waiting. */
  meanQueueLength: number;
  /** Erlang C: a < c. Erlang A: always true. */
  stable: boolean;
}

export const DEFAULT_SL_THRESHOLD_SEC = 20;
/** Relative mass below which a tail (of the chain or of the Poisson weights) is dropped. */
const TAIL_EPS = 1e-16;
/**
 * Erlang C counts a load within this relative distance of c as unstable: λ·AHT carries rounding
 * (100/1800 · 180 = 9.999999999999998), and a "stable" queue there would report waits of ~1e17 s.
 */
const STABILITY_RTOL = 1e-12;
/** Guard against chains that would need too many states (overload with near-infinite patience). */
const MAX_QUEUE_STATES = 2_000_000;

/**
 * Work of the uniformisation in queuedServedWithin: Poisson steps × queue states. Past it the
 * service level would take minutes (a threshold of days at thousands of agents per second); the
 * computation is refused instead of hanging.
 */
const MAX_UNIFORMISATION_WORK = 2e8;
/** Offered load, erlangs: beyond any agent count a center has, and where λ·AHT stops being exact. */
export const MAX_OFFERED_LOAD = 1e8;

/** An input the calculator cannot answer for; a RangeError, so callers that catch those keep working. */
export class ErlangError extends RangeError {}

/** Every input error is phrased here, once. */
export const erlangMessage = {
  loadTooLarge: (a: number, limit: number): string =>
    `erlang: the offered load λ·AHT is ${Number.isFinite(a) ? `${a.toPrecision(3)} erlangs` : 'not a finite number'}; at most ${limit.toExponential(0)} erlangs can be computed (limit)`,
  tooMuchWork: (limit: number): string =>
    `erlang: the service level within this threshold needs more than ${limit.toExponential(0)} steps to compute (agents × threshold ÷ AHT is too large); use a shorter service-level threshold`,
  invalid: (name: string, value: unknown, rule: string): string =>
    `erlang: ${name} must be ${rule}, got ${String(value)}`,
  tooManyStates: (states: number): string =>
    `erlang: the Erlang A chain needs more than ${states} queue states; patience is too long for this overload (use a shorter patienceSec or more agents)`,
  notReached: (what: string, maxAgents: number): string =>
    `erlang: ${what} is not reached with up to ${maxAgents} agents`,
};

function check(ok: boolean, name: string, value: unknown, rule: string): void {
  if (!ok) throw new ErlangError(erlangMessage.invalid(name, value, rule));
}
const finiteAtLeast = (x: number, min: number): boolean => Number.isFinite(x) && x >= min;
const positive = (x: number): boolean => Number.isFinite(x) && x > 0;
const integerAtLeast = (x: number, min: number): boolean => Number.isInteger(x) && x >= min;

/** Erlang B blocking probability for a erlangs offered to c lines (c = 0 gives 1). */
export function erlangB(a: number, c: number): number {
  check(finiteAtLeast(a, 0), 'a (erlangs)', a, 'a finite number >= 0');
  check(integerAtLeast(c, 0), 'c (lines)', c, 'an integer >= 0');
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C probability of waiting for a erlangs and c agents; 1 when a >= c (no steady state). */
export function erlangC(a: number, c: number): number {
  check(finiteAtLeast(a, 0), 'a (erlangs)', a, 'a finite number >= 0');
  check(integerAtLeast(c, 1), 'c (agents)', c, 'an integer >= 1');
  if (a >= c) return 1;
  const b = erlangB(a, c);
  return b / (1 - (a / c) * (1 - b));
}

/** Steady-state KPIs: Erlang C when `patienceSec` is undefined or Infinity, Erlang A otherwise. */
export function erlang(input: ErlangInput): ErlangResult {
  const { lambdaPerSec: lambda, ahtSec, agents: c, patienceSec } = validated(input);
  const T = input.slThresholdSec ?? DEFAULT_SL_THRESHOLD_SEC;
  const mu = 1 / ahtSec;
  return patienceSec === Infinity ? erlangCResult(lambda, mu, c, T) : erlangAResult(lambda, mu, 1 / patienceSec, c, T);
}

function validated(input: ErlangInput): Required<Omit<ErlangInput, 'slThresholdSec'>> {
  const { lambdaPerSec, ahtSec, agents, patienceSec = Infinity, slThresholdSec = 0 } = input;
  check(finiteAtLeast(lambdaPerSec, 0), 'lambdaPerSec', lambdaPerSec, 'a finite number >= 0');
  check(positive(ahtSec), 'ahtSec', ahtSec, 'a finite number > 0');
  check(integerAtLeast(agents, 1), 'agents', agents, 'an integer >= 1');
  check(finiteAtLeast(slThresholdSec, 0), 'slThresholdSec', slThresholdSec, 'a finite number >= 0');
  check(patienceSec > 0, 'patienceSec', patienceSec, 'a number > 0 (or Infinity)');
  const a = lambdaPerSec * ahtSec;
  if (!(a <= MAX_OFFERED_LOAD)) throw new ErlangError(erlangMessage.loadTooLarge(a, MAX_OFFERED_LOAD));
  return { lambdaPerSec, ahtSec, agents, patienceSec };
}

function erlangCResult(lambda: number, mu: number, c: number, T: number): ErlangResult {
  const a = lambda / mu;
  const base = { model: 'C', offeredLoadErlangs: a, abandonRate: 0 } as const;
  if (a >= c * (1 - STABILITY_RTOL)) {
    const inf = Infinity;
    return { ...base, occupancy: 1, pWait: 1, waitSec: inf, asaSec: inf, serviceLevel: 0, meanQueueLength: inf, stable: false };
  }
  const pWait = erlangC(a, c);
  const gap = c * mu - lambda; // rate of the exponential conditional wait
  const waitSec = pWait / gap;
  return {
    ...base,
    occupancy: a / c,
    pWait,
    waitSec,
    asaSec: waitSec,
    serviceLevel: 1 - pWait * Math.exp(-gap * T),
    meanQueueLength: (pWait * a) / (c - a),
    stable: true,
  };
}

/** Stationary distribution of the M/M/c+M chain, truncated with a bounded tail (see file doc). */
function erlangAStationary(lambda: number, mu: number, theta: number, c: number): Float64Array {
  const logLambda = Math.log(lambda);
  const logs: number[] = [0];
  let last = 0;
  let maxLog = 0;
  for (let n = 1; ; n++) {
    const death = n <= c ? n * mu : c * mu + (n - c) * theta;
    last += logLambda - Math.log(death);
    logs.push(last);
    if (last > maxLog) maxLog = last;
    if (n < c) continue;
    // Above c the ratios λ/death only fall, so the tail after n is at most tₙ·q/(1−q).
    const q = lambda / (c * mu + (n + 1 - c) * theta);
    if (q < 1 && Math.exp(last - maxLog) * (q / (1 - q)) < TAIL_EPS) break;
    if (n - c > MAX_QUEUE_STATES) throw new ErlangError(erlangMessage.tooManyStates(MAX_QUEUE_STATES));
  }
  const p = Float64Array.from(logs, (l) => Math.exp(l - maxLog));
  const z = p.reduce((s, x) => s + x, 0);
  for (let n = 0; n < p.length; n++) p[n] = p[n]! / z;
  return p;
}

/**
 * Σⱼ qⱼ·P(served within T | j ahead) by uniformisation at rate Λ = max rⱼ: after k jumps of the
 * embedded chain the served mass is sₖ, and the answer is Σₖ Poisson(k; ΛT)·sₖ. Weights are made in
 * log space (no underflow for large ΛT); we stop once the remaining Poisson mass is < 1e-16.
 */
function queuedServedWithin(q: Float64Array, cmu: number, theta: number, T: number): number {
  const top = q.length - 1;
  const rate = cmu + (top + 1) * theta;
  const x = rate * T;
  if (x * (top + 1) > MAX_UNIFORMISATION_WORK) throw new ErlangError(erlangMessage.tooMuchWork(MAX_UNIFORMISATION_WORK));
  const mass = Float64Array.from(q);
  let served = 0;
  let total = 0;
  let logW = -x;
  for (let k = 0; ; k++) {
    const w = Math.exp(logW);
    total += w * served;
    const ratio = x / (k + 2); // bounds every later weight ratio w_{i+1}/w_i, i > k
    if (k + 1 > x && ratio < 1 && (w * (x / (k + 1))) / (1 - ratio) < TAIL_EPS) return total;
    served += (mass[0]! * cmu) / rate;
    for (let j = 0; j <= top; j++) {
      const stay = 1 - (cmu + (j + 1) * theta) / rate;
      const fromAbove = j < top ? (mass[j + 1]! * (cmu + (j + 1) * theta)) / rate : 0;
      mass[j] = mass[j]! * stay + fromAbove;
    }
    logW += Math.log(x) - Math.log(k + 1);
  }
}

function erlangAResult(lambda: number, mu: number, theta: number, c: number, T: number): ErlangResult {
  const a = lambda / mu;
  if (lambda === 0) {
    return { model: 'A', offeredLoadErlangs: 0, occupancy: 0, pWait: 0, waitSec: 0, asaSec: 0, serviceLevel: 1, abandonRate: 0, meanQueueLength: 0, stable: true };
  }
  const p = erlangAStationary(lambda, mu, theta, c);
  const cmu = c * mu;
  let pWait = 0;
  let lq = 0;
  let busy = 0;
  let answeredWaitSum = 0; // Σ p_{c+j} · E[wait; served | j]
  let stageTimeSum = 0; // Σᵢ₌₀..ⱼ 1/rᵢ
  for (let n = 0; n < p.length; n++) {
    const pn = p[n]!;
    busy += Math.min(n, c) * pn;
    if (n < c) continue;
    const j = n - c;
    pWait += pn;
    lq += j * pn;
    stageTimeSum += 1 / (cmu + (j + 1) * theta);
    answeredWaitSum += pn * (cmu / (cmu + (j + 1) * theta)) * stageTimeSum;
  }
  const abandonRate = (theta * lq) / lambda;
  const answered = 1 - abandonRate;
  const queued = p.subarray(c);
  return {
    model: 'A',
    offeredLoadErlangs: a,
    occupancy: busy / c,
    pWait,
    waitSec: lq / lambda,
    asaSec: answered > 0 ? answeredWaitSum / answered : 0,
    serviceLevel: 1 - pWait + queuedServedWithin(queued, cmu, theta, T),
    abandonRate,
    meanQueueLength: lq,
    stable: true,
  };
}

/**
 * Smallest c in [lo, maxAgents] with meets(c), assuming meets is monotone in c (SL rises and
 * abandonment falls with agents): doubling, then bisection, so O(log c) model evaluations.
 */
function smallestAgents(lo: number, maxAgents: number, what: string, meets: (c: number) => boolean): number {
  check(integerAtLeast(maxAgents, 1), 'maxAgents', maxAgents, 'an integer >= 1');
  let low = Math.min(Math.max(1, lo), maxAgents);
  let high = low;
  while (!meets(high)) {
    if (high >= maxAgents) throw new ErlangError(erlangMessage.notReached(what, maxAgents));
    low = high + 1;
    high = Math.min(2 * high, maxAgents);
  }
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (meets(mid)) high = mid;
    else low = mid + 1;
  }
  return high;
}

/**
 * Smallest number of agents with serviceLevel >= target. The search starts at ⌊target·a⌋, a valid
 * lower bound because SL ≤ P(answered) ≤ c/a (each agent carries at most one erlang).
 */
export function agentsForServiceLevel(input: Omit<ErlangInput, 'agents'>, target: number, maxAgents = 100_000): number {
  check(target >= 0 && target <= 1, 'target', target, 'a number in [0, 1]');
  const { lambdaPerSec, ahtSec } = validated({ ...input, agents: 1 });
  const a = lambdaPerSec * ahtSec;
  return smallestAgents(Math.floor(target * a), maxAgents, `service level ${target}`, (agents) =>
    erlang({ ...input, agents }).serviceLevel >= target);
}

/**
 * Smallest number of agents with abandonRate <= maxRate (Erlang A). Starts at ⌊a(1 − maxRate)⌋,
 * a lower bound because 1 − P(abandon) = P(answered) ≤ c/a.
 */
export function agentsForAbandonRate(
  input: Omit<ErlangInput, 'agents'> & { patienceSec: number },
  maxRate: number,
  maxAgents = 100_000,
): number {
  check(positive(input.patienceSec), 'patienceSec', input.patienceSec, 'a finite number > 0');
  check(maxRate >= 0 && maxRate <= 1, 'maxRate', maxRate, 'a number in [0, 1]');
  const { lambdaPerSec, ahtSec } = validated({ ...input, agents: 1 });
  const a = lambdaPerSec * ahtSec;
  return smallestAgents(Math.floor(a * (1 - maxRate)), maxAgents, `abandon rate ${maxRate}`, (agents) =>
    erlang({ ...input, agents }).abandonRate <= maxRate);
}
