/**
 * Shift scheduling as a set-covering integer program (G. B. Dantzig, "A comment on Edie's 'Traffic
 * delays at toll booths'", Journal of the Operations Research Society of America 2(3):339–341, 1954):
 *
 *   minimise    Σₛ costₛ·xₛ
 *   subject to  Σₛ aₜₛ·(1 − shrinkage_g(s))·xₛ ≥ requiredₜ     for every interval t of the week
 *               minₛ ≤ xₛ ≤ maxₛ,  xₛ integer
 *
 * and, for candidates that are alternatives of one shift (the same `exclusive` key: one shift of a
 * roster whose start is still to be chosen), exactly one alternative is taken: binaries yₛ with
 * Σ_{s in the set} yₛ = 1 and minₛ·yₛ ≤ xₛ ≤ maxₛ·yₛ (so those candidates need a `maxAgents`).
 *
 * where xₛ is the number of agents given candidate shift s and aₜₛ = 1 when s works interval t
 * (on one of its weekdays, between its start and end, outside its breaks). The week is cyclic: a
 * shift that runs past midnight continues into the next day, and Sunday night into Monday.
 * Shrinkage (absence, training, meetings) is the share of scheduled time an agent is unavailable,
 * per shift group, so scheduled × (1 − shrinkage) must cover the requirement.
 *
 * Solved with HiGHS (Huangfu & Hall, "Parallelizing the dual revised simplex method", Mathematical
 * Programming Computation 10, 2018; branch-and-cut for the integers) through the `highs` npm package,
 * HiGHS compiled to WebAssembly: the model is written as CPLEX LP text and solved in-process.
 * The module is loaded once per process, on first use. Solves are deterministic (HiGHS is run
 * single-threaded with its fixed default random seed and no time limit) and, by default, proven
 * optimal (relative MIP gap 0).
 *
 * @example
 * const plan = await coverShifts({ intervalsPerDay: 48, requirement, shifts });
 * if (plan.status === 'optimal') plan.agents; // agents per candidate shift, in input order
 */

/** A break inside a shift: intervals from the shift's start, during which the agent is off. */
export interface ShiftBreak {
  offsetIntervals: number;
  lengthIntervals: number;
}

/** One candidate shift pattern; every agent given it works all of its days. */
export interface CandidateShift {
  id: string;
  /** Weekdays worked, 0 = Monday … 6 = Sunday. */
  days: readonly number[];
  /** Start, as an interval of the day (0 … intervalsPerDay − 1). */
  startInterval: number;
  lengthIntervals: number;
  breaks?: readonly ShiftBreak[];
  /** Cost of one agent on this pattern for the week. */
  costPerAgent: number;
  /** Upper bound on agents given this pattern; none when absent. */
  maxAgents?: number;
  /** Lower bound on agents given this pattern (when it is taken, for an `exclusive` one); default 0. */
  minAgents?: number;
  /** Alternatives of one shift share a key: exactly one of them is taken (needs `maxAgents`). */
  exclusive?: string;
  /** Shrinkage group; the key in `ShiftCoverInput.shrinkage`. Default ''. */
  group?: string;
}

export interface ShiftCoverInput {
  intervalsPerDay: number;
  /** Agents required (available, after shrinkage) per interval: 7 × intervalsPerDay values, Monday first. */
  requirement: readonly number[];
  shifts: readonly CandidateShift[];
  /** Share of scheduled time unavailable, per group (default 0 for a group not listed). */
  shrinkage?: Readonly<Record<string, number>>;
}

export interface ShiftCoverOptions {
  /** HiGHS `mip_rel_gap`: 0 (default) proves optimality; a positive gap may stop earlier. */
  relativeGap?: number;
}

export type ShiftCoverResult =
  | {
      status: 'optimal';
      /** Agents per candidate shift, in input order. */
      agents: number[];
      totalCost: number;
      /** Available agents per interval, Σ aₜₛ·(1 − shrinkage)·xₛ. */
      coverage: number[];
    }
  /** No schedule covers the requirement; `uncovered` lists intervals that no candidate works at all. */
  | { status: 'infeasible'; uncovered: number[] }
  /** Cost can fall without limit (a negative cost on a shift without `maxAgents`). */
  | { status: 'unbounded' }
  | { status: 'solver-failure'; message: string };

