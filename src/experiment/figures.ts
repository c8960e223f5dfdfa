import type { ReplicationResult } from '../model/contact-center.js';
import type { PolicyComparison } from './compare.js';
import { isEstimate, type Estimate } from './estimate.js';

/**
 * The figures of a replication, read generically: every number in its `kpis` and `economics`
 * records, and in `customers` when the lifecycle is on (active, churned, acquired, referred,
 * returned: the nested satisfaction counts and months are not scalar figures), in the order the
 * model reports them. Comparisons and sweeps take whatever the model reports, so a KPI added to
 * the model shows up in their outputs without a change here.
 */
export type Group = 'kpis' | 'economics' | 'customers';

export const GROUPS: readonly Group[] = ['kpis', 'economics', 'customers'];

const numericKeys = (record: object | undefined) => (record ? Object.entries(record).filter(([, v]) => typeof v === 'number').map(([k]) => k) : []);

/** The numeric figures of one group, as the first replication reports them (none for an absent group). */
export function figuresOf(result: ReplicationResult, group: Group): string[] {
  return numericKeys(result[group]);
}

/** Every numeric figure: KPIs, then economics, then the customers' figures. */
export function allFigures(result: ReplicationResult): string[] {
  return GROUPS.flatMap((g) => figuresOf(result, g));
}

/** One group's numeric figures of each replication, as plain records (for estimateAll). */
export function groupRecords(results: readonly ReplicationResult[], group: Group): Record<string, number>[] {
  const keys = figuresOf(results[0]!, group);
  return results.map((r) => Object.fromEntries(keys.map((k) => [k, (r[group] as unknown as Record<string, number>)[k]!])));
}

/** A figure's value on each replication, from `kpis`, else `economics`, else `customers`. */
export function figureValues(results: readonly ReplicationResult[], figure: string): number[] {
  return results.map((r) => {
    for (const g of GROUPS) {
      const record = r[g] as unknown as Record<string, unknown> | undefined;
      if (record && typeof record[figure] === 'number') return record[figure];
    }
    throw new RangeError(`replication ${r.replication} does not report the figure "${figure}"`);
  });
}

/** A policy's estimate of a figure: from its kpis, else economics, else customer counts. */
export function policyFigure(p: PolicyComparison, figure: string): Estimate | undefined {
  const customer = (p.customers as Record<string, unknown> | undefined)?.[figure];
  return p.kpis[figure] ?? p.economics[figure] ?? (isEstimate(customer) ? customer : undefined);
}
