import { estimate, estimateAll, type Estimate } from '../experiment/estimate.js';
import type { ReplicationResult } from '../model/contact-center.js';
import type { Kpis } from '../model/observer.js';
import type { Economics } from '../model/economics.js';

/** The `run --json` summary (CONTRACT): every figure is { mean, ci95 } over replications. */
export interface Summary {
  scenario: string;
  seed: number;
  replications: number;
  kpis: Record<keyof Kpis, Estimate>;
  economics: Record<keyof Economics, Estimate>;
  meta: {
    /** Events processed, all replications. */
    events: number;
    /** Measured window, seconds from the start: [warmupSec, horizonSec). */
    warmupSec: number;
    horizonSec: number;
    /** Contacts still waiting or in service at the horizon (they are served out after it). */
    leftInSystemAtHorizon: Estimate;
  };
}

export function summarize(
  scenario: string,
  seed: number,
  window: { warmupSec: number; horizonSec: number },
  results: readonly ReplicationResult[],
): Summary {
  return {
    scenario,
    seed,
    replications: results.length,
    kpis: estimateAll(results.map((r) => r.kpis)),
    economics: estimateAll(results.map((r) => r.economics)),
    meta: {
      events: results.reduce((n, r) => n + r.events, 0),
      warmupSec: window.warmupSec,
      horizonSec: window.horizonSec,
      leftInSystemAtHorizon: estimate(results.map((r) => r.conservation.waitingAtHorizon + r.conservation.inServiceAtHorizon)),
    },
  };
}

/** The summary as written to summary.json and printed by `--json`: stable key order, 2-space indent. */
export function summaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
