/**
 * A progress bar on stderr (cli-progress) for replications and sweep points, with an ETA —
 * only when stderr is a terminal, so logs and pipes get nothing. stdout is never touched.
 */
export interface Progress {
  /** `done` of `total` finished; the total may grow (`--reps auto`). */
  tick(done: number, total: number): void;
  /** Ends the bar (leaves it on screen, restores the cursor); safe to call twice. */
  stop(): void;
}

const SILENT: Progress = { tick: () => {}, stop: () => {} };

export async function progress(label: string): Promise<Progress> {
  if (!process.stderr.isTTY) return SILENT;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} {bar} {value}/{total} | {percentage}% | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    tick(done, total) {
      if (!running) {
        bar.start(total, 0);
        running = true;
      }
      if (bar.getTotal() !== total) bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