/** Every input error is phrased here, once. */
export const shiftCoverMessage = {
  invalid: (path: string, value: unknown, rule: string): string => `shift cover: ${path} must be ${rule}, got ${String(value)}`,
  requirementLength: (got: number, intervalsPerDay: number): string =>
    `shift cover: requirement must have 7 × ${intervalsPerDay} = ${7 * intervalsPerDay} values, got ${got}`,
  duplicateId: (id: string): string => `shift cover: shift id ${JSON.stringify(id)} is used twice`,
  solverStatus: (status: string): string => `shift cover: HiGHS stopped with status "${status}"`,
  notInteger: (id: string, value: number): string => `shift cover: HiGHS returned ${value} agents for shift ${JSON.stringify(id)}, not an integer`,
};

import type { Highs } from 'highs';

let highsLoading: Promise<Highs> | undefined;

/** The HiGHS WebAssembly module, instantiated once per process. */
function highs(): Promise<Highs> {
  // Node loads the package's ES module build, whose default export is the loader; the package's
  // single .d.ts is read as CommonJS under NodeNext, hence the cast.
  highsLoading ??= import('highs').then((m) => (m.default as unknown as (typeof m)['default']['default'])());
  return highsLoading;
}

function check(ok: boolean, path: string, value: unknown, rule: string): void {
  if (!ok) throw new RangeError(shiftCoverMessage.invalid(path, value, rule));
}
const isCount = (x: number, min: number): boolean => Number.isInteger(x) && x >= min;

function validate(input: ShiftCoverInput): void {
  const { intervalsPerDay, requirement, shifts, shrinkage = {} } = input;
  check(isCount(intervalsPerDay, 1), 'intervalsPerDay', intervalsPerDay, 'an integer >= 1');
  if (requirement.length !== 7 * intervalsPerDay) throw new RangeError(shiftCoverMessage.requirementLength(requirement.length, intervalsPerDay));
  requirement.forEach((r, t) => check(Number.isFinite(r) && r >= 0, `requirement[${t}]`, r, 'a finite number >= 0'));
  for (const [group, s] of Object.entries(shrinkage)) check(Number.isFinite(s) && s >= 0 && s < 1, `shrinkage.${group}`, s, 'a number in [0, 1)');
  const ids = new Set<string>();
  shifts.forEach((s, i) => {
    const at = `shifts[${i}]`;
    if (ids.has(s.id)) throw new RangeError(shiftCoverMessage.duplicateId(s.id));
    ids.add(s.id);
    check(s.days.length > 0 && s.days.every((d) => isCount(d, 0) && d <= 6) && new Set(s.days).size === s.days.length,
      `${at}.days`, JSON.stringify(s.days), 'a non-empty list of distinct weekdays 0..6');
    check(isCount(s.startInterval, 0) && s.startInterval < intervalsPerDay, `${at}.startInterval`, s.startInterval, `an integer in [0, ${intervalsPerDay - 1}]`);
    check(isCount(s.lengthIntervals, 1) && s.lengthIntervals <= 7 * intervalsPerDay, `${at}.lengthIntervals`, s.lengthIntervals, `an integer in [1, ${7 * intervalsPerDay}]`);
    check(Number.isFinite(s.costPerAgent), `${at}.costPerAgent`, s.costPerAgent, 'a finite number');
    if (s.maxAgents !== undefined) check(isCount(s.maxAgents, 0), `${at}.maxAgents`, s.maxAgents, 'an integer >= 0');
    if (s.minAgents !== undefined) check(isCount(s.minAgents, 0) && s.minAgents <= (s.maxAgents ?? Infinity), `${at}.minAgents`, s.minAgents, 'an integer >= 0 and <= maxAgents');
    if (s.exclusive !== undefined) check(s.maxAgents !== undefined, `${at}.maxAgents`, s.maxAgents, 'given for a shift with an exclusive key');
    (s.breaks ?? []).forEach((b, j) => {
      check(isCount(b.offsetIntervals, 0) && isCount(b.lengthIntervals, 1) && b.offsetIntervals + b.lengthIntervals <= s.lengthIntervals,
        `${at}.breaks[${j}]`, JSON.stringify(b), 'inside the shift (offset >= 0, length >= 1, offset + length <= lengthIntervals)');
    });
  });
}

