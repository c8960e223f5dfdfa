import { LevelIntegral } from '../engine/stats/level-integral.js';

/**
 * Facts in, KPIs out: the model reports what happened to each contact; this collector turns
 * the facts into the CONTRACT's KPIs for contacts offered in the measured window
 * [warm-up, horizon). Contacts offered before the warm-up ends are ignored whenever their
 * outcome comes; contacts offered before the horizon are followed to their outcome even if it
 * comes after it (the run drains), so no outcome is censored.
 *
 * Estimators, per replication (ContactCenters' PerformanceMeasureType, written down):
 * | KPI          | estimator                                                     |
 * |--------------|---------------------------------------------------------------|
 * | abandonRate  | abandoned / offered                                           |
 * | pWait        | (offered − answered with zero wait) / offered                 |
 * | waitSec      | Σ wait of all offered (abandoners up to hanging up) / offered |
 * | asaSec       | Σ wait of answered / answered                                 |
 * | serviceLevel | answered with wait ≤ threshold / offered                      |
 * | occupancy    | ∫ busy agents dt / ∫ staffed agents dt, over the window       |
 * | ahtSec       | Σ handle time of answered / answered                          |
 * | queueLength  | ∫ waiting contacts dt / window length (all contacts waiting)  |
 * Across replications each KPI is averaged as a mean of per-replication ratios.
 */
export class Observer {
  offered = 0;
  answered = 0;
  abandoned = 0;
  answeredAtOnce = 0;
  withinThreshold = 0;
  waitSumSec = 0;
  answeredWaitSumSec = 0;
  handleSumSec = 0;
  readonly busy: LevelIntegral;
  readonly queue: LevelIntegral;

  constructor(
    readonly warmupSec: number,
    readonly horizonSec: number,
    private readonly slThresholdSec: number,
  ) {
    this.busy = new LevelIntegral(warmupSec, horizonSec);
    this.queue = new LevelIntegral(warmupSec, horizonSec);
  }

  contactOffered(arrivalSec: number): void {
    if (arrivalSec >= this.warmupSec) this.offered++;
  }

  contactAnswered(arrivalSec: number, waitSec: number, handleSec: number): void {
    if (arrivalSec < this.warmupSec) return;
    this.answered++;
    if (waitSec === 0) this.answeredAtOnce++;
    if (waitSec <= this.slThresholdSec) this.withinThreshold++;
    this.waitSumSec += waitSec;
    this.answeredWaitSumSec += waitSec;
    this.handleSumSec += handleSec;
  }

  contactAbandoned(arrivalSec: number, waitSec: number): void {
    if (arrivalSec < this.warmupSec) return;
    this.abandoned++;
    this.waitSumSec += waitSec;
  }

  /** The queue KPIs of this replication; `staffedAgents` is the constant headcount. */
  kpis(staffedAgents: number): QueueKpis {
    const windowSec = this.horizonSec - this.warmupSec;
    const ratio = (num: number, den: number, empty: number) => (den > 0 ? num / den : empty);
    return {
      offered: this.offered,
      answered: this.answered,
      abandoned: this.abandoned,
      abandonRate: ratio(this.abandoned, this.offered, 0),
      pWait: ratio(this.offered - this.answeredAtOnce, this.offered, 0),
      waitSec: ratio(this.waitSumSec, this.offered, 0),
      asaSec: ratio(this.answeredWaitSumSec, this.answered, 0),
      serviceLevel: ratio(this.withinThreshold, this.offered, 1),
      occupancy: ratio(this.busy.close(), staffedAgents * windowSec, 0),
      ahtSec: ratio(this.handleSumSec, this.answered, 0),
      fcr: 1,
      queueLength: ratio(this.queue.close(), windowSec, 0),
    };
  }
}

export interface QueueKpis {
  offered: number;
  answered: number;
  abandoned: number;
  abandonRate: number;
  pWait: number;
  waitSec: number;
  asaSec: number;
  serviceLevel: number;
  occupancy: number;
  ahtSec: number;
  fcr: number;
  queueLength: number;
}
