/**
 * The time integral of a piecewise-constant level (agents logged in beyond the schedule, contacts
 * waiting) over a window [from, to), both in all and per bucket of `bucketSec` — each bucket
 * holding the window's part of it, so the buckets add up to the window's integral.
 */
export class BucketedLevel {
  level = 0;
  windowArea = 0;
  readonly buckets: Float64Array;
  private last = 0;
  private readonly perBucket: number;

  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly bucketSec: number,
    bucketCount: number,
  ) {
    this.buckets = new Float64Array(bucketCount);
    this.perBucket = 1 / bucketSec;
  }

  /** Sets the level to `level` at time `now` (times never decrease). */
  set(now: number, level: number): void {
    const last = this.last;
    // Fast path: both ends in one bucket inside the window (most changes of a busy level).
    if (this.level !== 0 && now > last && last >= this.from && now <= this.to) {
      const k = Math.floor(last * this.perBucket);
      if (now <= (k + 1) * this.bucketSec && k < this.buckets.length) {
        const area = this.level * (now - last);
        this.windowArea += area;
        this.buckets[k]! += area;
        this.last = now;
        this.level = level;
        return;
      }
    }
    if (this.level !== 0 && now > last) {
      const lo = last > this.from ? last : this.from;
      const hi = now < this.to ? now : this.to;
      if (hi > lo) {
        this.windowArea += this.level * (hi - lo);
        const w = this.bucketSec;
        const out = this.buckets;
        for (let k = Math.floor(lo / w); k < out.length && k * w < hi; k++) {
          const x = Math.max(lo, k * w);
          const y = Math.min(hi, (k + 1) * w);
          if (y > x) out[k]! += this.level * (y - x);
        }
      }
    }
    if (now > last) this.last = now;
    this.level = level;
  }

  /** Closes the accounting at `now` (≥ every earlier time) and returns the window area. */
  close(now: number): number {
    this.set(now, this.level);
    return this.windowArea;
  }
}
