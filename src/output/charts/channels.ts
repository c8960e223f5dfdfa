/**
 * Channels side by side: average speed of answer, service level and abandonment per channel
 * (voice, chat, email), with 95% CIs. Shown when the scenario has more than one channel.
 */
import type { Summary } from '../summary.js';
import { breakdownPanels } from './breakdown-panels.js';
import { chart, type VlSpec } from './theme.js';

export function channelsChart(summary: Summary): VlSpec | null {
  const categories = Object.entries(summary.channels).map(([name, figures]) => ({ name, figures }));
  const { thresholdSec } = summary.meta.serviceLevel;
  const body = breakdownPanels(categories, ['asaSec', 'serviceLevel', 'abandonRate'], 'Channel', { serviceLevel: `Answered within ${thresholdSec} s (%)` });
  if (!body) return null;
  return chart('Service by channel', `Means with 95% CI (error bars) over ${summary.replications} replication${summary.replications === 1 ? '' : 's'}.`, body);
}
