/**
 * Streaming mean and variance by Welford's update (Welford 1962, "Note on a method for
 * calculating corrected sums of squares and products", Technometrics 4(3)); numerically stable
 * where the textbook sum-of-squares formula cancels catastrophically.
 */
export class RunningStats {
  count = 0;
  mean = 0;
  private m2 = 0;

  add(x: number): void {
    this.count++;
    const d = x - this.mean;
    this.mean += d / this.count;
    this.m2 += d * (x - this.mean);
  }

  /** Unbiased sample variance (n − 1 in the denominator); 0 for fewer than two values. */
  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : 0;
  }
}
