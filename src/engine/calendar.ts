/**
 * The future-event list: a binary min-heap over parallel typed arrays, ordered by
 * (time, rank, seq).
 *
 * - `time` is simulated seconds.
 * - `rank` is the model's same-instant priority for the event's kind (a table given once
 *   at construction, like simmer's `PRIORITY_*` constants): lower ranks run first at equal times.
 * - `seq` is the scheduling order, so ties left after the rank are broken by "first scheduled,
 *   first run" (SimPy's event counter) and never by chance or object identity.
 *
 * Rank and seq are packed into one float, `tie = rank · 2^44 + seq`, so a comparison is two
 * float compares. That leaves 2^44 ≈ 1.7e13 events per run and ranks below 2^9.
 *
 * No object is allocated per event: an event is (kind, data), two small integers the model
 * interprets. `pop()` leaves the popped event in `now`, `kind` and `data`.
 *
 * Lanes: a source that always has exactly one pending event (an arrival process) can live
 * outside the heap in a lane. `pop()` merges the lanes with the heap's minimum under the same
 * (time, rank, seq) order, so results are identical to scheduling through the heap, and the
 * heap does less work (measured in TOOLCHAIN.md: +45–55% calls/s).
 *
 * Cancellation is lazy: the model marks an event stale in its own state (for example a
 * patience timer of a contact already answered) and ignores it when it pops.
 */

import { resized } from './typed-array.js';

const SEQ_SPAN = 2 ** 44;
const MAX_RANK = 2 ** 9 - 1;

export class Calendar {
  /** Time of the last popped event (the simulation clock). */
  now = 0;
  /** Kind of the last popped event. */
  kind = -1;
  /** Data of the last popped event. */
  data = 0;
  /** Events popped so far, lanes included. */
  popped = 0;

  private times: Float64Array;
  private ties: Float64Array;
  private kinds: Int32Array;
  private datas: Int32Array;
  private count = 0;
  private seq = 0;
  private readonly rankTies: Float64Array;

  private laneTimes = new Float64Array(0);
  private laneTies = new Float64Array(0);
  private laneKinds = new Int32Array(0);
  private laneDatas = new Int32Array(0);
  private laneCount = 0;

  /** @param rankOfKind the same-instant rank of every event kind, indexed by kind. */
  constructor(rankOfKind: readonly number[], initialCapacity = 1024) {
    this.rankTies = new Float64Array(rankOfKind.length);
    rankOfKind.forEach((rank, kind) => {
      if (!Number.isInteger(rank) || rank < 0 || rank > MAX_RANK) {
        throw new RangeError(`rank of event kind ${kind} must be an integer in 0..${MAX_RANK}, got ${rank}`);
      }
      this.rankTies[kind] = rank * SEQ_SPAN;
    });
    const capacity = Math.max(16, initialCapacity);
    this.times = new Float64Array(capacity);
    this.ties = new Float64Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.datas = new Int32Array(capacity);
  }

  /** Number of pending events, lanes included. */
  get size(): number {
    let n = this.count;
    for (let l = 0; l < this.laneCount; l++) if (this.laneTimes[l]! !== Infinity) n++;
    return n;
  }

  /** Schedules event (kind, data) at `time`; `time` must not be before `now`. */
  schedule(time: number, kind: number, data: number): void {
    if (!(time >= this.now)) throw new RangeError(`cannot schedule at ${time}, before now (${this.now})`);
    if (this.count === this.times.length) this.grow();
    const tie = this.rankTies[kind]! + this.seq++;
    // Sift up from the new leaf, moving parents down into the hole.
    const times = this.times;
    const ties = this.ties;
    let i = this.count++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < time || (pt === time && ties[p]! < tie)) break;
      times[i] = pt;
      ties[i] = ties[p]!;
      this.kinds[i] = this.kinds[p]!;
      this.datas[i] = this.datas[p]!;
      i = p;
    }
    times[i] = time;
    ties[i] = tie;
    this.kinds[i] = kind;
    this.datas[i] = data;
  }

  /** Adds a lane for events of `kind` and returns its index; the lane starts empty. */
  addLane(kind: number): number {
    const l = this.laneCount++;
    this.laneTimes = resized(this.laneTimes, this.laneCount);
    this.laneTies = resized(this.laneTies, this.laneCount);
    this.laneKinds = resized(this.laneKinds, this.laneCount);
    this.laneDatas = resized(this.laneDatas, this.laneCount);
    this.laneTimes[l] = Infinity;
    this.laneKinds[l] = kind;
    return l;
  }

  /** Sets the lane's one pending event (replacing any); `Infinity` empties the lane. */
  setLane(lane: number, time: number, data = 0): void {
    if (!(time >= this.now)) throw new RangeError(`cannot schedule at ${time}, before now (${this.now})`);
    this.laneTimes[lane] = time;
    this.laneTies[lane] = this.rankTies[this.laneKinds[lane]!]! + this.seq++;
    this.laneDatas[lane] = data;
  }

  /** Time of the next event, or `Infinity` when none is pending. */
  peekTime(): number {
    let t = this.count > 0 ? this.times[0]! : Infinity;
    for (let l = 0; l < this.laneCount; l++) if (this.laneTimes[l]! < t) t = this.laneTimes[l]!;
    return t;
  }

  /**
   * Removes the next event and leaves it in `now`, `kind` and `data`.
   * Returns false (and changes nothing) when no event is pending.
   */
  pop(): boolean {
    let lane = -1;
    let t = this.count > 0 ? this.times[0]! : Infinity;
    let tie = this.count > 0 ? this.ties[0]! : Infinity;
    for (let l = 0; l < this.laneCount; l++) {
      const lt = this.laneTimes[l]!;
      if (lt < t || (lt === t && lt !== Infinity && this.laneTies[l]! < tie)) {
        lane = l;
        t = lt;
        tie = this.laneTies[l]!;
      }
    }
    if (t === Infinity) return false;
    this.popped++;
    this.now = t;
    if (lane >= 0) {
      this.kind = this.laneKinds[lane]!;
      this.data = this.laneDatas[lane]!;
      this.laneTimes[lane] = Infinity;
      return true;
    }
    this.kind = this.kinds[0]!;
    this.data = this.datas[0]!;
    this.removeTop();
    return true;
  }

  private removeTop(): void {
    const n = --this.count;
    if (n === 0) return;
    const times = this.times;
    const ties = this.ties;
    const kinds = this.kinds;
    const datas = this.datas;
    // Sift the last leaf down from the root.
    const time = times[n]!;
    const tie = ties[n]!;
    const kind = kinds[n]!;
    const data = datas[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (times[r]! < times[c]! || (times[r] === times[c] && ties[r]! < ties[c]!))) c = r;
      const ct = times[c]!;
      if (time < ct || (time === ct && tie < ties[c]!)) break;
      times[i] = ct;
      ties[i] = ties[c]!;
      kinds[i] = kinds[c]!;
      datas[i] = datas[c]!;
      i = c;
    }
    times[i] = time;
    ties[i] = tie;
    kinds[i] = kind;
    datas[i] = data;
  }

  private grow(): void {
    const n = this.times.length * 2;
    this.times = resized(this.times, n);
    this.ties = resized(this.ties, n);
    this.kinds = resized(this.kinds, n);
    this.datas = resized(this.datas, n);
  }
}
