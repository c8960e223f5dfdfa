import { CATALOGUE, FIGURE_KEYS, type Direction, type FigureDef } from '../model/catalogue.js';

/**
 * Which way is better, per figure, and the verdict a paired interval supports.
 *
 * The catalogue (model/catalogue.ts) is the one place that says whether more of a figure is good:
 * it decides `--by` verdicts and "best point" in sweeps. Figures without a direction (counts such
 * as `offered`, or `occupancy`, good or bad depending on whom you ask) cannot be used for a
 * verdict. Lower AHT is listed as better because that is how centers report it; whether it pays
 * is exactly what the profit verdict is for.
 */
export type { Direction } from '../model/catalogue.js';

/** Each figure's better side, from the catalogue (model/catalogue.ts); figures without one are left out. */
export const DIRECTION: Readonly<Record<string, Direction>> = Object.fromEntries(
  (['economics', 'kpis', 'customers'] as const).flatMap((group) =>
    FIGURE_KEYS.flatMap((k) => {
      const def = CATALOGUE[k] as FigureDef;
      return def.group === group && def.direction !== null ? [[k, def.direction]] : [];
    }),
  ),
);

/** The figures a verdict can be asked for, in a stable order for messages. */
export const VERDICT_FIGURES: readonly string[] = Object.keys(DIRECTION);

export type Verdict = 'better' | 'worse' | 'indistinguishable' | 'undetermined';

/**
 * "better" or "worse" when the interval of (policy − baseline) excludes 0, on the side the
 * figure's direction calls good; "indistinguishable" when it contains 0 (a zero-width interval
 * at exactly 0 included: the policies did the same thing on every replication); "undetermined"
 * when there is no interval (the figure exists in fewer than 2 replications of both).
 */
export function verdictOf(ci: readonly [number, number] | null, direction: Direction): Verdict {
  if (ci === null) return 'undetermined';
  const [lo, hi] = ci;
  if (lo > 0) return direction === 'higher' ? 'better' : 'worse';
  if (hi < 0) return direction === 'higher' ? 'worse' : 'better';
  return 'indistinguishable';
}

/** True when `a` is better than `b` for the figure (ties are not better). */
export function isBetter(a: number, b: number, direction: Direction): boolean {
  return direction === 'higher' ? a > b : a < b;
}
