/**
 * Event kinds of the contact-center model and their same-instant ranks.
 *
 * When several events fall on the same instant they run in rank order, lowest first, and in
 * scheduling order within a rank (engine/calendar.ts). The table is the one place that decides
 * it, as simmer's `PRIORITY_RELEASE` before `PRIORITY_SEIZE`:
 *
 * | rank | kind       | why here                                                                  |
 * |------|------------|---------------------------------------------------------------------------|
 * | 0    | COMPLETION | free capacity first: an agent finishing at t can take a caller whose      |
 * |      |            | patience also ends at t (a wait equal to the patience is served)          |
 * | 1    | STAFFING   | then agents coming on shift (capacity) or leaving                         |
 * | 2    | ABANDON    | then callers whose patience has run out leave                             |
 * | 3    | ARRIVAL    | then new contacts see the queue as it stands after the above;             |
 * |      | FOLLOW_UP  | repeats and retrials are arrivals too, at the same rank                   |
 * | 4    | HORIZON    | last: the snapshot at the horizon sees every event of that instant        |
 */
export const COMPLETION = 0;
export const STAFFING = 1;
export const ABANDON = 2;
export const ARRIVAL = 3;
export const FOLLOW_UP = 4;
export const HORIZON = 5;

/** Rank of each kind, indexed by kind. */
export const RANK_OF_KIND: readonly number[] = [0, 1, 2, 3, 3, 4];
