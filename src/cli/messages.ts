/**
 * Messages of the CLI itself (input files, output directories, options) written once as
 * functions, so tests check them by identity. Scenario messages are in scenario/messages.ts,
 * those of a command's own options beside the command (compareMessages, sweepMessages…).
 */
import { formatBytes } from './read-input.js';

export const cliMessages = {
  didYouMean: (name: string, option: string) => `${name} (did you mean --${option}?)`,
  optionFileTooLarge: (option: string, file: string, limit: number) => `--${option} ${file}: larger than ${formatBytes(limit)}, the limit for this file (ccsim writes it in a few kilobytes)`,
  storedTooLarge: (file: string, limit: number) => `${file}: larger than ${formatBytes(limit)}, the limit for a stored result read back`,
  cannotWrite: (dir: string, reason: string) => `cannot write the outputs to ${dir}: ${reason}`,
  locked: (dir: string, pid: number, lockFile: string) =>
    `${dir} is being written by another ccsim process (pid ${pid}); wait for it to end or give this run another --out (${lockFile} is the lock; a lock of a process that no longer runs is taken over)`,
  foreignFiles: (dir: string, names: readonly string[]) =>
    `${dir} holds ${names.length === 1 ? 'a file' : 'files'} ccsim did not write (${names.slice(0, 5).join(', ')}${names.length > 5 ? `, … ${names.length - 5} more` : ''}); ccsim replaces an output directory as a whole, so give a new or empty directory, or one ccsim wrote`,
  storedUnreadable: (file: string, reason: string) => `${file}: cannot read it: ${reason}`,
};
