/**
 * Square-root safety staffing with a cost-optimal safety factor (Borst, Mandelbaum & Reiman,
 * "Dimensioning large call centers", Operations Research 52(1):17–34, 2004; BMR below).
 *
 * With offered load R = λ/μ erlangs, staff n = R + y·√R. In the QED (Halfin–Whitt) regime the
 * M/M/n delay probability tends to the Halfin–Whitt function
 *
 *   α(y) = [1 + y·Φ(y)/φ(y)]⁻¹                    (Halfin & Whitt 1981, Operations Research 29(3))
 *
 * and a delayed customer waits Exp(nμ − λ) = Exp(μ·y·√R), so the mean number waiting is
 * L_q = λ·E[W_q] ≈ α(y)·λ/(μ·y·√R) = √R·α(y)/y. The cost per hour of BMR's linear case,
 * w per agent-hour and a per customer-hour of waiting, is therefore
 *
 *   w·n + a·L_q ≈ w·R + w·√R·[ y + r·α(y)/y ],     r = a/w,
 *
 * so the cost-optimal safety factor is y*(r) = argmin_{y>0} y + r·α(y)/y and
 * n* = R + y*(r)·√R (BMR's abstract: "if c is the hourly cost of an agent, and a is the hourly cost
 * of customers delay, then N = R + y*(a/c)·√R"). Both costs are per the same unit of time, so μ does
 * not enter r; with ccsim's inputs, a = 60 × waitingCostPerMinute and w = wagePerHour. (Were the
 * waiting cost charged per unit of waiting measured in mean service times, r would be a/(w·μ).)
 *
 * Accuracy: BMR report n* exact or within one agent of the exact M/M/n optimum "from the very small
 * to the extremely large". Against `optimalStaffing` (exact, staffing-cost.ts) we find, with r = a/w:
 * - R = 100, 400, 1,000 and r ≤ 10 (waiting cost up to ten wages per hour, the practical range):
 *   exact or one agent short (tested).
 * - Large r (≥ 100) or small R (≤ 20) with r ≥ 10: one or two agents short (e.g. R = 1,000,
 *   r = 1,000: 1,100 instead of 1,102; R = 2, r = 1,000: 6 instead of 8), because α(y) is the
 *   R → ∞ limit and underestimates P(wait) at finite R, and y*·√R is then no longer small next to R.
 * `squareRootStaffing` never returns less than ⌊R⌋ + 1 (stability). Use the exact search of
 * staffing-cost.ts whenever the answer matters to the agent; this rule is for insight and for
 * seeding searches.
 *
 * Φ(y)/φ(y) is computed by Marsaglia's series Φ(y) = ½ + φ(y)·(y + y³/3 + y⁵/(3·5) + …)
 * (G. Marsaglia, "Evaluating the normal distribution", J. Statistical Software 11(4), 2004), which
 * needs only Math.exp and converges for all y, so this file stays a leaf. The minimisation is a
 * golden-section search (Kiefer 1953) on a bracket derived below.
 *
 * @example
 * squareRootStaffing({ offeredLoad: 100, costRatio: 10 }).agents // 117 = round(100 + 1.6674·10); exact optimum 117
 */

/** Σ y^(2k+1)/(1·3·5·…·(2k+1)): Φ(y) = ½ + φ(y)·series (Marsaglia 2004); terms fall once k > y². */
function marsagliaSeries(y: number): number {
  let term = y;
  let sum = y;
  for (let k = 1; k < 2000; k++) {
    term *= (y * y) / (2 * k + 1);
    const next = sum + term;
    if (next === sum) return sum;
    sum = next;
  }
  return sum;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * The Halfin–Whitt delay probability α(y) = [1 + y·Φ(y)/φ(y)]⁻¹ for a safety factor y ≥ 0:
 * the limit of P(wait > 0) in M/M/n with n = R + y√R as R → ∞. α(0) = 1.
 *
 * @example halfinWhittDelay(1) // 0.22336… = 1/(1 + Φ(1)/φ(1))
 */
export function halfinWhittDelay(y: number): number {
  if (!(Number.isFinite(y) && y >= 0)) throw new RangeError(`halfinWhittDelay: y must be a finite number >= 0, got ${String(y)}`);
  // Φ(y)/φ(y) = ½/φ(y) + series(y); ½/φ(y) = ½·√(2π)·e^{y²/2}.
  const ratio = 0.5 * SQRT_2PI * Math.exp((y * y) / 2) + marsagliaSeries(y);
  return 1 / (1 + y * ratio);
}

/** g(y) = y + r·α(y)/y, the bracketed √R-term of the cost per unit of w·√R. */
function bmrObjective(y: number, r: number): number {
  return y + (r * halfinWhittDelay(y)) / y;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * BMR's cost-optimal safety factor y*(r) = argmin_{y>0} y + r·α(y)/y, for a cost ratio r > 0.
 * Bracket: g(y) ≥ y, so y* ≤ h = g(1); and for y ≤ h, α(y) ≥ α(h), so g(y) ≥ r·α(h)/y > g(1) when
 * y < r·α(h)/g(1): y* lies in [r·α(h)/g(1), h]. Golden-section search to 1e-12 relative width;
 * g is unimodal on (0, ∞) (checked on a dense grid in the tests for r from 1e-3 to 1e4).
 */
export function optimalSafetyFactor(costRatio: number): number {
  const r = costRatio;
  if (!(Number.isFinite(r) && r > 0)) throw new RangeError(`optimalSafetyFactor: costRatio must be a finite number > 0, got ${String(r)}`);
  const g1 = bmrObjective(1, r);
  let hi = g1;
  let lo = (r * halfinWhittDelay(hi)) / g1;
  let x1 = hi - GOLDEN * (hi - lo);
  let x2 = lo + GOLDEN * (hi - lo);
  let f1 = bmrObjective(x1, r);
  let f2 = bmrObjective(x2, r);
  while (hi - lo > 1e-12 * hi) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - GOLDEN * (hi - lo);
      f1 = bmrObjective(x1, r);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + GOLDEN * (hi - lo);
      f2 = bmrObjective(x2, r);
    }
  }
  return (lo + hi) / 2;
}

export interface SquareRootInput {
  /** R = λ·AHT, erlangs (> 0). */
  offeredLoad: number;
  /** r = a/w: cost of one customer-hour of waiting over the wage of one agent-hour (> 0). */
  costRatio: number;
}

export interface SquareRootStaffing {
  /** y*(r). */
  safetyFactor: number;
  /** R + y*·√R before rounding. */
  fractionalAgents: number;
  /** round(R + y*·√R), at least ⌊R⌋ + 1 (the smallest stable staffing). */
  agents: number;
}

/** BMR's square-root staffing n* = round(R + y*(r)·√R), kept stable. */
export function squareRootStaffing(input: SquareRootInput): SquareRootStaffing {
  const { offeredLoad: R, costRatio } = input;
  if (!(Number.isFinite(R) && R > 0)) throw new RangeError(`squareRootStaffing: offeredLoad must be a finite number > 0, got ${String(R)}`);
  const safetyFactor = optimalSafetyFactor(costRatio);
  const fractionalAgents = R + safetyFactor * Math.sqrt(R);
  return { safetyFactor, fractionalAgents, agents: Math.max(Math.round(fractionalAgents), Math.floor(R) + 1) };
}
