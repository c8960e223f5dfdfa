/**
 * A minimal reference loop of the canonical M/M/c+M model, written independently of src/: the
 * yardstick ccsim's throughput is compared with (bench/run.ts). Nothing but the model:
 *
 * - Future events: a binary min-heap over parallel typed arrays (Float64Array times and
 *   sequence numbers, Int32Array kinds and ids), ordered by (time, seq); seq is the scheduling
 *   order, so ties are broken first-scheduled-first-run.
 * - The next arrival is a scalar kept outside the heap and merged with the heap's minimum
 *   (arrivals lose ties, as in ccsim's rank table).
 * - FCFS queue: a ring buffer addressed by absolute enqueue position (slot = pos & mask); a
 *   patience timer carries its contact's position. Cancellation is lazy: a timer whose contact
 *   is already dequeued (pos < head) or gone is ignored when it pops; abandoned contacts stay in
 *   the ring, flagged, until the head passes them.
 * - Randomness: seedrandom `alea`, one stream per process (arrivals, handle time, patience);
 *   handle time and patience are drawn for every contact at its arrival, as ccsim does.
 * - Counts only: arrivals, answered, abandoned, events. Runs until the horizon, then drains.
 */
import seedrandom from 'seedrandom';

export interface ReferenceParams {
  ratePerSec: number;
  handleMeanSec: number;
  patienceMeanSec: number;
  agents: number;
  horizonSec: number;
  seed: string;
}

export interface ReferenceResult {
  arrivals: number;
  answered: number;
  abandoned: number;
  /** Arrivals plus every popped heap event (stale patience timers included). */
  events: number;
  /** Most events pending in the heap at once. */
  heapHighWater: number;
}

const COMPLETION = 0;
const ABANDON = 1;

class EventHeap {
  times: Float64Array;
  seqs: Float64Array;
  kinds: Int32Array;
  ids: Int32Array;
  size = 0;
  highWater = 0;
  private seq = 0;

  constructor(capacity: number) {
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  push(time: number, kind: number, id: number): void {
    if (this.size === this.times.length) this.grow();
    const seq = this.seq++;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const ids = this.ids;
    let i = this.size++;
    if (this.size > this.highWater) this.highWater = this.size;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < time || (pt === time && seqs[p]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      kinds[i] = kinds[p]!;
      ids[i] = ids[p]!;
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    kinds[i] = kind;
    ids[i] = id;
  }

  /** Removes the minimum (read it from index 0 first); the heap must not be empty. */
  removeTop(): void {
    const n = --this.size;
    if (n === 0) return;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const ids = this.ids;
    const time = times[n]!;
    const seq = seqs[n]!;
    const kind = kinds[n]!;
    const id = ids[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      let ct = times[c]!;
      if (r < n) {
        const rt = times[r]!;
        if (rt < ct || (rt === ct && seqs[r]! < seqs[c]!)) {
          c = r;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && seq < seqs[c]!)) break;
      times[i] = ct;
      seqs[i] = seqs[c]!;
      kinds[i] = kinds[c]!;
      ids[i] = ids[c]!;
      i = c;
    }
    times[i] = time;
    seqs[i] = seq;
    kinds[i] = kind;
    ids[i] = id;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const f = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    const g = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    this.times = f(this.times);
    this.seqs = f(this.seqs);
    this.kinds = g(this.kinds);
    this.ids = g(this.ids);
  }
}

/** FCFS ring of waiting contacts, addressed by absolute position; `gone` flags abandoners. */
class WaitRing {
  handle: Float64Array;
  gone: Uint8Array;
  mask: number;
  head = 0;
  tail = 0;

  constructor(capacity: number) {
    this.handle = new Float64Array(capacity);
    this.gone = new Uint8Array(capacity);
    this.mask = capacity - 1;
  }

  push(handleSec: number): number {
    if (this.tail - this.head > this.mask) this.grow();
    const pos = this.tail++;
    const s = pos & this.mask;
    this.handle[s] = handleSec;
    this.gone[s] = 0;
    return pos;
  }

  private grow(): void {
    const n = (this.mask + 1) * 2;
    const handle = new Float64Array(n);
    const gone = new Uint8Array(n);
    for (let pos = this.head; pos < this.tail; pos++) {
      handle[pos & (n - 1)] = this.handle[pos & this.mask]!;
      gone[pos & (n - 1)] = this.gone[pos & this.mask]!;
    }
    this.handle = handle;
    this.gone = gone;
    this.mask = n - 1;
  }
}

export function runReference(p: ReferenceParams): ReferenceResult {
  const uArrival = seedrandom.alea(`${p.seed}/arrivals`);
  const uHandle = seedrandom.alea(`${p.seed}/handleTime`);
  const uPatience = seedrandom.alea(`${p.seed}/patience`);
  const meanGap = 1 / p.ratePerSec;
  const meanHandle = p.handleMeanSec;
  const meanPatience = p.patienceMeanSec;
  const horizon = p.horizonSec;

  const heap = new EventHeap(1024);
  const ring = new WaitRing(1024);
  let free = p.agents;
  let arrivals = 0;
  let answered = 0;
  let abandoned = 0;
  let popped = 0;

  let nextArrival = -meanGap * Math.log(1 - uArrival());
  if (!(nextArrival < horizon)) nextArrival = Infinity;

  for (;;) {
    const top = heap.size > 0 ? heap.times[0]! : Infinity;
    if (nextArrival < top) {
      // Arrival.
      const now = nextArrival;
      arrivals++;
      const handle = -meanHandle * Math.log(1 - uHandle());
      const patience = -meanPatience * Math.log(1 - uPatience());
      if (free > 0) {
        free--;
        answered++;
        heap.push(now + handle, COMPLETION, 0);
      } else {
        heap.push(now + patience, ABANDON, ring.push(handle));
      }
      nextArrival = now + -meanGap * Math.log(1 - uArrival());
      if (!(nextArrival < horizon)) nextArrival = Infinity;
      continue;
    }
    if (top === Infinity) break;
    const now = top;
    const kind = heap.kinds[0]!;
    const id = heap.ids[0]!;
    heap.removeTop();
    popped++;
    if (kind === COMPLETION) {
      // Skip abandoners at the head, then serve the oldest waiting contact, if any.
      while (ring.head < ring.tail && ring.gone[ring.head & ring.mask] === 1) ring.head++;
      if (ring.head < ring.tail) {
        const handle = ring.handle[ring.head & ring.mask]!;
        ring.head++;
        answered++;
        heap.push(now + handle, COMPLETION, 0);
      } else {
        free++;
      }
    } else if (id >= ring.head) {
      // Patience ran out: still waiting unless already marked (ids in the ring are unique).
      const s = id & ring.mask;
      if (ring.gone[s] === 0) {
        ring.gone[s] = 1;
        abandoned++;
      }
    }
  }
  return { arrivals, answered, abandoned, events: arrivals + popped, heapHighWater: heap.highWater };
}
