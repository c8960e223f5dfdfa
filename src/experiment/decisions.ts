import { splitDotPath } from '../engine/dot-path.js';

/**
 * Which scenario keys are decisions — what the center chooses: staffing and shifts, the
 * handle-time policy, queue discipline and routing, callbacks, opening hours, outreach and offers —
 * and which are conditions it faces: demand, customers' behaviour, prices and wages, handle times.
 * A sweep's "best point" is chosen over decisions only, separately for every combination of the
 * conditions it varies (a busier demand level is not "better staffing"); `ccsim sweep --decision
 * KEY` overrides this classification for one sweep.
 *
 * A dot path is a decision when its keys, with list items (group, reason or shift names and
 * indices) written as "*", begin with one of these.
 */
const DECISIONS: readonly string[][] = [
  ['staffing', 'agents'],
  ['groups', '*', 'agents'],
  ['groups', '*', 'shifts'],
  ['groups', '*', 'roster'],
  ['groups', '*', 'staffingScale'],
  ['groups', '*', 'escalateTo'],
  ['reasons', '*', 'groups'],
  ['policy'],
  ['queue'],
  ['callback'],
  ['hours'],
  ['channels', '*', 'hours'],
  ['channels', 'chat', 'concurrency'],
  ['closed', 'action'],
  ['customers', 'telemetry', 'outreach'],
  ['customers', 'upsell', 'offer'],
];

/** Whether a dot path (as in policies.set) is a decision the center makes. */
export function isDecision(path: string): boolean {
  const keys = splitDotPath(path);
  if (keys === null) return false;
  return DECISIONS.some((pattern) => pattern.length <= keys.length && pattern.every((p, i) => p === '*' || p === keys[i]));
}
