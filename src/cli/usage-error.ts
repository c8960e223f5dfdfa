/** Bad input that is not a scenario problem (an option value, an output directory); exit 2. */
export class UsageError extends Error {}
