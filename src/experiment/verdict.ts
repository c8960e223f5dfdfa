/**
 * Which way is better, per figure, and the verdict a paired interval supports.
 *
 * The table is the one place that says whether more of a figure is good: it decides `--by`
 * verdicts and "best point" in sweeps. Figures not listed here (counts such as `offered`, or
 * `occupancy`, good or bad depending on whom you ask) have no direction and cannot be used for
 * a verdict. Lower AHT is listed as better because that is how centers report it; whether it
 * pays is exactly what the profit verdict is for.
 */
export type Direction = 'higher' | 'lower';

export const DIRECTION: Readonly<Record<string, Direction>> = {
  // money
  profit: 'higher',
  revenue: 'higher',
  npv: 'higher',
  longTermValue: 'higher',
  customerEquity: 'higher',
  supportCost: 'lower',
  returnsCost: 'lower',
  // service
  serviceLevel: 'higher',
  fcr: 'higher',
  csat: 'higher',
  answered: 'higher',
  abandoned: 'lower',
  abandonRate: 'lower',
  pWait: 'lower',
  waitSec: 'lower',
  asaSec: 'lower',
  queueLength: 'lower',
  ahtSec: 'lower',
  repeatRate: 'lower',
  repeats: 'lower',
  transfers: 'lower',
  issuesUnresolved: 'lower',
  // customers (when the lifecycle is on)
  active: 'higher',
  acquired: 'higher',
  churned: 'lower',
  returned: 'lower',
};

/** The figures a verdict can be asked for, in a stable order for messages. */
export const VERDICT_FIGURES: readonly string[] = Object.keys(DIRECTION);

export type Verdict = 'better' | 'worse' | 'indistinguishable';

/**
 * "better" or "worse" when the interval of (policy − baseline) excludes 0, on the side the
 * figure's direction calls good; "indistinguishable" when it contains 0 (a zero-width interval
 * at exactly 0 included: the policies did the same thing on every replication).
 */
export function verdictOf(ci: readonly [number, number], direction: Direction): Verdict {
  const [lo, hi] = ci;
  if (lo > 0) return direction === 'higher' ? 'better' : 'worse';
  if (hi < 0) return direction === 'higher' ? 'worse' : 'better';
  return 'indistinguishable';
}

/** True when `a` is better than `b` for the figure (ties are not better). */
export function isBetter(a: number, b: number, direction: Direction): boolean {
  return direction === 'higher' ? a > b : a < b;
}
