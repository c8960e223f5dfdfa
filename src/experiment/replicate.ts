import type { ModelConfig } from '../model/config.js';
import { simulateReplication, type ContactSink } from '../model/contact-center.js';
import type { ReplicationResult } from '../model/result.js';
import { createRunner, type Runner } from './pool.js';

/**
 * Runs replications `from` … `to`−1 of one configuration on `runner` and returns them in
 * replication order, whichever finishes first; `onEach` is called as each one finishes.
 * Replication r depends only on (config, seed, r), so running 0 … 9 at once or 0 … 4 then
 * 5 … 9 gives the same results: that is what lets `--reps auto` add replications in batches.
 */
export function replicateRange(runner: Runner, config: ModelConfig, seed: number, from: number, to: number, onEach?: () => void): Promise<ReplicationResult[]> {
  return Promise.all(
    Array.from({ length: to - from }, (_, i) =>
      runner.run({ config, seed, replication: from + i }).then((result) => {
        onEach?.();
        return result;
      }),
    ),
  );
}

/** How a scenario is run — kept apart from what is simulated (the scenario). */
export interface RunOptions {
  replications: number;
  seed: number;
  workers: number;
  /** Called after each finished replication, for progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Receives every contact of replication 0 as it ends (the call log); that replication then runs in this thread. */
  onContact?: ContactSink;
}

/**
 * Runs replications 0 … n−1 of one configuration. Replication r draws every stream from
 * (seed, r, name), so the results depend on neither the worker count nor the order in which
 * workers finish; they are returned in replication order.
 */
export async function replicate(config: ModelConfig, options: RunOptions, runner?: Runner): Promise<ReplicationResult[]> {
  const own = runner ?? createRunner(options.workers, options.replications);
  let done = 0;
  const tick = () => options.onProgress?.(++done, options.replications);
  try {
    if (options.onContact === undefined) return await replicateRange(own, config, options.seed, 0, options.replications, tick);
    // The log's replication runs here (its sink cannot cross threads) while the pool runs the rest.
    const rest = replicateRange(own, config, options.seed, 1, options.replications, tick);
    const first = simulateReplication(config, options.seed, 0, options.onContact);
    tick();
    return [first, ...(await rest)];
  } finally {
    if (!runner) await own.close();
  }
}
