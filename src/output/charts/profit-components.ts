/**
 * Profit as the sum of its parts, for explaining a profit difference. Each component is a
 * linear combination of economics figures (a figure and the sign with which it enters), so
 * that a figure can be split: retained revenue is revenue − referral revenue, and word of mouth
 * the referral revenue. Since profit = revenue + upsellRevenue − supportCost − acquisitionCost −
 * returnsCost (model/result.ts), the components below add up to Δprofit exactly:
 *
 *   Δprofit = −ΔsupportCost + Δ(revenue − referralRevenue) + ΔreferralRevenue + ΔupsellRevenue
 *             − ΔreturnsCost − ΔacquisitionCost
 *
 * A figure the comparison does not report counts 0 in its component, and a component none of
 * whose figures is reported is left out (a scenario without customers has support cost and a
 * zero revenue only). What the components do not explain is shown as "other", so a figure the
 * model adds to profit before it is listed here is never silently lost.
 */
export interface ProfitTerm {
  /** The economics figure (a key of Comparison.policies[].delta). */
  figure: string;
  /** +1 when more of it is more profit (revenue), −1 when it is a cost or is taken out. */
  sign: 1 | -1;
}

export interface ProfitComponent {
  terms: readonly ProfitTerm[];
  /** Legend label. */
  label: string;
  /** Bar colour: light tones, apart from the strong policy hues the net Δprofit diamonds wear. */
  color: string;
}

/** In stacking order: the cost of support first, then what it buys. */
export const PROFIT_COMPONENTS: readonly ProfitComponent[] = [
  { terms: [{ figure: 'supportCost', sign: -1 }], label: 'Support cost', color: '#bcbddc' },
  {
    terms: [
      { figure: 'revenue', sign: 1 },
      { figure: 'referralRevenue', sign: -1 },
    ],
    label: 'Retained revenue',
    color: '#a1d99b',
  },
  { terms: [{ figure: 'referralRevenue', sign: 1 }], label: 'Word of mouth', color: '#80cdc1' },
  { terms: [{ figure: 'upsellRevenue', sign: 1 }], label: 'Upsell', color: '#fed976' },
  { terms: [{ figure: 'returnsCost', sign: -1 }], label: 'Returns avoided', color: '#fbb4ae' },
  { terms: [{ figure: 'acquisitionCost', sign: -1 }], label: 'Acquisition', color: '#e5c494' },
];

/** The remainder no listed component explains. */
export const OTHER_COMPONENT = 'Other';
export const OTHER_COLOR = '#d9d9d9';

/**
 * A component's contribution from the figures' differences (absent figures count 0), or null
 * when none of its figures is reported.
 */
export function contributionOf(component: ProfitComponent, delta: Readonly<Record<string, { mean: number } | undefined>>): number | null {
  if (!component.terms.some((t) => delta[t.figure])) return null;
  return component.terms.reduce((sum, t) => sum + t.sign * (delta[t.figure]?.mean ?? 0), 0);
}
