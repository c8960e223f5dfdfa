/**
 * Randomness for the engine: named streams (stream.ts) and samplers that take a
 * stream first (d3-random style). No global generator exists anywhere.
 *
 *   createStream(seed, replication, name) ──► Uniform ──► exponential(rng, mean) … ──► Sampler
 *                                                     └─► sampler(spec, rng)  (fromSpec.ts)
 *   philoxKey(seed, replication, name) ──► philoxUniform(key, issue, attempt, purpose)  (keyed draws)
 *                                      └─► philoxStream(key).at(issue, attempt, purpose) ──► Uniform
 *                                      └─► keyedSampler(spec, philoxStream(key))(issue, attempt, purpose)
 */
export { bernoulli } from './bernoulli.js';
export { constant } from './constant.js';
export { discrete } from './discrete.js';
export { exponential } from './exponential.js';
export { distCdf, distMean, distVariance, sampler } from './fromSpec.js';
export type { DistSpec } from './fromSpec.js';
export { gamma } from './gamma.js';
export { keyedSampler } from './keyed.js';
export type { KeyedSampler } from './keyed.js';
export { regularizedGammaP, regularizedGammaQ } from './incompleteGamma.js';
export { logGamma } from './logGamma.js';
export { lognormal, lognormalParams } from './lognormal.js';
export { normal, standardNormal } from './normal.js';
export { normalCdf } from './normalCdf.js';
export { philox4x32, philoxKey, philoxStream, philoxUniform, uniform53 } from './philox.js';
export type { PhiloxKey, PhiloxStream } from './philox.js';
export { poisson, poissonQuantile } from './poisson.js';
export type { Sampler } from './sampler.js';
export { createStream, streamKey } from './stream.js';
export type { Uniform } from './stream.js';
export { uniform } from './uniform.js';
export { message as randomMessage } from './validate.js';
