/**
 * Contacts in flight, as parallel typed arrays indexed by a recycled integer slot.
 *
 * A slot is referenced by the queue (until dequeued), by its patience timer (until it fires)
 * and by its service completion (until it fires); it returns to the free list when the last
 * reference is dropped. So memory follows the number of contacts in the system, not the
 * horizon. Cancelled timers are left in the calendar and recognised by the contact's state.
 */
export const WAITING = 1;
export const IN_SERVICE = 2;
export const ABANDONED = 3;

export class ContactStore {
  arrivalSec: Float64Array;
  handleSec: Float64Array;
  state: Uint8Array;
  private refs: Uint8Array;
  private free: Int32Array;
  private freeCount = 0;
  private used = 0;

  constructor(capacity = 1024) {
    this.arrivalSec = new Float64Array(capacity);
    this.handleSec = new Float64Array(capacity);
    this.state = new Uint8Array(capacity);
    this.refs = new Uint8Array(capacity);
    this.free = new Int32Array(capacity);
  }

  /** Slots ever allocated (the high-water mark of contacts in flight). */
  get highWater(): number {
    return this.used;
  }

  /** A fresh slot with no references. */
  alloc(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    if (this.used === this.state.length) this.grow();
    return this.used++;
  }

  ref(id: number): void {
    this.refs[id]!++;
  }

  unref(id: number): void {
    if (--this.refs[id]! === 0) {
      this.state[id] = 0;
      this.free[this.freeCount++] = id;
    }
  }

  private grow(): void {
    const n = this.state.length * 2;
    const f64 = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    const u8 = (a: Uint8Array) => { const b = new Uint8Array(n); b.set(a); return b; };
    this.arrivalSec = f64(this.arrivalSec);
    this.handleSec = f64(this.handleSec);
    this.state = u8(this.state);
    this.refs = u8(this.refs);
    const free = new Int32Array(n);
    free.set(this.free);
    this.free = free;
  }
}
