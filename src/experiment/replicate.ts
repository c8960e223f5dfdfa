import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/contact-center.js';
import { createRunner, type Runner } from './pool.js';

/** How a scenario is run — kept apart from what is simulated (the scenario). */
export interface RunOptions {
  replications: number;
  seed: number;
  workers: number;
  /** Called after each finished replication, for progress display. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs replications 0 … n−1 of one configuration. Replication r draws every stream from
 * (seed, r, name), so the results depend on neither the worker count nor the order in which
 * workers finish; they are returned in replication order.
 */
export async function replicate(config: ModelConfig, options: RunOptions, runner?: Runner): Promise<ReplicationResult[]> {
  const own = runner ?? createRunner(options.workers, options.replications);
  let done = 0;
  try {
    return await Promise.all(
      Array.from({ length: options.replications }, (_, replication) =>
        own.run({ config, seed: options.seed, replication }).then((result) => {
          options.onProgress?.(++done, options.replications);
          return result;
        }),
      ),
    );
  } finally {
    if (!runner) await own.close();
  }
}
