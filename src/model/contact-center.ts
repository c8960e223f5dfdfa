import { Calendar } from '../engine/calendar.js';
import { simulate, type Dispatcher } from '../engine/simulator.js';
import { createStream, type Uniform } from '../engine/random/stream.js';
import { sampler, type Sampler } from '../engine/random/fromSpec.js';
import type { ModelConfig } from './config.js';
import { ABANDON, ARRIVAL, COMPLETION, HORIZON, RANK_OF_KIND } from './events.js';
import { ABANDONED, ContactStore, IN_SERVICE, WAITING } from './contacts.js';
import { FifoQueue } from './queue.js';
import { Observer, type QueueKpis } from './observer.js';
import { stationaryEconomics, type Economics } from './economics.js';

/** Counts that must balance at the horizon and at the end (conservation of contacts). */
export interface Conservation {
  /** Contacts offered before the horizon (warm-up included). */
  offered: number;
  /** Of those, by the horizon: service completed, abandoned, waiting, in service. */
  completedByHorizon: number;
  abandonedByHorizon: number;
  waitingAtHorizon: number;
  inServiceAtHorizon: number;
  /** After draining: answered and abandoned in all (they must add up to `offered`). */
  answeredTotal: number;
  abandonedTotal: number;
}

/** Everything one replication reports: numbers only, so it crosses worker threads as is. */
export interface ReplicationResult {
  replication: number;
  kpis: QueueKpis;
  economics: Economics;
  conservation: Conservation;
  /** Events processed, and the most contacts in flight at once (memory high-water mark). */
  events: number;
  contactSlots: number;
}

/**
 * One replication of the stationary contact center: Poisson arrivals, `agents` identical agents
 * around the clock, one FCFS queue, optional exponential/other patience.
 *
 * Randomness: one named stream per process — "arrivals", "handleTime", "patience" — derived from
 * (seed, replication, name). Handle time and patience are drawn for every contact at its
 * arrival, whether or not it waits, so the n-th contact has the same attributes under every
 * policy (common random numbers) and adding a process never shifts another's draws.
 */
export function simulateReplication(config: ModelConfig, seed: number, replication: number): ReplicationResult {
  const model = new StationaryModel(config, (name) => createStream(seed, replication, name));
  const events = model.run();
  return {
    replication,
    kpis: model.observer.kpis(config.agents),
    economics: stationaryEconomics(config.agents, config.horizonSec - config.warmupSec, config.economics),
    conservation: model.conservation(),
    events,
    contactSlots: model.contacts.highWater,
  };
}

class StationaryModel implements Dispatcher {
  readonly calendar = new Calendar(RANK_OF_KIND);
  readonly contacts = new ContactStore();
  readonly observer: Observer;
  private readonly queue = new FifoQueue();
  private readonly arrivalLane: number;
  private readonly interArrival: Sampler;
  private readonly handle: Sampler;
  private readonly patience: Sampler | null;
  private freeAgents: number;
  private waiting = 0;
  private offered = 0;
  private answeredTotal = 0;
  private abandonedTotal = 0;
  private completedTotal = 0;
  private snapshot: Pick<Conservation, 'completedByHorizon' | 'abandonedByHorizon' | 'waitingAtHorizon' | 'inServiceAtHorizon'> | null = null;

  constructor(
    private readonly config: ModelConfig,
    stream: (name: string) => Uniform,
  ) {
    this.observer = new Observer(config.warmupSec, config.horizonSec, config.slThresholdSec);
    this.interArrival = sampler({ dist: 'exponential', mean: 1 / config.arrivalRatePerSec }, stream('arrivals'));
    this.handle = sampler(config.handleTime, stream('handleTime'));
    this.patience = config.patience ? sampler(config.patience, stream('patience')) : null;
    this.freeAgents = config.agents;
    this.arrivalLane = this.calendar.addLane(ARRIVAL);
  }

  run(): number {
    const first = this.interArrival();
    if (first < this.config.horizonSec) this.calendar.setLane(this.arrivalLane, first);
    this.calendar.schedule(this.config.horizonSec, HORIZON, 0);
    return simulate(this.calendar, this);
  }

  dispatch(kind: number, data: number): void {
    switch (kind) {
      case ARRIVAL: return this.onArrival();
      case COMPLETION: return this.onCompletion(data);
      case ABANDON: return this.onAbandon(data);
      case HORIZON: return this.onHorizon();
    }
  }

  private onArrival(): void {
    const now = this.calendar.now;
    const contacts = this.contacts;
    const id = contacts.alloc();
    contacts.arrivalSec[id] = now;
    contacts.handleSec[id] = this.handle();
    const patience = this.patience === null ? Infinity : this.patience();
    this.offered++;
    this.observer.contactOffered(now);
    if (this.freeAgents > 0) {
      this.freeAgents--;
      this.observer.busy.change(now, 1);
      contacts.ref(id);
      this.answer(id, now);
    } else {
      contacts.state[id] = WAITING;
      contacts.ref(id);
      this.queue.push(id);
      this.waiting++;
      this.observer.queue.change(now, 1);
      if (patience !== Infinity) {
        contacts.ref(id);
        this.calendar.schedule(now + patience, ABANDON, id);
      }
    }
    const next = now + this.interArrival();
    if (next < this.config.horizonSec) this.calendar.setLane(this.arrivalLane, next);
  }

  /** Starts service; the caller has already given the contact one reference for it. */
  private answer(id: number, now: number): void {
    const contacts = this.contacts;
    const arrival = contacts.arrivalSec[id]!;
    const handle = contacts.handleSec[id]!;
    contacts.state[id] = IN_SERVICE;
    this.answeredTotal++;
    this.observer.contactAnswered(arrival, now - arrival, handle);
    this.calendar.schedule(now + handle, COMPLETION, id);
  }

  private onCompletion(id: number): void {
    const now = this.calendar.now;
    this.completedTotal++;
    this.contacts.unref(id);
    const next = this.nextWaiting();
    if (next >= 0) {
      this.waiting--;
      this.observer.queue.change(now, -1);
      this.answer(next, now);
    } else {
      this.freeAgents++;
      this.observer.busy.change(now, -1);
    }
  }

  /**
   * The oldest contact still waiting, or −1; abandoned contacts met on the way are dropped
   * from the ring. A returned contact keeps the queue's reference, which becomes its service's.
   */
  private nextWaiting(): number {
    const queue = this.queue;
    const contacts = this.contacts;
    while (queue.length > 0) {
      const id = queue.shift();
      if (contacts.state[id] === WAITING) return id;
      contacts.unref(id);
    }
    return -1;
  }

  private onAbandon(id: number): void {
    const contacts = this.contacts;
    if (contacts.state[id] === WAITING) {
      const now = this.calendar.now;
      contacts.state[id] = ABANDONED;
      this.waiting--;
      this.abandonedTotal++;
      this.observer.queue.change(now, -1);
      this.observer.contactAbandoned(contacts.arrivalSec[id]!, now - contacts.arrivalSec[id]!);
    }
    contacts.unref(id);
  }

  private onHorizon(): void {
    const busy = this.config.agents - this.freeAgents;
    this.snapshot = {
      completedByHorizon: this.completedTotal,
      abandonedByHorizon: this.abandonedTotal,
      waitingAtHorizon: this.waiting,
      inServiceAtHorizon: busy,
    };
  }

  conservation(): Conservation {
    if (!this.snapshot) throw new Error('conservation() called before the horizon was reached');
    return {
      offered: this.offered,
      ...this.snapshot,
      answeredTotal: this.answeredTotal,
      abandonedTotal: this.abandonedTotal,
    };
  }
}
