import { agentsForAbandonRate, agentsForServiceLevel, erlang, type ErlangResult } from '../analytic/erlang.js';

export interface ErlangRequest {
  ratePerHour: number;
  ahtSec: number;
  patienceSec?: number;
  slSec: number;
  agents?: number;
  /** Find the fewest agents reaching this service level (share answered within slSec). */
  targetSl?: number;
  /** Find the fewest agents keeping abandonment at or below this share (Erlang A only). */
  maxAbandon?: number;
  json: boolean;
}

interface Row extends ErlangResult {
  agents: number;
}

/** What the table says where an Erlang C queue has no steady state (its figures do not exist). */
export const UNSTABLE = 'unstable (offered load ≥ agents)';

/**
 * `ccsim erlang`: the analytic KPIs for the given agents, or — with targets — the fewest agents
 * meeting them and a few rows on either side, so a planner sees the curve around the answer.
 */
export function erlangCommand(req: ErlangRequest): string {
  const base = { lambdaPerSec: req.ratePerHour / 3600, ahtSec: req.ahtSec, patienceSec: req.patienceSec, slThresholdSec: req.slSec };
  const needed: Record<string, number> = {};
  if (req.targetSl !== undefined) needed.forServiceLevel = agentsForServiceLevel(base, req.targetSl);
  if (req.maxAbandon !== undefined) needed.forAbandonRate = agentsForAbandonRate({ ...base, patienceSec: req.patienceSec! }, req.maxAbandon);
  // With a target: the answer and the rows around it (two below, three above), and --agents too when given.
  const shown = new Set<number>();
  if (Object.keys(needed).length > 0) {
    const answer = Math.max(...Object.values(needed));
    for (let agents = Math.max(1, answer - 2); agents <= answer + 3; agents++) shown.add(agents);
  }
  if (req.agents !== undefined) shown.add(req.agents);
  const rows: Row[] = [...shown].sort((a, b) => a - b).map((agents) => ({ agents, ...erlang({ ...base, agents }) }));
  const model = req.patienceSec === undefined ? 'C' : 'A';
  if (req.json) {
    return `${JSON.stringify({ model, input: { ratePerHour: req.ratePerHour, ahtSec: req.ahtSec, patienceSec: req.patienceSec ?? null, slSec: req.slSec }, agentsNeeded: needed, rows }, null, 2)}\n`;
  }
  const head = `Erlang ${model}: ${req.ratePerHour} contacts/h, AHT ${req.ahtSec} s${req.patienceSec ? `, patience ${req.patienceSec} s` : ''}, offered load ${rows[0]!.offeredLoadErlangs.toFixed(2)} erlangs`;
  const cols = ['agents', 'pWait', 'waitSec', 'asaSec', `SL(${req.slSec}s)`, 'abandon', 'occupancy'];
  // An unstable queue has no steady state: its waits and service level do not exist.
  const fmt = (r: Row) =>
    r.stable
      ? [String(r.agents), r.pWait.toFixed(4), r.waitSec.toFixed(2), r.asaSec.toFixed(2), r.serviceLevel.toFixed(4), r.abandonRate.toFixed(4), r.occupancy.toFixed(4)]
      : [String(r.agents), `  ${UNSTABLE}`];
  const table = [cols, ...rows.map(fmt)].map((cells) => cells.map((c, i) => (i === 0 ? c.padStart(6) : cells.length === 2 ? c : c.padStart(11))).join(' '));
  const notes = Object.entries(needed).map(([k, n]) =>
    k === 'forServiceLevel' ? `fewest agents for service level ≥ ${req.targetSl} within ${req.slSec} s: ${n}` : `fewest agents for abandonment ≤ ${req.maxAbandon}: ${n}`,
  );
  return `${[head, ...table, ...notes].join('\n')}\n`;
}
