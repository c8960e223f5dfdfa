import { FIGURE_KEYS, figureDef } from '../model/catalogue.js';
import { CHANNEL_KINDS } from '../model/config.js';
import type { ReplicationResult } from '../model/result.js';
import { estimate, type FigureEstimate } from './estimate.js';
import { policyFigure, type EstimatedFigures } from './figures.js';

/**
 * Requirements on figures — `--require "serviceLevel >= 0.8"`, `"voice.serviceLevel >= 80%"`,
 * `"abandonRate <= 0.05"`, and `optimize.require` in a scenario — judged with the confidence
 * interval of the figure, for `compare`, `sweep` and `optimize`:
 *
 *   text ─parseConstraint─▶ { channel?, figure, op, bound } ─checkReported (the scenario reports it?)
 *     ─estimate over replications─▶ judge: feasible │ infeasible │ undetermined
 *
 * A requirement is *feasible* when the whole 95% interval of the figure satisfies it, *infeasible*
 * when the whole interval violates it, and *undetermined* when the interval straddles the bound —
 * more replications would tell — or when there is no interval (one replication, or a ratio with
 * nothing under it). Several requirements together: feasible when all are, infeasible when any
 * is, undetermined otherwise. Each requirement is judged on its own 95% interval (no
 * simultaneous correction): with k requirements the chance that some feasible verdict is wrong
 * can reach k × 2.5%.
 *
 * Figure names are the catalogue's (model/catalogue.ts): any KPI, money or customer figure; with a
 * channel prefix, a figure of that channel's breakdown (voice and chat: service level, ASA,
 * abandonment …; email: response time and within-target share).
 */

export type Operator = '>=' | '<=' | '>' | '<';
export type ConstraintStatus = 'feasible' | 'infeasible' | 'undetermined';

export interface Constraint {
  /** As written (trimmed): the name it goes by in every output. */
  text: string;
  /** A channel kind (voice, chat, email) for a figure of that channel's breakdown; null: the run's figure. */
  channel: string | null;
  figure: string;
  op: Operator;
  bound: number;
}

/** Bad requirement text, or one the scenario cannot judge; the CLI reports it as bad input (exit 2). */
export class ConstraintError extends Error {}

const CHANNELS = CHANNEL_KINDS;
const FORM = '[CHANNEL.]FIGURE OP NUMBER, e.g. "serviceLevel >= 0.8", "voice.serviceLevel >= 80%" or "abandonRate <= 0.05" (OP: >=, <=, >, <)';
const SYNTAX = /^(?:([A-Za-z]+)\.)?([A-Za-z]+)\s*(>=|<=|≥|≤|>|<)\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*(%?)$/;

export const constraintMessages = {
  form: (text: string) => `requirement ${JSON.stringify(text)}: expected ${FORM}`,
  unknownFigure: (text: string, figure: string, known: readonly string[]) => `requirement ${JSON.stringify(text)}: "${figure}" is not a figure ccsim reports; figures: ${known.join(', ')}`,
  unknownChannel: (text: string, channel: string) => `requirement ${JSON.stringify(text)}: "${channel}" is not a channel; channels: ${CHANNELS.join(', ')}`,
  percentNotShare: (text: string, figure: string) => `requirement ${JSON.stringify(text)}: "%" applies to shares only, and ${figure} is not one; write the bound in the figure's unit`,
  notReported: (text: string, what: string, reported: readonly string[]) => `requirement ${JSON.stringify(text)}: this scenario does not report ${what}; it reports: ${reported.join(', ')}`,
  noChannel: (text: string, channel: string, channels: readonly string[]) => `requirement ${JSON.stringify(text)}: this scenario has no ${channel} channel; its channels: ${channels.join(', ')}`,
  duplicate: (text: string) => `requirement ${JSON.stringify(text)} is given twice`,
};

/** Reads one requirement; the figure must be one the catalogue knows (whether the scenario reports it is `checkReported`'s business). */
export function parseConstraint(written: string): Constraint {
  const text = written.trim().replace(/\s+/g, ' ');
  const m = SYNTAX.exec(text);
  if (!m) throw new ConstraintError(constraintMessages.form(written));
  const [, channel, figure, opText, number, percent] = m;
  if (channel !== undefined && !(CHANNELS as readonly string[]).includes(channel)) throw new ConstraintError(constraintMessages.unknownChannel(text, channel));
  const def = figureDef(figure!);
  if (!def || !KNOWN.includes(figure!)) {
    throw new ConstraintError(constraintMessages.unknownFigure(text, figure!, KNOWN));
  }
  if (percent && def.unit !== '%') throw new ConstraintError(constraintMessages.percentNotShare(text, figure!));
  const op = (opText === '≥' ? '>=' : opText === '≤' ? '<=' : opText) as Operator;
  const bound = Number(number) / (percent ? 100 : 1);
  return { text, channel: channel ?? null, figure: figure!, op, bound };
}

/** The figures a requirement may name, for messages. */
const KNOWN: readonly string[] = FIGURE_KEYS.filter((k) => k !== 'staffedAgents' && k !== 'paidAgents');

