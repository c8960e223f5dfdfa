import { idSlots, SECONDS_PER_MONTH, type ModelConfig } from '../model/config.js';
import { CUSTOMER_BYTES } from '../model/customer-base.js';
import { profileRate } from '../model/demand.js';
import { NF } from '../model/facts.js';

/**
 * What a run will need, known before it starts: contacts, customers, memory and a rough time.
 * The memory is an estimate of the largest parts — the customer base of each replication in
 * flight (CUSTOMER_BYTES an id), the fact rows every finished replication keeps until the
 * summary (model/facts.ts: NF facts and four agent figures per group an interval), the contacts in
 * flight — over a fixed allowance for the process itself. The CLI compares it with the machine's
 * memory and refuses a run that cannot fit, naming the estimate, instead of failing hours in.
 */
export interface ResourceEstimate {
  /** Expected contacts offered per replication (an upper bound with customers). */
  contactsPerReplication: number;
  /** Customer ids the layout reserves per replication (0 without customers). */
  customers: number;
  /** Peak memory, bytes. */
  memoryBytes: number;
  /** Rough wall time, seconds, at THROUGHPUT contacts a second per worker. */
  seconds: number;
}

/** Memory of the process itself (Node, the modules, the scenario), bytes. */
const BASE_BYTES = 200e6;
/** Bytes a contact in flight keeps (its slot in the contact store, its events). */
const CONTACT_BYTES = 200;
/** Contacts a second one worker simulates (bench: whole-process 1.5 M/s on the canonical case; the operations model is slower). */
const THROUGHPUT = 1e6;

/** Customer ids a configuration's lifecycle reserves (the layout of model/customer-base.ts). */
export function customerIds(config: ModelConfig): number {
  const c = config.customers;
  if (c === null) return 0;
  return idSlots({
    initial: c.initial,
    perMonth: c.acquisitionPerMonth,
    months: Math.ceil(config.horizonSec / SECONDS_PER_MONTH),
    issuesPerMonth: c.issueRatePerSec * SECONDS_PER_MONTH,
    onboardingMultiplier: c.onboardingMultiplier,
    referralsPerSatisfiedContact: c.wordOfMouth ? c.wordOfMouth.tellsSatisfied * c.wordOfMouth.convertProb : 0,
  });
}

/** Expected fresh contacts of one replication: the profile's integral, or with customers every id raising issues all the time (a bound). */
export function expectedContacts(config: ModelConfig): number {
  const d = config.demand;
  const c = config.customers;
  if (c !== null) return customerIds(config) * c.issueRatePerSec * Math.max(1, c.onboardingMultiplier) * config.horizonSec;
  const buckets = Math.ceil(config.horizonSec / d.intervalSec);
  // Whole weeks and months repeat: sample the profile's mean over at most a year of intervals.
  const sample = Math.min(buckets, Math.ceil((366 * 86_400) / d.intervalSec));
  let sum = 0;
  for (let k = 0; k < sample; k++) sum += profileRate(d, k);
  return (sum / sample) * config.horizonSec;
}

export function estimateResources(config: ModelConfig, replications: number, workers: number): ResourceEstimate {
  const contacts = expectedContacts(config);
  const customers = customerIds(config);
  const buckets = Math.ceil(config.horizonSec / config.demand.intervalSec);
  const factBytes = buckets * (NF + 4 * config.groups.length) * 8;
  const meanHandle = config.reasons.reduce((s, r) => s + r.share * r.handleTime.mean, 0);
  const inFlight = (contacts / config.horizonSec) * meanHandle * 4 + 1024;
  const concurrent = Math.max(1, Math.min(workers, replications));
  const perReplication = customers * CUSTOMER_BYTES + inFlight * CONTACT_BYTES + factBytes;
  const memoryBytes = BASE_BYTES + concurrent * perReplication + replications * factBytes;
  const seconds = (contacts * replications) / (THROUGHPUT * concurrent);
  return { contactsPerReplication: contacts, customers, memoryBytes, seconds };
}
