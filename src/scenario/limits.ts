/**
 * What one replication may ask for. Values beyond these are refused up front, naming the limit
 * (never clamped). They keep a run inside this machine class's memory and a sane wall time:
 * at ~1.5 M contacts/s a replication at the arrival limit takes about five minutes.
 */
export const LIMITS = {
  /** Simulated time, days (ten years). */
  horizonDays: 3650,
  /** Arrival rate, contacts per hour. */
  ratePerHour: 1_000_000,
  /** Agents staffed at once. */
  agents: 100_000,
  /** Expected contacts offered in one replication (rate × horizon). */
  contactsPerReplication: 500_000_000,
  /** Expected contacts waiting at once when the queue grows without bound (no patience, load ≥ agents). */
  queuedContacts: 20_000_000,
  /** Mean handle time or patience, seconds (a week). */
  durationSec: 7 * 86_400,
  /** Coefficient of variation of a distribution. */
  cv: 20,
  /**
   * Customer ids in one replication: the initial base, every paid acquisition and the referral
   * reserve over the horizon — what the typed arrays of the base can index. Whether this machine
   * has the memory for them (20 bytes an id per replication in flight) is checked before a run
   * starts, against the machine (experiment/resources.ts).
   */
  customers: 1_000_000_000,
  /** Issues per customer per month. */
  issuesPerCustomerMonth: 100,
  /** Replications in one run. */
  replications: 100_000,
  /** Values of one numeric decision variable of `optimize.vary` ({ min, max, step }). */
  optimizeValues: 100_000,
  /** Worker threads. */
  workers: 256,
  /** Items of a list in a scenario (policies, groups, reasons, shifts, breaks) and keys of a policy's `set`. */
  listItems: 1000,
} as const;
