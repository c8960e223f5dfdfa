/**
 * What a name may be: the scenario's, its policies', agent groups' and contact reasons'. Names
 * become parts of file paths (`out/<scenario>/`, and beside it the staging and lock names
 * `.<scenario>.staging-<pid>-<random>`), CSV columns and HTML, so they are one word of letters,
 * digits, ".", "_" and "-" that does not start with a dot (never "..", never hidden), and at most
 * NAME_MAX_LENGTH characters: file systems take 255 bytes per path component, and the output
 * directory's staging and lock names add about 40 characters to it. Names read back from stored
 * files (shards, summaries, verdict files) are held to the same rule before they touch a path.
 */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const NAME_MAX_LENGTH = 100;

export function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= NAME_MAX_LENGTH && NAME_PATTERN.test(value);
}
