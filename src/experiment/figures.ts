import type { ReplicationResult } from '../model/contact-center.js';

/**
 * The figures of a replication, read generically: every number in its `kpis` and `economics`
 * records, in the order the model reports them. Comparisons and sweeps take whatever the model
 * reports, so a KPI added to the model shows up in their outputs without a change here.
 */
export type Group = 'kpis' | 'economics';

const numericKeys = (record: object) => Object.entries(record).filter(([, v]) => typeof v === 'number').map(([k]) => k);

/** The numeric figures of one group, as the first replication reports them. */
export function figuresOf(result: ReplicationResult, group: Group): string[] {
  return numericKeys(result[group]);
}

/** Every numeric figure, KPIs first, then economics. */
export function allFigures(result: ReplicationResult): string[] {
  return [...figuresOf(result, 'kpis'), ...figuresOf(result, 'economics')];
}

/** One group's numeric figures of each replication, as plain records (for estimateAll). */
export function groupRecords(results: readonly ReplicationResult[], group: Group): Record<string, number>[] {
  const keys = figuresOf(results[0]!, group);
  return results.map((r) => Object.fromEntries(keys.map((k) => [k, (r[group] as unknown as Record<string, number>)[k]!])));
}

/** A figure's value on each replication, from `kpis` or else `economics`. */
export function figureValues(results: readonly ReplicationResult[], figure: string): number[] {
  return results.map((r) => {
    const kpis = r.kpis as unknown as Record<string, number>;
    return figure in kpis ? kpis[figure]! : (r.economics as unknown as Record<string, number>)[figure]!;
  });
}
