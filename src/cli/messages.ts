/**
 * Messages of the CLI itself (input files, output directories, options) written once as
 * functions, so tests check them by identity. Scenario messages are in scenario/messages.ts,
 * those of a command's own options beside the command (compareMessages, sweepMessages…).
 */
import { formatBytes } from './read-input.js';

export const cliMessages = {
  optionFileTooLarge: (option: string, file: string, limit: number) => `--${option} ${file}: larger than ${formatBytes(limit)}, the limit for this file (ccsim writes it in a few kilobytes)`,
  storedTooLarge: (file: string, limit: number) => `${file}: larger than ${formatBytes(limit)}, the limit for a stored result read back`,
  storedUnreadable: (file: string, reason: string) => `${file}: cannot read it: ${reason}`,
};