/** Reads a list of requirements; the same requirement twice is refused. */
export function parseConstraints(texts: readonly string[]): Constraint[] {
  const out = texts.map(parseConstraint);
  out.forEach((c, i) => {
    if (out.findIndex((d) => d.text === c.text) !== i) throw new ConstraintError(constraintMessages.duplicate(c.text));
  });
  return out;
}

/** What a scenario reports: its scalar figures, and the figures of each channel's breakdown. */
export interface Reported {
  figures: readonly string[];
  channels: Readonly<Record<string, readonly string[]>>;
}

/** What one replication reports (the first of a run: every replication reports the same keys). */
export function reportedBy(r: ReplicationResult): Reported {
  const scalar = (o: object | undefined) => (o ? Object.entries(o).filter(([, v]) => typeof v === 'number' || v === null).map(([k]) => k) : []);
  return {
    figures: [...scalar(r.kpis), ...scalar(r.economics), ...scalar(r.customers)],
    channels: Object.fromEntries(Object.entries(r.channels).map(([kind, f]) => [kind, Object.keys(f)])),
  };
}

/** Refuses a requirement on a figure or channel the scenario does not report (csat without customers, a chat figure without chat). */
export function checkReported(c: Constraint, reported: Reported): void {
  if (c.channel === null) {
    if (!reported.figures.includes(c.figure)) throw new ConstraintError(constraintMessages.notReported(c.text, c.figure, reported.figures));
    return;
  }
  const figures = reported.channels[c.channel];
  if (!figures) throw new ConstraintError(constraintMessages.noChannel(c.text, c.channel, Object.keys(reported.channels)));
  if (!figures.includes(c.figure)) throw new ConstraintError(constraintMessages.notReported(c.text, `${c.figure} for ${c.channel}`, figures.map((f) => `${c.channel}.${f}`)));
}

/** Channel figures over replications, as stored beside a policy's or a point's estimates. */
export type ChannelEstimates = Record<string, Record<string, FigureEstimate>>;

/** The estimates of the channel figures the requirements name (the run's figures are estimated anyway). */
export function channelEstimates(results: readonly ReplicationResult[], constraints: readonly Constraint[]): ChannelEstimates {
  const out: ChannelEstimates = {};
  for (const c of constraints) {
    if (c.channel === null) continue;
    out[c.channel] ??= {};
    out[c.channel]![c.figure] = estimate(results.map((r) => (r.channels[c.channel!]?.[c.figure] ?? null) as number | null));
  }
  return out;
}

/** The estimate a requirement is judged on. */
export function constraintEstimate(c: Constraint, figures: EstimatedFigures & { channels?: ChannelEstimates | undefined }): FigureEstimate | undefined {
  return c.channel === null ? policyFigure(figures, c.figure) : figures.channels?.[c.channel]?.[c.figure];
}

const holds = (x: number, op: Operator, bound: number) => (op === '>=' ? x >= bound : op === '<=' ? x <= bound : op === '>' ? x > bound : x < bound);

/**
 * Feasible when the whole interval satisfies the requirement, infeasible when the whole interval
 * violates it, undetermined otherwise — and always with fewer than 2 replications, whose interval
 * is the mean alone, or without an estimate.
 */
export function judge(c: Constraint, e: FigureEstimate | undefined, replications: number): ConstraintStatus {
  if (!e || e.mean === null || replications < 2) return 'undetermined';
  const [lo, hi] = e.ci95;
  if (holds(lo, c.op, c.bound) && holds(hi, c.op, c.bound)) return 'feasible';
  if (!holds(lo, c.op, c.bound) && !holds(hi, c.op, c.bound)) return 'infeasible';
  return 'undetermined';
}

/** All requirements together: infeasible if any is, feasible if all are, else undetermined (feasible when there are none). */
export function overallStatus(statuses: readonly ConstraintStatus[]): ConstraintStatus {
  if (statuses.includes('infeasible')) return 'infeasible';
  return statuses.every((s) => s === 'feasible') ? 'feasible' : 'undetermined';
}

/** One requirement judged: what it says, the estimate, the status. */
export interface JudgedConstraint {
  requirement: string;
  channel: string | null;
  figure: string;
  op: Operator;
  bound: number;
  mean: number | null;
  ci95: [number, number] | null;
  status: ConstraintStatus;
}

export interface Feasibility {
  status: ConstraintStatus;
  requirements: JudgedConstraint[];
}

/** Judges every requirement on a policy's or a point's estimates. */
export function feasibility(constraints: readonly Constraint[], figures: EstimatedFigures & { channels?: ChannelEstimates | undefined }, replications: number): Feasibility {
  const requirements = constraints.map((c): JudgedConstraint => {
    const e = constraintEstimate(c, figures);
    return { requirement: c.text, channel: c.channel, figure: c.figure, op: c.op, bound: c.bound, mean: e?.mean ?? null, ci95: e?.ci95 ?? null, status: judge(c, e, replications) };
  });
  return { status: overallStatus(requirements.map((r) => r.status)), requirements };
}
