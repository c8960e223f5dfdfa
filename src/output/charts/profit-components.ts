/**
 * Profit as the sum of its parts, for explaining a profit difference: each component is an
 * economics figure and the sign with which it enters profit. Δprofit = Σ sign × Δcomponent; what
 * the listed components do not explain is shown as "other", so a component the model adds before
 * it is listed here is never silently lost.
 *
 * Today the model has support cost and (zero) revenue. When the customer lifecycle lands, list
 * its figures here — retained revenue, returns, word-of-mouth, upsell — in the order they should
 * stack; the "why" chart picks them up with no other change.
 */
export interface ProfitComponent {
  /** The economics figure (a key of Comparison.policies[].delta). */
  figure: string;
  /** +1 when more of it is more profit (revenue), −1 when it is a cost. */
  sign: 1 | -1;
  /** Legend label. */
  label: string;
  /**
   * Bar colour: light tones, apart from the strong policy hues the net Δprofit diamonds wear.
   * Spare ones for the lifecycle: '#c7e9c0', '#decbe4', '#ccebc5', '#fed9a6'.
   */
  color: string;
}

export const PROFIT_COMPONENTS: readonly ProfitComponent[] = [
  { figure: 'revenue', sign: 1, label: 'Revenue', color: '#a1d99b' },
  { figure: 'supportCost', sign: -1, label: 'Support cost', color: '#bcbddc' },
  { figure: 'acquisitionCost', sign: -1, label: 'Acquisition cost', color: '#fdd0a2' },
  { figure: 'returnsCost', sign: -1, label: 'Returns cost', color: '#fbb4ae' },
];

/** The remainder no listed component explains. */
export const OTHER_COMPONENT = 'Other';
export const OTHER_COLOR = '#d9d9d9';
