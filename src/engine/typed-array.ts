/** Any of the typed arrays the engine and model keep state in. */
export type TypedArray = Uint8Array | Uint16Array | Int16Array | Int32Array | Float32Array | Float64Array;

/**
 * A copy of `a` with length `n` (same type; new elements 0, or the tail cut when shrinking):
 * the one way state arrays grow, since typed arrays cannot.
 */
export function resized<T extends TypedArray>(a: T, n: number): T {
  const b = new (a.constructor as new (length: number) => T)(n);
  b.set(n >= a.length ? a : (a.subarray(0, n) as T));
  return b;
}
