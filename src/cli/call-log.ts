/**
 * `ccsim run --log FILE`: every contact of replication 0, one CSV line each as it ends, streamed
 * to FILE in the ccsim call-log layout (fit/ccsim-log-format.ts) — memory flat however long the
 * run. Lines are gathered into a buffer and written synchronously when it fills (the simulation
 * is synchronous: a stream would buffer without bound); the file is written beside FILE under a
 * temporary name and renamed over it when the run succeeds, so FILE is never left half-written.
 */
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ModelConfig } from '../model/config.js';
import type { ContactSink } from '../model/contact-center.js';
import { callLogLine, CCSIM_LOG_HEADER } from '../output/call-log.js';
import { UsageError } from './common.js';

/** Bytes gathered before a write. */
const FLUSH_BYTES = 1 << 20;

export interface CallLog {
  sink: ContactSink;
  /** Flushes, closes and renames the file into place; returns its path. */
  finish(): string;
  /** Closes and removes the temporary file (a failed run). */
  abort(): void;
}

export const callLogMessages = {
  isDirectory: (file: string) => `--log ${file}: is a directory; name a file`,
  noDirectory: (file: string, dir: string) => `--log ${file}: ${dir} is not an existing directory`,
  cannotWrite: (file: string, reason: string) => `--log ${file}: cannot write it: ${reason}`,
};

export function openCallLog(file: string, config: ModelConfig, day0: number): CallLog {
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(callLogMessages.isDirectory(file));
  const dir = dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(callLogMessages.noDirectory(file, dir));
  const temporary = `${file}.${process.pid}.tmp`;
  let fd: number;
  try {
    fd = openSync(temporary, 'w');
  } catch (e) {
    throw new UsageError(callLogMessages.cannotWrite(file, (e as Error).message));
  }
  let buffer = CCSIM_LOG_HEADER;
  const flush = () => {
    writeSync(fd, buffer);
    buffer = '';
  };
  return {
    sink: (contact) => {
      buffer += callLogLine(config, day0, contact);
      if (buffer.length >= FLUSH_BYTES) flush();
    },
    finish: () => {
      flush();
      closeSync(fd);
      renameSync(temporary, file);
      return file;
    },
    abort: () => {
      closeSync(fd);
      rmSync(temporary, { force: true });
    },
  };
}
