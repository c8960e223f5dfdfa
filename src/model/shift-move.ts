/**
 * A shift's start moved as a decision (`ccsim optimize`, `optimize.vary`): the whole shift moves —
 * its end and its breaks follow, keeping the shift's length and the breaks' places in it. One
 * definition for the scenario's check of the decision's values and for the optimiser's candidates.
 */
import { hhmmSec, hhmmText } from '../engine/civil-time.js';

/** A dot path to a shift's start: `groups.<name>.shifts.<index>.start`; group 1 is the shift's path. */
export const SHIFT_START = /^(groups\.[^.]+\.shifts\.\d+)\.start$/;

/**
 * The overrides that go with setting the shift at `shift` (a dot path) to start at `start`: its end
 * and each break's start, moved by as much as the start (`read` gives the scenario's value at a
 * dot path). {} when the shift has no start and end as text, or `start` is not a clock time.
 */
export function shiftMoveOverrides(shift: string, start: unknown, read: (path: string) => unknown): Record<string, unknown> {
  const from = read(`${shift}.start`);
  const end = read(`${shift}.end`);
  const breaks = read(`${shift}.breaks`);
  if (typeof from !== 'string' || typeof end !== 'string' || typeof start !== 'string' || !/^\d\d:\d\d$/.test(start)) return {};
  const offset = hhmmSec(start) - hhmmSec(from);
  const out: Record<string, unknown> = { [`${shift}.end`]: hhmmText(hhmmSec(end) + offset, true) };
  if (Array.isArray(breaks)) {
    breaks.forEach((b, j) => {
      const at = (b as { start?: unknown } | null)?.start;
      if (typeof at === 'string') out[`${shift}.breaks.${j}.start`] = hhmmText(hhmmSec(at) + offset, false);
    });
  }
  return out;
}
