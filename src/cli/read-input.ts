/**
 * Every file ccsim reads goes through readBounded: at most `limit` bytes are accepted and at
 * most limit + 1 are ever read, so a huge file, /dev/zero or an endless pipe is refused with the
 * limit named instead of filling the memory or reading forever.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** The largest input files, bytes. */
export const INPUT_LIMITS = {
  /** A scenario or verdict file: real ones are a few kilobytes. */
  scenarioBytes: 4 * 1024 * 1024,
  /**
   * A stored result read back (summary.json, comparison.json, sweep.json, shard and saved-point
   * files, scenario.json): a 10,000-point sweep.json is about 30 MB, a ten-year summary a few MB.
   */
  storedBytes: 64 * 1024 * 1024,
} as const;

/** A file over its limit; `limit` is the limit in bytes. */
export class InputTooLarge extends Error {
  constructor(
    readonly file: string,
    readonly limit: number,
  ) {
    super(`${file}: larger than ${formatBytes(limit)}`);
  }
}

/** "4 MiB", "64 MiB". */
export function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes.toLocaleString('en-US')} bytes`;
}

const CHUNK = 64 * 1024;

/**
 * The text of `file` (UTF-8), or InputTooLarge when it holds more than `limit` bytes. Errors of
 * the file system (ENOENT, EISDIR, EACCES…) are thrown as they are, for the caller to word.
 */
export function readBounded(file: string, limit: number): string {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) throw new InputTooLarge(file, limit);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
