import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/result.js';
import { estimate, type Estimate, type FigureEstimate } from './estimate.js';

/** What is reported for each group in each interval (agents are averages over the interval's window part). */
export const GROUP_SERIES_FIGURES = ['paidAgents', 'availableAgents', 'loggedInAgents', 'busyAgents', 'idleAgents', 'unavailableAgents', 'occupancy'] as const;
export type GroupSeriesFigure = (typeof GROUP_SERIES_FIGURES)[number];

export interface GroupSeriesRow {
  index: number;
  startSec: number;
  group: string;
  /** Agents are always measured; occupancy is empty where nobody was logged in. */
  figures: Record<Exclude<GroupSeriesFigure, 'occupancy'>, Estimate> & { occupancy: FigureEstimate };
}

/**
 * Occupancy, idle and paid-but-unavailable agents per group and interval of the measured window,
 * estimated over replications: paid (scheduled), available (not absent, not on a break), logged
 * in (available plus overrun), busy; idle = logged in − busy; unavailable = paid − available;
 * occupancy = busy / logged in (empty when nobody is logged in). The rows are made as they are
 * read (each pass a fresh one): years of intervals are never held in memory at once.
 */
export function buildGroupSeries(config: ModelConfig, results: readonly ReplicationResult[]): Iterable<GroupSeriesRow> {
  return { [Symbol.iterator]: () => groupRows(config, results) };
}

/** The rows of buildGroupSeries, interval by interval, made as they are read. */
function* groupRows(config: ModelConfig, results: readonly ReplicationResult[]): Generator<GroupSeriesRow> {
  const intervalSec = config.demand.intervalSec;
  const first = Math.ceil(config.warmupSec / intervalSec - 1e-9);
  const buckets = Math.ceil(config.horizonSec / intervalSec);
  for (let k = first; k < buckets; k++) {
    const span = Math.min((k + 1) * intervalSec, config.horizonSec) - Math.max(k * intervalSec, config.warmupSec);
    for (const g of config.groups) {
      const per = results.map((r) => {
        const s = r.facts.groups[g.name]!;
        const paid = s.paidAgentSec[k]! / span;
        const available = s.availableAgentSec[k]! / span;
        const loggedIn = s.loggedInAgentSec[k]! / span;
        const busy = s.busyAgentSec[k]! / span;
        return {
          paidAgents: paid,
          availableAgents: available,
          loggedInAgents: loggedIn,
          busyAgents: busy,
          idleAgents: loggedIn - busy,
          unavailableAgents: paid - available,
          occupancy: loggedIn > 0 ? busy / loggedIn : null,
        };
      });
      const figures = {} as GroupSeriesRow['figures'];
      for (const f of GROUP_SERIES_FIGURES) (figures as Record<string, FigureEstimate>)[f] = estimate(per.map((p) => p[f]));
      yield { index: k, startSec: k * intervalSec, group: g.name, figures };
    }
  }
}
