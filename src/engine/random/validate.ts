/**
 * Parameter checks for streams and samplers. They run once, when a stream or
 * sampler is built, and never on the draw path. Every message is written once,
 * here, as a function, so tests can compare thrown messages by identity.
 *
 * Each check returns the value it accepted, so a factory can write
 * `const m = positive('exponential', 'mean', mean)`.
 */

export const message = {
  positive: (where: string, param: string, value: unknown): string =>
    `${where}: ${param} must be a finite number > 0, got ${String(value)}`,
  nonNegative: (where: string, param: string, value: unknown): string =>
    `${where}: ${param} must be a finite number >= 0, got ${String(value)}`,
  finite: (where: string, param: string, value: unknown): string =>
    `${where}: ${param} must be a finite number, got ${String(value)}`,
  probability: (where: string, param: string, value: unknown): string =>
    `${where}: ${param} must be a probability in [0, 1], got ${String(value)}`,
  index: (where: string, param: string, value: unknown): string =>
    `${where}: ${param} must be an integer in [0, 2^53 - 1], got ${String(value)}`,
  nonEmpty: (where: string, param: string): string =>
    `${where}: ${param} must be a non-empty string`,
  word: (where: string, param: string, value: unknown): string =>
    `${where}: ${param} must be an integer in [0, 2^32 - 1], got ${String(value)}`,
  exhausted: (where: string): string =>
    `${where}: more than 2^33 draws from one counter; give each purpose its own counter`,
  ordered: (where: string, min: number, max: number): string =>
    `${where}: min must be < max, got min ${min} and max ${max}`,
  weights: (where: string): string =>
    `${where}: weights must be a non-empty list of finite numbers >= 0 with a positive sum`,
} as const;

export function positive(where: string, param: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(message.positive(where, param, value));
  return value;
}

export function nonNegative(where: string, param: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(message.nonNegative(where, param, value));
  return value;
}

export function finite(where: string, param: string, value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(message.finite(where, param, value));
  return value;
}

export function probability(where: string, param: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(message.probability(where, param, value));
  return value;
}

/** A non-negative safe integer: a seed or a replication number. */
export function index(where: string, param: string, value: number): number {
  if (!(Number.isSafeInteger(value) && value >= 0)) throw new RangeError(message.index(where, param, value));
  return value;
}

/** An unsigned 32-bit integer: a word of a counter-based generator's counter. */
export function word(where: string, param: string, value: number): number {
  if (!((value >>> 0) === value)) throw new RangeError(message.word(where, param, value));
  return value;
}

export function nonEmpty(where: string, param: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new RangeError(message.nonEmpty(where, param));
  return value;
}
