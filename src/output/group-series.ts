import { estimate, type Estimate } from '../experiment/estimate.js';
import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/result.js';
import { dayAndTime } from './series.js';

/** What is reported for each group in each interval (agents are averages over the interval). */
export const GROUP_SERIES_FIGURES = ['paidAgents', 'availableAgents', 'loggedInAgents', 'busyAgents', 'idleAgents', 'unavailableAgents', 'occupancy'] as const;
export type GroupSeriesFigure = (typeof GROUP_SERIES_FIGURES)[number];

export interface GroupSeriesRow {
  index: number;
  startSec: number;
  group: string;
  figures: Record<GroupSeriesFigure, Estimate>;
}

/**
 * Occupancy, idle and paid-but-unavailable agents per group and interval of the measured window,
 * estimated over replications: paid (scheduled), available (not absent, not on a break), logged
 * in (available plus overrun), busy; idle = logged in − busy; unavailable = paid − available;
 * occupancy = busy / logged in (0 when nobody is logged in).
 */
export function buildGroupSeries(config: ModelConfig, results: readonly ReplicationResult[]): GroupSeriesRow[] {
  const intervalSec = config.demand.intervalSec;
  const buckets = results[0]!.series.offered.length;
  const first = Math.ceil(config.warmupSec / intervalSec - 1e-9);
  const rows: GroupSeriesRow[] = [];
  for (let k = first; k < buckets; k++) {
    for (const g of config.groups) {
      const per = results.map((r) => {
        const s = r.series.groups[g.name]!;
        const paid = s.paidAgentSec[k]! / intervalSec;
        const available = s.availableAgentSec[k]! / intervalSec;
        const loggedIn = s.loggedInAgentSec[k]! / intervalSec;
        const busy = s.busyAgentSec[k]! / intervalSec;
        return {
          paidAgents: paid,
          availableAgents: available,
          loggedInAgents: loggedIn,
          busyAgents: busy,
          idleAgents: loggedIn - busy,
          unavailableAgents: paid - available,
          occupancy: loggedIn > 0 ? busy / loggedIn : 0,
        };
      });
      const figures = {} as Record<GroupSeriesFigure, Estimate>;
      for (const f of GROUP_SERIES_FIGURES) figures[f] = estimate(per.map((p) => p[f]));
      rows.push({ index: k, startSec: k * intervalSec, group: g.name, figures });
    }
  }
  return rows;
}

/** group-intervals.csv: index, day, time, group, then mean/lo/hi of every figure. */
export function groupSeriesCsv(rows: readonly GroupSeriesRow[]): string {
  const head = ['index', 'day', 'time', 'group', ...GROUP_SERIES_FIGURES.flatMap((f) => [f, `${f}_lo`, `${f}_hi`])];
  const lines = rows.map((r) => {
    const [day, time] = dayAndTime(r.startSec);
    return [r.index, day, time, r.group, ...GROUP_SERIES_FIGURES.flatMap((f) => [r.figures[f].mean, ...r.figures[f].ci95])].join(',');
  });
  return `${[head.join(','), ...lines].join('\n')}\n`;
}
