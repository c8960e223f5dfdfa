/**
 * The time integral of a piecewise-constant level (busy agents, queue length) over a window
 * [from, to]: the area is accumulated only for the part of each step inside the window, so a
 * warm-up is excluded without any event at its boundary.
 */
export class LevelIntegral {
  level = 0;
  area = 0;
  private last: number;

  constructor(
    from: number,
    private readonly to: number,
  ) {
    this.last = from;
  }

  /** Records that the level changes by `delta` at time `now` (times never decrease). */
  change(now: number, delta: number): void {
    if (now > this.last) {
      const end = now < this.to ? now : this.to;
      if (end > this.last) this.area += this.level * (end - this.last);
      this.last = now;
    }
    this.level += delta;
  }

  /** Area over the whole window, once the clock has passed `to`. */
  close(): number {
    this.change(this.to, 0);
    return this.area;
  }
}
