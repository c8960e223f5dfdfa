/**
 * What SIGINT (Ctrl-C), SIGTERM and SIGHUP do while ccsim holds an output directory: the
 * registered cleanups run (remove the staging directory, release the lock) and the process exits
 * with the conventional code 128 + the signal's number (130, 143, 129).
 *
 * Node runs a signal's handler only between turns of the event loop, never in the middle of
 * synchronous code. The swap of an output directory (output-dir.ts) is synchronous from the
 * creation of its staging directory to the removal of the old one, so a signal that arrives during
 * it is deferred until the swap is complete: the directory holds the old result or the new one,
 * never a mix. (The same holds for a replication computed in the main thread: a signal waits for
 * it to end. Replications on worker threads are stopped at once.) Without registered cleanups the
 * default applies: the process ends at once.
 */
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const cleanups = new Set<() => void>();

function onSignal(signal: (typeof SIGNALS)[number]): void {
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // keep cleaning up; the next run recovers what is left (output-dir.ts)
    }
  }
  process.exit(128 + constants.signals[signal]);
}

/**
 * Runs `cleanup` (synchronous) if a signal ends the process; returns the function that
 * unregisters it. The signal handlers are installed while any cleanup is registered.
 */
export function cleanupOnSignal(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
  };
}
