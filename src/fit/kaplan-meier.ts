/**
 * The Kaplan–Meier product-limit estimator of a survival function from right-censored times
 * (Kaplan & Meier, "Nonparametric estimation from incomplete observations", JASA 53, 1958):
 *
 *   Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ),
 *
 * with dᵢ events at time tᵢ and nᵢ at risk just before it (censored at tᵢ still count as at risk:
 * events come first at a tie). Variance by Greenwood's formula,
 * Var Ŝ(t) = Ŝ(t)² Σ_{tᵢ ≤ t} dᵢ/(nᵢ(nᵢ − dᵢ)) (Klein & Moeschberger, "Survival Analysis", 2nd ed.,
 * 2003, eq. 4.2.2), and pointwise 95% intervals on the log(−log) scale, which stay inside (0, 1)
 * (Kalbfleisch & Prentice 2002; Klein & Moeschberger eq. 4.3.2).
 *
 * For patience (Mandelbaum & Zeltyn's reading of call-centre logs): the time is a queued call's
 * wait, the event is hanging up, and being answered censors it — the caller's patience was at
 * least the wait.
 *
 * The median is the first time Ŝ ≤ 0.5; its 95% interval is the set of times where 0.5 lies
 * inside the pointwise band (Brookmeyer & Crowley, Biometrics 38, 1982, in the form R's
 * `survfit` reports): from the first time the lower band reaches 0.5 to the first time the upper
 * band does. Either end is null when the band never gets there within the data.
 */
import { Z95 } from '../engine/stats/chi-square.js';

export interface KmStep {
  timeSec: number;
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  /** Greenwood standard error of Ŝ. */
  se: number;
  lo: number;
  hi: number;
}

export interface KaplanMeier {
  n: number;
  events: number;
  /** One step per distinct time with an event or a censoring, ascending. */
  steps: KmStep[];
  median: number | null;
  medianCi95: [number | null, number | null];
}

export function kaplanMeier(timesSec: readonly number[], isEvent: readonly boolean[]): KaplanMeier {
  if (timesSec.length !== isEvent.length) throw new RangeError('kaplanMeier: times and events differ in length');
  const order = timesSec.map((_, i) => i).sort((a, b) => timesSec[a]! - timesSec[b]!);
  const steps: KmStep[] = [];
  let atRisk = timesSec.length;
  let s = 1;
  let greenwood = 0;
  let totalEvents = 0;
  for (let k = 0; k < order.length; ) {
    const t = timesSec[order[k]!]!;
    let d = 0;
    let c = 0;
    while (k < order.length && timesSec[order[k]!] === t) {
      if (isEvent[order[k]!]) d++;
      else c++;
      k++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      greenwood += atRisk > d ? d / (atRisk * (atRisk - d)) : Infinity;
    }
    totalEvents += d;
    const [lo, hi] = band(s, greenwood);
    steps.push({ timeSec: t, atRisk, events: d, censored: c, survival: s, se: s * Math.sqrt(greenwood), lo, hi });
    atRisk -= d + c;
  }
  const first = (value: (st: KmStep) => number) => steps.find((st) => st.events > 0 && value(st) <= 0.5)?.timeSec ?? null;
  return {
    n: timesSec.length,
    events: totalEvents,
    steps,
    median: first((st) => st.survival),
    medianCi95: [first((st) => st.lo), first((st) => st.hi)],
  };
}

/** The log(−log) 95% interval of Ŝ with Greenwood sum v: Ŝ^exp(±z·√v / ln Ŝ). */
function band(s: number, v: number): [number, number] {
  if (s >= 1 || v === 0) return [s, s];
  if (s <= 0 || !Number.isFinite(v)) return [0, s <= 0 ? 0 : 1];
  const w = (Z95 * Math.sqrt(v)) / Math.log(s);
  return [s ** Math.exp(-w), s ** Math.exp(w)];
}

/** Ŝ at time t (a right-continuous step function; 1 before the first event). */
export function survivalAt(km: KaplanMeier, t: number): number {
  let s = 1;
  for (const st of km.steps) {
    if (st.timeSec > t) break;
    s = st.survival;
  }
  return s;
}
