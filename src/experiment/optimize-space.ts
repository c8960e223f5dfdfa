import type { ModelConfig } from '../model/config.js';
import { SHIFT_START, shiftMoveOverrides } from '../model/shift-move.js';

/**
 * The decision space of `ccsim optimize`: each decision variable of `optimize.vary` as the ordered
 * list of values it may take, a candidate as one value of each (its `set` of overrides), and the
 * neighbours of a candidate — one variable moved one value up or down. Values keep the order they
 * are written in (a range ascending), so "next value" means the next agent, the next start time
 * in the list, the next AHT target.
 */

/** `{ min, max, step }` or a list of values, as the scenario's `optimize.vary` holds them. */
export type DecisionSpec = { min: number; max: number; step: number } | readonly unknown[];

export interface Decision {
  /** Dot path, as in policies.set. */
  key: string;
  values: unknown[];
  /** A range of numbers (min, max, step) or a list of values. */
  kind: 'range' | 'list';
  /** Overrides that go with a value (a shift's start moves its end and breaks: `linkShiftStarts`). */
  linked?: (value: unknown) => Record<string, unknown>;
}

/** The values of a range: min, min + step, … max, each rounded to 12 significant digits (0.1 + 0.2 is 0.3 here). */
export function rangeValues(r: { min: number; max: number; step: number }): number[] {
  const n = Math.round((r.max - r.min) / r.step);
  return Array.from({ length: n + 1 }, (_, k) => Number((r.min + k * r.step).toPrecision(12)));
}

/** The decisions of `optimize.vary`, in the order written. */
export function decisionsOf(vary: Readonly<Record<string, DecisionSpec>>): Decision[] {
  return Object.entries(vary).map(([key, spec]) =>
    Array.isArray(spec) ? { key, values: [...spec], kind: 'list' as const } : { key, values: rangeValues(spec as { min: number; max: number; step: number }), kind: 'range' as const },
  );
}

/** A candidate: one value index per decision. */
export type Point = readonly number[];

/** The overrides a candidate stands for: each decision's value, and what goes with it. */
export function setOf(decisions: readonly Decision[], point: Point): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  decisions.forEach((d, i) => {
    const value = d.values[point[i]!];
    set[d.key] = value;
    if (d.linked) Object.assign(set, d.linked(value));
  });
  return set;
}

/**
 * A shift's start as a decision moves the whole shift: its end and its breaks follow, keeping the
 * shift's length and the breaks' places in it — unless the end is a decision too, when start and
 * end are set as written. `read` gives the scenario's value at a dot path.
 */
export function linkShiftStarts(decisions: readonly Decision[], read: (path: string) => unknown): Decision[] {
  const keys = new Set(decisions.map((d) => d.key));
  return decisions.map((d) => {
    const m = SHIFT_START.exec(d.key);
    if (!m || keys.has(`${m[1]}.end`)) return d;
    return { ...d, linked: (value: unknown) => shiftMoveOverrides(m[1]!, value, read) };
  });
}

/** A candidate's identity, the same for equal points. */
export function pointKey(point: Point): string {
  return point.join(',');
}

/**
 * The index of a value among a decision's values: equal as JSON for a list; for a range the
 * nearest value (a scenario's 21 agents on a grid of even numbers starts at 20 or 22: the lower on
 * a tie), with `exact` false when it is not on the grid.
 */
export function indexOfValue(d: Decision, value: unknown): { index: number; exact: boolean } {
  const text = JSON.stringify(value ?? null);
  const exact = d.values.findIndex((v) => JSON.stringify(v ?? null) === text);
  if (exact >= 0) return { index: exact, exact: true };
  if (d.kind === 'range' && typeof value === 'number') {
    let best = 0;
    d.values.forEach((v, i) => {
      if (Math.abs((v as number) - value) < Math.abs((d.values[best] as number) - value)) best = i;
    });
    return { index: best, exact: false };
  }
  return { index: 0, exact: false };
}

/** Neighbours: each decision one value down, then one value up, in decision order. */
export function neighbours(decisions: readonly Decision[], point: Point): { point: number[]; key: string; from: unknown; to: unknown }[] {
  const out: { point: number[]; key: string; from: unknown; to: unknown }[] = [];
  decisions.forEach((d, i) => {
    for (const step of [-1, 1]) {
      const j = point[i]! + step;
      if (j < 0 || j >= d.values.length) continue;
      const next = [...point];
      next[i] = j;
      out.push({ point: next, key: d.key, from: d.values[point[i]!], to: d.values[j] });
    }
  });
  return out;
}

/**
 * Agents on the roster of a configuration: Σ over groups of each shift's agents (a roster counts
 * its largest interval). The x axis of the objective-against-agents chart; wages depend on the
 * hours too, which the objective already holds.
 */
export function totalAgents(config: ModelConfig): number {
  return config.groups.reduce((sum, g) => sum + (g.roster ? g.roster.agents.reduce((m, a) => Math.max(m, a), 0) : g.shifts.reduce((s, sh) => s + sh.agents, 0)), 0);
}
