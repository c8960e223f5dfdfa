import type { ReplicationResult } from '../model/result.js';
import { isEstimate, type FigureEstimate } from './estimate.js';

/**
 * The figures of a replication, read generically: every number in its `kpis` and `economics`
 * records, and in `customers` when the lifecycle is on (active, churned, acquired, referred,
 * returned …: the nested satisfaction counts and months are not scalar figures), in the order the
 * model reports them. Comparisons and sweeps take whatever the model reports, so a figure added
 * to the catalogue shows up in their outputs without a change here. A figure may be empty (null)
 * in a replication: a ratio with nothing under it.
 */
export type Group = 'kpis' | 'economics' | 'customers';

export const GROUPS: readonly Group[] = ['kpis', 'economics', 'customers'];

const scalarKeys = (record: object | undefined) => (record ? Object.entries(record).filter(([, v]) => typeof v === 'number' || v === null).map(([k]) => k) : []);

/** The scalar figures of one group, as the first replication reports them (none for an absent group). */
export function figuresOf(result: ReplicationResult, group: Group): string[] {
  return scalarKeys(result[group]);
}

/** Every scalar figure: KPIs, then economics, then the customers' figures. */
export function allFigures(result: ReplicationResult): string[] {
  return GROUPS.flatMap((g) => figuresOf(result, g));
}

/** One group's figures of each replication, as plain records (for estimateAll). */
export function groupRecords(results: readonly ReplicationResult[], group: Group): Record<string, number | null>[] {
  const keys = figuresOf(results[0]!, group);
  return results.map((r) => Object.fromEntries(keys.map((k) => [k, (r[group] as unknown as Record<string, number | null>)[k]!])));
}

/** A figure's value on each replication (null where empty), from `kpis`, else `economics`, else `customers`. */
export function figureValues(results: readonly ReplicationResult[], figure: string): (number | null)[] {
  return results.map((r) => {
    for (const g of GROUPS) {
      const record = r[g] as unknown as Record<string, unknown> | undefined;
      if (record && figure in record && (typeof record[figure] === 'number' || record[figure] === null)) return record[figure] as number | null;
    }
    throw new RangeError(`replication ${r.replication} does not report the figure "${figure}"`);
  });
}

/** The estimates of a policy or a sweep point, by group. */
export interface EstimatedFigures {
  kpis: Record<string, FigureEstimate>;
  economics: Record<string, FigureEstimate>;
  customers?: object | undefined;
}

/** An estimate of a figure: from the kpis, else the economics, else the customer counts. */
export function policyFigure(p: EstimatedFigures, figure: string): FigureEstimate | undefined {
  const customer = (p.customers as Record<string, unknown> | undefined)?.[figure];
  return p.kpis[figure] ?? p.economics[figure] ?? (isEstimate(customer) ? customer : undefined);
}