/** The week's intervals a shift works (cyclic week, breaks removed), ascending. */
export function workedIntervals(shift: CandidateShift, intervalsPerDay: number): number[] {
  const week = 7 * intervalsPerDay;
  const off = new Set<number>();
  for (const b of shift.breaks ?? []) for (let k = 0; k < b.lengthIntervals; k++) off.add(b.offsetIntervals + k);
  const worked = new Set<number>();
  for (const day of shift.days) {
    for (let k = 0; k < shift.lengthIntervals; k++) {
      if (!off.has(k)) worked.add((day * intervalsPerDay + shift.startInterval + k) % week);
    }
  }
  return [...worked].sort((a, b) => a - b);
}

/** A number as LP text: shortest round-trip decimal, never exponent notation. */
function lpNumber(x: number): string {
  const s = String(x);
  return /e/i.test(s) ? x.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Terms `c x` joined as LP text, a few per line (LP readers limit line length). */
function lpTerms(terms: ReadonlyArray<readonly [number, string]>): string {
  const parts = terms.map(([c, v], i) => `${i === 0 ? (c < 0 ? '- ' : '') : c < 0 ? '- ' : '+ '}${lpNumber(Math.abs(c))} ${v}`);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '));
  return lines.join('\n   ');
}

/**
 * The model as CPLEX LP text: columns x0, x1, … in input order, one row `cover_t` per interval
 * with a positive requirement, bounds, and every column in `General` (integer).
 */
export function shiftCoverLp(input: ShiftCoverInput): string {
  validate(input);
  const { intervalsPerDay, requirement, shifts, shrinkage = {} } = input;
  const rows: Array<Array<readonly [number, string]>> = requirement.map(() => []);
  shifts.forEach((s, i) => {
    const available = 1 - (shrinkage[s.group ?? ''] ?? 0);
    for (const t of workedIntervals(s, intervalsPerDay)) rows[t]!.push([available, `x${i}`]);
  });
  const objective = shifts.map((s, i) => [s.costPerAgent, `x${i}`] as const);
  const lines = ['Minimize', ` cost: ${objective.length > 0 ? lpTerms(objective) : '0 x0'}`, 'Subject To'];
  rows.forEach((terms, t) => {
    const need = requirement[t]!;
    if (need > 0) lines.push(` cover_${t}: ${terms.length > 0 ? lpTerms(terms) : `0 x0`} >= ${lpNumber(need)}`);
  });
  // Alternatives of one shift: exactly one taken, its agents within its bounds.
  const sets = new Map<string, number[]>();
  shifts.forEach((s, i) => {
    if (s.exclusive !== undefined) sets.set(s.exclusive, [...(sets.get(s.exclusive) ?? []), i]);
  });
  const exclusive = new Set([...sets.values()].flat());
  [...sets.values()].forEach((members, k) => {
    lines.push(` one_${k}: ${members.map((i, j) => `${j === 0 ? '' : '+ '}y${i}`).join(' ')} = 1`);
    for (const i of members) {
      const s = shifts[i]!;
      lines.push(` upper_${i}: x${i} - ${s.maxAgents} y${i} <= 0`);
      if ((s.minAgents ?? 0) > 0) lines.push(` lower_${i}: x${i} - ${s.minAgents} y${i} >= 0`);
    }
  });
  lines.push('Bounds');
  shifts.forEach((s, i) => {
    const min = exclusive.has(i) ? 0 : (s.minAgents ?? 0);
    lines.push(s.maxAgents === undefined ? ` x${i} >= ${min}` : ` ${min} <= x${i} <= ${s.maxAgents}`);
  });
  lines.push('General', ...shifts.map((_, i) => ` x${i}`));
  if (exclusive.size > 0) lines.push('Binary', ...[...exclusive].map((i) => ` y${i}`));
  lines.push('End', '');
  return lines.join('\n');
}

/** HiGHS's answer for LP text, or the message of a solver that threw (its instance is then dropped). */
async function solve(lp: string, relativeGap: number): Promise<Awaited<ReturnType<Highs['solve']>> | string> {
  try {
    return (await highs()).solve(lp, { output_flag: false, mip_rel_gap: relativeGap });
  } catch (e) {
    highsLoading = undefined; // a failed WebAssembly instance is not reused
    return e instanceof Error ? e.message : String(e);
  }
}

/** Intervals with a positive requirement that no candidate shift works. */
function uncoveredIntervals(input: ShiftCoverInput): number[] {
  const covered = new Set<number>();
  for (const s of input.shifts) {
    if (s.maxAgents === 0) continue;
    for (const t of workedIntervals(s, input.intervalsPerDay)) covered.add(t);
  }
  return input.requirement.flatMap((r, t) => (r > 0 && !covered.has(t) ? [t] : []));
}

/**
 * The least-cost integer staffing of the candidate shifts that covers the requirement in every
 * interval. Bad input throws a RangeError (messages in `shiftCoverMessage`); an instance without a
 * solution, or a solver that fails, gives a result with that status.
 */
export async function coverShifts(input: ShiftCoverInput, options: ShiftCoverOptions = {}): Promise<ShiftCoverResult> {
  const lp = shiftCoverLp(input);
  const { relativeGap = 0 } = options;
  check(Number.isFinite(relativeGap) && relativeGap >= 0, 'relativeGap', relativeGap, 'a finite number >= 0');
  const uncovered = uncoveredIntervals(input);
  if (uncovered.length > 0) return { status: 'infeasible', uncovered };
  const { shifts, intervalsPerDay, requirement, shrinkage = {} } = input;
  if (requirement.every((r) => r === 0) && shifts.every((s) => s.costPerAgent >= 0 && !(s.minAgents! > 0) && s.exclusive === undefined)) {
    return { status: 'optimal', agents: shifts.map(() => 0), totalCost: 0, coverage: requirement.map(() => 0) };
  }
  const solved = await solve(lp, relativeGap);
  if (typeof solved === 'string') return { status: 'solver-failure', message: solved };
  switch (solved.Status) {
    case 'Optimal':
      break;
    case 'Infeasible':
      return { status: 'infeasible', uncovered: [] };
    case 'Unbounded':
      return { status: 'unbounded' };
    case 'Primal infeasible or unbounded': {
      // Presolve could not tell which: the same rows with a zero objective are feasible iff the model is unbounded.
      const feasibility = await solve(lp.replace(/^ cost: [^]*?\nSubject To/m, ' cost: 0 x0\nSubject To'), relativeGap);
      if (typeof feasibility === 'string') return { status: 'solver-failure', message: feasibility };
      return feasibility.Status === 'Optimal' ? { status: 'unbounded' } : { status: 'infeasible', uncovered: [] };
    }
    default:
      return { status: 'solver-failure', message: shiftCoverMessage.solverStatus(solved.Status) };
  }
  const solution = solved;
  const agents: number[] = [];
  for (let i = 0; i < shifts.length; i++) {
    const value = solution.Columns[`x${i}`]?.Primal ?? 0;
    const rounded = Math.round(value);
    if (Math.abs(value - rounded) > 1e-6) return { status: 'solver-failure', message: shiftCoverMessage.notInteger(shifts[i]!.id, value) };
    agents.push(rounded);
  }
  const coverage = requirement.map(() => 0);
  shifts.forEach((s, i) => {
    const available = (1 - (shrinkage[s.group ?? ''] ?? 0)) * agents[i]!;
    for (const t of workedIntervals(s, intervalsPerDay)) coverage[t]! += available;
  });
  const totalCost = shifts.reduce((sum, s, i) => sum + s.costPerAgent * agents[i]!, 0);
  return { status: 'optimal', agents, totalCost, coverage };
}
