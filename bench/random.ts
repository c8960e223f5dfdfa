/**
 * Micro-benchmark of the seedrandom generators considered for `createStream`
 * (see src/engine/random/stream.ts), and of the counter-based Philox4x32-10
 * (src/engine/random/philox.ts) read two ways: as a sequential stream (two 53-bit
 * uniforms per block) and as keyed draws (one block per draw, the common-random-numbers
 * use: the draw for (issue, attempt, purpose)). Run: `npx tsx bench/random.ts`.
 *
 * For each generator: uniform draws per second, exponential draws per second
 * (`-Math.log(1 - u)`, which is what the simulator mostly consumes), and the
 * cost of creating one stream (done once per stream per replication).
 * Then the ns per draw of each sampler on the chosen stream.
 * Each generator runs in its own process so that one generator's call sites
 * do not turn the timing loops polymorphic for the next.
 */
import { spawnSync } from 'node:child_process';
import seedrandom from 'seedrandom';
import * as R from '../src/engine/random/index.js';

type Make = (seed: string) => () => number;
const generators: ReadonlyArray<readonly [string, Make]> = [
  ['alea', (s) => seedrandom.alea(s)],
  ['xor4096', (s) => seedrandom.xor4096(s)],
  ['xorwow', (s) => seedrandom.xorwow(s)],
  ['arc4 (default)', (s) => seedrandom(s)],
  ['philox stream', (s) => R.philoxStream(R.philoxKey(0, 0, s)).at(0, 0, 0)],
  ['philox keyed', (s) => {
    const key = R.philoxKey(0, 0, s);
    let issue = 0;
    return () => R.philoxUniform(key, issue++, 0, 0);
  }],
];

const DRAWS = 20_000_000;
const ROUNDS = 3;

function timeUniform(rng: () => number): number {
  let sum = 0;
  const t0 = performance.now();
  for (let i = 0; i < DRAWS; i++) sum += rng();
  const ms = performance.now() - t0;
  if (sum < 0) throw new Error('unreachable');
  return DRAWS / (ms / 1000);
}

function timeExponential(rng: () => number): number {
  let sum = 0;
  const t0 = performance.now();
  for (let i = 0; i < DRAWS; i++) sum += -Math.log(1 - rng());
  const ms = performance.now() - t0;
  if (sum < 0) throw new Error('unreachable');
  return DRAWS / (ms / 1000);
}

function timeCreate(make: Make): number {
  const n = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) make(`ccsim/1/${i}/arrivals`)();
  return ((performance.now() - t0) * 1000) / n;
}

/** ns per draw of each sampler on the chosen stream (run with the argument `samplers`). */
function benchSamplers(): void {
  const rng = R.createStream(1, 0, 'bench');
  const samplers: ReadonlyArray<readonly [string, R.Sampler]> = [
    ['uniform stream', rng],
    ['exponential', R.exponential(rng, 180)],
    ['lognormal cv 0.8', R.lognormal(rng, 300, 0.8)],
    ['gamma cv 0.5', R.gamma(rng, 240, 0.5)],
    ['gamma cv 2', R.gamma(rng, 240, 2)],
    ['poisson 5', R.poisson(rng, 5)],
    ['poisson 5000', R.poisson(rng, 5000)],
    ['discrete (5)', R.discrete(rng, [1, 0, 3, 6, 0.5])],
    ['bernoulli', R.bernoulli(rng, 0.3)],
  ];
  for (const [name, sample] of samplers) {
    // A fresh closure per sampler keeps each timing loop monomorphic.
    const loop = new Function('s', 'n', 'let t = 0; for (let i = 0; i < n; i++) t += s(); return t;') as (s: R.Sampler, n: number) => number;
    const n = 5_000_000;
    loop(sample, n / 10);
    const t0 = performance.now();
    loop(sample, n);
    console.log(name.padEnd(18), `${(((performance.now() - t0) * 1e6) / n).toFixed(1)} ns/draw`.padStart(14));
  }
}

const fmt = (x: number): string => `${(x / 1e6).toFixed(1)} M/s`;
const only = process.argv[2];
if (only === 'samplers') {
  benchSamplers();
} else if (only === undefined) {
  console.log(`node ${process.version}; ${DRAWS.toLocaleString()} draws, best of ${ROUNDS}`);
  console.log('generator'.padEnd(16), 'uniform'.padStart(12), 'exponential'.padStart(12), 'create'.padStart(10));
  for (const [name] of generators) {
    const args = [...process.execArgv, process.argv[1] ?? '', name];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    process.stdout.write(child.stdout);
  }
  console.log('\nsamplers on xor4096 (createStream)');
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', 'samplers'], { encoding: 'utf8' });
  process.stdout.write(child.stdout);
} else {
  const make = generators.find(([name]) => name === only)?.[1];
  if (make === undefined) throw new Error(`unknown generator ${only}`);
  let u = 0;
  let e = 0;
  for (let r = 0; r < ROUNDS; r++) {
    u = Math.max(u, timeUniform(make(`bench/${r}`)));
    e = Math.max(e, timeExponential(make(`bench/${r}`)));
  }
  const c = timeCreate(make);
  console.log(only.padEnd(16), fmt(u).padStart(12), fmt(e).padStart(12), `${c.toFixed(2)} µs`.padStart(10));
}
