import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Replication results as JSON that gives back exactly what was written — every double to the
 * bit, −0, NaN and ±∞ included, and typed arrays as typed arrays — so that results computed on
 * several machines and joined by `ccsim merge` give the same bytes as one run (JSON alone writes
 * −0 as 0 and NaN or ∞ as null).
 *
 * - A finite number other than −0 is a JSON number (JavaScript prints the shortest text that
 *   reads back as the same double).
 * - −0, NaN, Infinity and −Infinity are `{ "$number": "-0" | "NaN" | "Infinity" | "-Infinity" }`.
 * - A Float64Array is `{ "$float64": BASE64 }`: its bytes, little-endian, gzipped (fact rows are
 *   mostly zeros at night and compress about 8×), then base64.
 * - Objects and arrays recurse; a key starting with "$" is not written by ccsim and is refused.
 *
 * Decoding bounds what a hostile file can make it do: the inflated size of every array is capped
 * (`maxBytes`), and anything that is not one of the forms above is an ExactJsonError naming where.
 */

/** A value the encoding cannot carry, or a stored value that is not one it wrote. */
export class ExactJsonError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path || 'the value'}: ${problem}`);
  }
}

const SPECIAL: Readonly<Record<string, number>> = { '-0': -0, NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** The JSON-ready form of `value` (see above). */
export function encodeExact(value: unknown, path = ''): unknown {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && !Object.is(value, -0)) return value;
    return { $number: Object.is(value, -0) ? '-0' : String(value) };
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Float64Array) return { $float64: float64Base64(value) };
  if (ArrayBuffer.isView(value)) throw new ExactJsonError(path, `a ${value.constructor.name}, which this encoding does not carry`);
  if (Array.isArray(value)) return value.map((v, i) => encodeExact(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('$')) throw new ExactJsonError(path, `the key "${k}" starts with "$", kept for the encoding`);
      if (v !== undefined) out[k] = encodeExact(v, path ? `${path}.${k}` : k);
    }
    return out;
  }
  throw new ExactJsonError(path, `a ${typeof value}, which JSON does not carry`);
}

/** The value `encodeExact` was given, from its JSON-parsed form; each array inflates to at most `maxBytes`. */
export function decodeExact(value: unknown, maxBytes: number, path = ''): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v, i) => decodeExact(v, maxBytes, `${path}[${i}]`));
  if (typeof value !== 'object') throw new ExactJsonError(path, 'not a JSON value');
  const keys = Object.keys(value);
  const tagged = keys.length === 1 && keys[0]!.startsWith('$');
  if (tagged) {
    const [tag] = keys;
    const v = (value as Record<string, unknown>)[tag!];
    if (tag === '$number') {
      if (typeof v !== 'string' || !Object.hasOwn(SPECIAL, v)) throw new ExactJsonError(path, `$number must be one of ${Object.keys(SPECIAL).map((s) => `"${s}"`).join(', ')}`);
      return SPECIAL[v];
    }
    if (tag === '$float64') {
      if (typeof v !== 'string') throw new ExactJsonError(path, '$float64 must be base64 text');
      return base64Float64(v, maxBytes, path);
    }
    throw new ExactJsonError(path, `unknown tag "${tag}"`);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (k.startsWith('$') || k === '__proto__') throw new ExactJsonError(path, `the key "${k}" is not one ccsim writes`);
    out[k] = decodeExact((value as Record<string, unknown>)[k], maxBytes, path ? `${path}.${k}` : k);
  }
  return out;
}

function float64Base64(a: Float64Array): string {
  const bytes = Buffer.alloc(a.length * 8);
  for (let i = 0; i < a.length; i++) bytes.writeDoubleLE(a[i]!, i * 8);
  return gzipSync(bytes, { level: 6 }).toString('base64');
}

function base64Float64(text: string, maxBytes: number, path: string): Float64Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new ExactJsonError(path, '$float64 is not base64');
  let bytes: Buffer;
  try {
    bytes = gunzipSync(Buffer.from(text, 'base64'), { maxOutputLength: maxBytes });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ExactJsonError(path, code === 'ERR_BUFFER_TOO_LARGE' ? `$float64 inflates to more than ${maxBytes.toLocaleString('en-US')} bytes` : `$float64 is not gzip data (${(e as Error).message})`);
  }
  if (bytes.length % 8 !== 0) throw new ExactJsonError(path, `$float64 holds ${bytes.length} bytes, not a whole number of doubles`);
  const out = new Float64Array(bytes.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readDoubleLE(i * 8);
  return out;
}
