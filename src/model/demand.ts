import { exponential } from '../engine/random/exponential.js';
import { gamma } from '../engine/random/gamma.js';
import type { Uniform } from '../engine/random/stream.js';
import { SECONDS_PER_DAY, SECONDS_PER_MONTH, SECONDS_PER_YEAR, type DemandConfig } from './config.js';

/**
 * The expected arrival rate (per second) in profile interval `k` (time k·intervalSec), before the
 * random day factor: base × intraday(weekday) × weekly × monthly × trend. Piecewise constant per interval.
 */
export function profileRate(d: DemandConfig, k: number): number {
  const t = k * d.intervalSec;
  const perDay = d.intraday[0]!.length;
  const day = Math.floor(k / perDay);
  const weekday = (day + d.startWeekday) % 7;
  const month = (Math.floor(t / SECONDS_PER_MONTH) + d.startMonth) % 12;
  const trend = d.trendPerYear === 0 ? 1 : (1 + d.trendPerYear) ** (t / SECONDS_PER_YEAR);
  return d.baseRatePerSec * d.intraday[weekday]![k % perDay]! * d.weekly[weekday]! * d.monthly[month]! * trend;
}

/**
 * A non-homogeneous Poisson arrival process with a piecewise-constant rate, generated exactly by
 * inverting the cumulative rate: each gap is a unit-exponential amount of "hazard" spent across
 * as many intervals as it takes (Law, Simulation Modeling and Analysis, 5th ed., §8.6.2). Exact,
 * no rejection, one uniform per arrival, so arrivals stay aligned across policies (common
 * random numbers). Over-dispersion: each day's rate is multiplied by a gamma factor with mean 1
 * and the configured cv (a Poisson–gamma mixture), drawn up front from its own stream.
 */
export class ArrivalProcess {
  private readonly hazard: () => number;
  private readonly dayFactors: Float64Array;
  private readonly perDay: number;
  private piece = 0;
  private pieceEnd: number;
  private rate: number;
  private t = 0;
  /** Multiplies the profile rate: the customer-driven level (1, exactly, without customers). */
  private scale = 1;

  constructor(
    private readonly demand: DemandConfig,
    private readonly horizonSec: number,
    arrivals: Uniform,
    dayFactor: Uniform,
  ) {
    this.hazard = exponential(arrivals, 1);
    const days = Math.ceil(horizonSec / SECONDS_PER_DAY);
    this.dayFactors = new Float64Array(days).fill(1);
    if (demand.dayFactorCv > 0) {
      const draw = gamma(dayFactor, 1, demand.dayFactorCv);
      for (let i = 0; i < days; i++) this.dayFactors[i] = draw();
    }
    this.perDay = demand.intraday[0]!.length;
    this.pieceEnd = demand.intervalSec;
    this.rate = this.rateOf(0);
  }

  /** The realised rate of interval k (day factor included). */
  rateOf(k: number): number {
    return profileRate(this.demand, k) * this.dayFactors[Math.floor(k / this.perDay)]! * this.scale;
  }

  /**
   * From time `t` on the rate is the profile × `scale`, and the pending gap is forgotten: the
   * next call to `next()` draws afresh from `t`. Exact for a Poisson process (memoryless), so a
   * rate that changes at known instants (the customer base) is followed without thinning.
   */
  restart(t: number, scale: number): void {
    this.scale = scale;
    this.t = t;
    this.piece = Math.floor(t / this.demand.intervalSec);
    this.pieceEnd = (this.piece + 1) * this.demand.intervalSec;
    this.rate = this.rateOf(this.piece);
  }

  /** The day factor of day `day` (1 without over-dispersion). */
  dayFactor(day: number): number {
    return this.dayFactors[day] ?? 1;
  }

  /** Time of the next arrival, or Infinity when it would fall at or after the horizon. */
  next(): number {
    let h = this.hazard();
    let t = this.t;
    for (;;) {
      const r = this.rate;
      const room = (this.pieceEnd - t) * r;
      if (r > 0 && room >= h) {
        t += h / r;
        this.t = t;
        return t < this.horizonSec ? t : Infinity;
      }
      h -= room;
      t = this.pieceEnd;
      if (t >= this.horizonSec) {
        this.t = t;
        return Infinity;
      }
      this.piece++;
      this.pieceEnd = (this.piece + 1) * this.demand.intervalSec;
      this.rate = this.rateOf(this.piece);
    }
  }
}
