/**
 * The components of profit, for explaining a profit difference: the ledger's (model/ledger.ts
 * PROFIT_COMPONENTS, which add up to profit exactly), with their labels and colours here. A
 * figure the comparison does not report counts 0 in its component, and a component none of whose
 * figures is reported is left out (a scenario without customers has support cost and a zero
 * revenue only). What the components do not explain is shown as "other", so a cash flow the
 * ledger adds before it is given a component is never silently lost.
 */
import { PROFIT_COMPONENTS as LEDGER_COMPONENTS, type ProfitTerm } from '../../model/ledger.js';

export interface ProfitComponent {
  terms: readonly ProfitTerm[];
  /** Legend label. */
  label: string;
  /** Bar colour: light tones, apart from the strong policy hues the net Δprofit diamonds wear. */
  color: string;
}

const STYLE: Record<(typeof LEDGER_COMPONENTS)[number]['key'], { label: string; color: string }> = {
  supportCost: { label: 'Support cost', color: '#bcbddc' },
  waitingCost: { label: 'Cost of waiting', color: '#c6dbef' },
  abandonCost: { label: 'Cost of abandonment', color: '#fdd0a2' },
  serviceLevelPenalty: { label: 'Service-level penalty', color: '#d4b9da' },
  retainedRevenue: { label: 'Retained revenue', color: '#a1d99b' },
  wordOfMouth: { label: 'Word of mouth', color: '#80cdc1' },
  upsell: { label: 'Upsell', color: '#fed976' },
  returns: { label: 'Returns avoided', color: '#fbb4ae' },
  acquisition: { label: 'Acquisition', color: '#e5c494' },
};

/** In stacking order: the cost of support first, then what it buys. */
export const PROFIT_COMPONENTS: readonly ProfitComponent[] = LEDGER_COMPONENTS.map((c) => ({ terms: c.terms, ...STYLE[c.key] }));

/** The remainder no listed component explains. */
export const OTHER_COMPONENT = 'Other';
export const OTHER_COLOR = '#d9d9d9';

/**
 * A component's contribution from the figures' differences (absent or empty figures count 0), or
 * null when none of its figures is reported.
 */
export function contributionOf(component: ProfitComponent, delta: Readonly<Record<string, { mean: number | null } | undefined>>): number | null {
  if (!component.terms.some((t) => delta[t.figure])) return null;
  return component.terms.reduce((sum, t) => sum + t.sign * (delta[t.figure]?.mean ?? 0), 0);
}
