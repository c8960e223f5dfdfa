/**
 * Contact reasons side by side: first-contact resolution, average speed of answer and
 * abandonment per reason, with 95% CIs. Shown when the scenario has more than one reason.
 */
import type { Summary } from '../summary.js';
import { breakdownPanels } from './breakdown-panels.js';
import { chart, type VlSpec } from './theme.js';
import { ciNote } from './theme.js';

export function reasonsChart(summary: Summary): VlSpec | null {
  const categories = Object.entries(summary.reasons).map(([name, figures]) => ({ name, figures }));
  const body = breakdownPanels(categories, ['fcr', 'asaSec', 'abandonRate'], 'Contact reason');
  if (!body) return null;
  return chart('Resolution and service by contact reason', `Means; ${ciNote(summary.replications, 'error bars:')}.`, body);
}
