import type { ModelConfig } from './config.js';
import { WAITING, type ContactStore } from './contacts.js';
import { FifoQueue } from './queue.js';

/**
 * Queues and routing. Waiting contacts sit in FIFO queue *classes*:
 * - one per (reason, channel, first-or-repeat), served by the reason's groups;
 * - one per (group, channel) for contacts escalated to that group.
 *
 * When a group has free capacity it takes the head of the best class it may serve: real-time
 * (voice, chat) before email, then by the discipline's priority, then the earliest enqueued —
 * so with one class and FCFS this is exactly first come, first served.
 * Priorities: `severity` ranks by the reason's severity; `repeat-first` puts repeat contacts
 * first; escalated contacts go before new ones under every discipline (a warm transfer).
 *
 * Capacity is counted in *units*: an agent is U units, where U is the chat concurrency (1
 * without chat); a chat takes 1 unit, a voice call or an email U. Units are pooled within a
 * group — a voice call can start whenever U units are free, as if agents rebalanced their
 * chats instantly (a fluid approximation of chat blending, stated as such).
 */
export class Routing {
  readonly classCount: number;
  readonly queues: FifoQueue[];
  /** Contacts waiting per class (abandoned ones excluded). */
  readonly waiting: Int32Array;
  readonly classUnits: Int32Array;
  readonly classKey: Float64Array;
  /** Classes each group may serve. */
  readonly groupClasses: Int32Array[];
  readonly unitsPerAgent: number;
  readonly channelUnits: Int32Array;
  private readonly channels: number;
  private readonly R: number;

  constructor(config: ModelConfig) {
    const C = config.channels.length;
    const R = config.reasons.length;
    const G = config.groups.length;
    this.channels = C;
    this.R = R;
    const chat = config.channels.find((c) => c.kind === 'chat');
    this.unitsPerAgent = chat ? chat.concurrency : 1;
    this.channelUnits = Int32Array.from(config.channels, (c) => (c.kind === 'chat' ? 1 : this.unitsPerAgent));
    this.classCount = R * C * 2 + G * C;
    this.queues = Array.from({ length: this.classCount }, () => new FifoQueue(64));
    this.waiting = new Int32Array(this.classCount);
    this.classUnits = new Int32Array(this.classCount);
    this.classKey = new Float64Array(this.classCount);
    const served: number[][] = Array.from({ length: G }, () => []);
    const key = (channel: number, priority: number) => (config.channels[channel]!.kind === 'email' ? 0 : 1000) + priority;
    config.reasons.forEach((reason, r) => {
      for (let ch = 0; ch < C; ch++) {
        for (const repeat of [0, 1]) {
          const cls = this.reasonClass(r, ch, repeat === 1);
          this.classUnits[cls] = this.channelUnits[ch]!;
          const priority = config.discipline === 'severity' ? reason.severity * 10 : config.discipline === 'repeat-first' ? repeat * 10 : 0;
          this.classKey[cls] = key(ch, priority);
          for (const g of reason.groups) served[g]!.push(cls);
        }
      }
    });
    for (let g = 0; g < G; g++) {
      for (let ch = 0; ch < C; ch++) {
        const cls = this.escalationClass(g, ch);
        this.classUnits[cls] = this.channelUnits[ch]!;
        this.classKey[cls] = key(ch, 100);
        served[g]!.push(cls);
      }
    }
    this.groupClasses = served.map((list) => Int32Array.from(list));
  }

  reasonClass(reason: number, channel: number, repeat: boolean): number {
    return (reason * this.channels + channel) * 2 + (repeat ? 1 : 0);
  }

  escalationClass(group: number, channel: number): number {
    return this.R * this.channels * 2 + group * this.channels + channel;
  }

  enqueue(contacts: ContactStore, id: number, cls: number, now: number): void {
    contacts.state[id] = WAITING;
    contacts.cls[id] = cls;
    contacts.enqueueSec[id] = now;
    contacts.ref(id);
    this.queues[cls]!.push(id);
    this.waiting[cls]!++;
  }

  /**
   * Removes and returns the best waiting contact group `g` can start with `free` units, or −1.
   * Abandoned contacts met at a queue's head are dropped on the way (lazy removal). The
   * returned contact keeps its queue reference, which becomes its service's.
   */
  take(contacts: ContactStore, g: number, free: number): number {
    const classes = this.groupClasses[g]!;
    let best = -1;
    let bestKey = -1;
    let bestTime = Infinity;
    for (let i = 0; i < classes.length; i++) {
      const cls = classes[i]!;
      if (this.waiting[cls] === 0 || this.classUnits[cls]! > free) continue;
      const head = this.head(contacts, cls);
      const k = this.classKey[cls]!;
      const t = contacts.enqueueSec[head]!;
      if (k > bestKey || (k === bestKey && t < bestTime)) {
        best = cls;
        bestKey = k;
        bestTime = t;
      }
    }
    if (best < 0) return -1;
    this.waiting[best]!--;
    return this.queues[best]!.shift();
  }

  /** The first contact still waiting in `cls` (the class must have one). */
  private head(contacts: ContactStore, cls: number): number {
    const q = this.queues[cls]!;
    for (;;) {
      const id = q.peek();
      if (contacts.state[id] === WAITING) return id;
      q.shift();
      contacts.unref(id);
    }
  }
}
