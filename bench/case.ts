/**
 * One benchmark measurement in a fresh process; prints one JSON line (a CaseResult) on stdout.
 *
 *   tsx bench/case.ts ccsim HORIZON_SEC       simulateReplication(canonical model, SEED, 0)
 *   tsx bench/case.ts reference HORIZON_SEC   bench/reference.ts on the same model
 *   tsx bench/case.ts idle                    loads the scenario only: the baseline RSS
 *   tsx bench/case.ts customers               simulateReplication(bench/customers.ts, SEED, 0):
 *                                             1,000,000 customers over 24 months
 *
 * ccsim's ModelConfig comes from the scenario loader (bench/canonical.ts's YAML), as in
 * `ccsim run`. Only the simulation is timed (performance.now()), not module loading or parsing.
 * maxRssKB is the process's peak resident set (process.resourceUsage().maxRSS, kilobytes),
 * loading included.
 */
import type { ModelConfig } from '../src/model/config.js';
import { simulateReplication } from '../src/model/contact-center.js';
import { parseScenario } from '../src/scenario/load.js';
import { CANONICAL, SEED, canonicalYaml } from './canonical.js';
import { customersYaml } from './customers.js';
import { runReference } from './reference.js';

export interface CaseResult {
  mode: 'ccsim' | 'reference' | 'idle' | 'customers';
  horizonSec: number;
  wallMs: number;
  /** CPU time (user + system) of the simulation: less sensitive than wallMs to a busy machine. */
  cpuMs: number;
  arrivals: number;
  answered: number;
  abandoned: number;
  events: number;
  maxRssKB: number;
  /** customers mode: customers ever (active + churned + returned = initial + acquired + referred), and active at the end. */
  customersEver?: number;
  customersActive?: number;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** The canonical model's config for a horizon in seconds, through the scenario loader. */
function loadConfig(horizonSec: number): ModelConfig {
  const { config } = parseScenario(canonicalYaml('bench', { hours: horizonSec / 3600 }), 'bench.yaml');
  if (Math.abs(config.horizonSec - horizonSec) > 1e-6) throw new Error(`horizon ${config.horizonSec} s, wanted ${horizonSec} s`);
  return config;
}

/** One simulated replication of `config`, timed (wall and CPU) in this process, with its conservation checked. */
function timeModel(mode: 'ccsim' | 'customers', config: ModelConfig): { result: ReturnType<typeof simulateReplication>; row: CaseResult } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = simulateReplication(config, SEED, 0);
  const wallMs = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  const c = r.conservation;
  if (c.answeredTotal + c.abandonedTotal !== c.offered) throw new Error(`${mode}: answered + abandoned ≠ offered`);
  const row = { mode, horizonSec: config.horizonSec, wallMs, cpuMs, arrivals: c.offered, answered: c.answeredTotal, abandoned: c.abandonedTotal, events: r.events, maxRssKB: process.resourceUsage().maxRSS };
  return { result: r, row };
}

function main(): CaseResult {
  const [mode, horizonArg] = process.argv.slice(2);
  const horizonSec = Number(horizonArg ?? 0);
  if (mode === 'idle') {
    loadConfig(3600);
    return { mode, horizonSec: 0, wallMs: 0, cpuMs: 0, arrivals: 0, answered: 0, abandoned: 0, events: 0, maxRssKB: process.resourceUsage().maxRSS };
  }
  if (!(horizonSec > 0) && mode !== 'customers') throw new Error(`usage: case.ts ccsim|reference HORIZON_SEC, or idle, or customers (got ${horizonArg})`);
  if (mode === 'ccsim') return timeModel(mode, loadConfig(horizonSec)).row;
  if (mode === 'reference') {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = runReference({
      ratePerSec: CANONICAL.ratePerHour / 3600,
      handleMeanSec: CANONICAL.handleMeanSec,
      patienceMeanSec: CANONICAL.patienceMeanSec,
      agents: CANONICAL.agents,
      horizonSec,
      seed: `bench/${SEED}`,
    });
    const wallMs = performance.now() - t0;
    const cpuMs = cpuSince(c0);
    if (r.answered + r.abandoned !== r.arrivals) throw new Error('reference: answered + abandoned ≠ arrivals');
    return { mode, horizonSec, wallMs, cpuMs, arrivals: r.arrivals, answered: r.answered, abandoned: r.abandoned, events: r.events, maxRssKB: process.resourceUsage().maxRSS };
  }
  if (mode === 'customers') {
    const { config } = parseScenario(customersYaml('bench-customers'), 'bench-customers.yaml');
    const { result, row } = timeModel(mode, config);
    const k = result.customers;
    if (k === undefined) throw new Error('customers: the lifecycle is off');
    return { ...row, customersEver: k.active + k.churned + k.returned, customersActive: k.active };
  }
  throw new Error(`unknown mode ${mode}: ccsim, reference, idle or customers`);
}

process.stdout.write(`${JSON.stringify(main())}\n`);
