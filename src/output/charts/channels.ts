/**
 * Real-time channels side by side: average speed of answer, service level (each channel against
 * its own threshold) and abandonment per channel, with 95% CIs. Shown when the scenario has more
 * than one real-time channel; email is judged against its response target and reported apart.
 */
import type { Summary } from '../summary.js';
import { breakdownPanels } from './breakdown-panels.js';
import { chart, type VlSpec } from './theme.js';
import { ciNote } from './theme.js';

export function channelsChart(summary: Summary): VlSpec | null {
  const categories = Object.entries(summary.channels)
    .filter(([name]) => name !== 'email')
    .map(([name, figures]) => ({ name: `${name} (${summary.meta.channels[name]?.thresholdSec ?? summary.meta.serviceLevel.thresholdSec} s)`, figures }));
  const body = breakdownPanels(categories, ['asaSec', 'serviceLevel', 'abandonRate'], 'Channel (threshold)', { serviceLevel: 'Answered within the threshold (%)' });
  if (!body) return null;
  const email = summary.channels.email ? ' Email is judged against its response target, apart.' : '';
  return chart('Service by channel', `Means; ${ciNote(summary.replications, 'error bars:')}.${email}`, body);
}
