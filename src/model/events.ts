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
 * | 3    | LIFECYCLE  | customers churn, are acquired or leave onboarding, so a contact arriving  |
 * |      |            | at a month boundary is raised by the base as it stands after the change   |
 * | 4    | ARRIVAL    | then new contacts see the queue as it stands after the above;             |
 * |      | FOLLOW_UP  | repeats and retrials are arrivals too, at the same rank, and so are       |
 * |      | CALLBACK_DUE | callbacks promised for the next open period joining the queue           |
 * | 5    | HORIZON    | last: the snapshot at the horizon sees every event of that instant        |
 *
 * LIFECYCLE only exists when the scenario has customers; inserting its rank kept the relative
 * order of the other kinds, so runs without customers are unchanged.
 */
export const COMPLETION = 0;
export const STAFFING = 1;
export const ABANDON = 2;
export const ARRIVAL = 3;
export const FOLLOW_UP = 4;
export const HORIZON = 5;
/** A customer-base change (model/customer-side.ts encodes its data). */
export const LIFECYCLE = 6;
/** A callback promised for the next open period joins the queue; data: the contact. */
export const CALLBACK_DUE = 7;

/** Rank of each kind, indexed by kind. */
export const RANK_OF_KIND: readonly number[] = [0, 1, 2, 4, 4, 5, 3, 4];
