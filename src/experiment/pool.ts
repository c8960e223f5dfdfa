import { Piscina } from 'piscina';
import type { ReplicationResult } from '../model/result.js';
import runTask, { type ReplicationTask } from './worker.js';

/** Runs replication tasks, in this thread or on a worker-thread pool (piscina). */
export interface Runner {
  run(task: ReplicationTask): Promise<ReplicationResult>;
  close(): Promise<void>;
}

/**
 * In this thread: no start-up cost; the right choice for one worker or one replication. Each
 * task waits for its own turn of the event loop (setImmediate), so that when many are queued at
 * once the callbacks of a finished one — progress, a sweep point's saved state — run before the
 * next starts instead of all at the very end.
 */
export function inlineRunner(): Runner {
  return {
    run: (task) => new Promise((resolve, reject) => setImmediate(() => {
      try {
        resolve(runTask(task));
      } catch (e) {
        reject(e);
      }
    })),
    close: async () => {},
  };
}

/** Young-generation size for worker threads, MB (three 32 MB semi-spaces' worth). */
const YOUNG_GENERATION_MB = 96;

/**
 * A pool of `workers` threads kept alive across tasks (start-up costs 0.2–1.4 s). Under tsx or
 * vitest the worker is the TypeScript file and needs tsx's loader passed on explicitly.
 */
export function poolRunner(workers: number): Runner {
  const isTs = import.meta.url.endsWith('.ts');
  const pool = new Piscina<ReplicationTask, ReplicationResult>({
    filename: new URL(isTs ? './worker.ts' : './worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    execArgv: isTs && !process.execArgv.some((a) => a.includes('tsx')) ? [...process.execArgv, '--import', 'tsx'] : undefined,
    // A larger young generation: a replication allocates little per event but much in total,
    // and scavenges of a small new space cost ~10% of a run (see the CLI's YOUNG_GENERATION note).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return { run: (task) => pool.run(task), close: () => pool.destroy() };
}

export function createRunner(workers: number, tasks: number): Runner {
  return workers > 1 && tasks > 1 ? poolRunner(Math.min(workers, tasks)) : inlineRunner();
}
