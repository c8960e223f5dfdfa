/**
 * A first-come-first-served queue of contact slots: a growable ring buffer of int32.
 * Abandoned contacts stay in the ring and are skipped by the consumer (lazy removal), so the
 * ring's `length` may exceed the number of contacts actually waiting.
 */
export class FifoQueue {
  private ring: Int32Array;
  private head = 0;
  length = 0;

  constructor(capacity = 1024) {
    this.ring = new Int32Array(2 ** Math.ceil(Math.log2(Math.max(16, capacity))));
  }

  push(id: number): void {
    if (this.length === this.ring.length) this.grow();
    this.ring[(this.head + this.length++) & (this.ring.length - 1)] = id;
  }

  /** The oldest entry, left in place; the queue must not be empty. */
  peek(): number {
    return this.ring[this.head]!;
  }

  /** Removes and returns the oldest entry; the queue must not be empty. */
  shift(): number {
    const id = this.ring[this.head]!;
    this.head = (this.head + 1) & (this.ring.length - 1);
    this.length--;
    return id;
  }

  private grow(): void {
    const n = this.ring.length * 2;
    const next = new Int32Array(n);
    for (let i = 0; i < this.length; i++) next[i] = this.ring[(this.head + i) & (this.ring.length - 1)]!;
    this.ring = next;
    this.head = 0;
  }
}
