/**
 * What the CLI sample needs besides the stored texts: a tiny scenario with a policy, written to
 * `dir`, and its verdict file as `compare --write-baseline` would write it (made in this process).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from '../../src/experiment/compare.js';
import { inlineRunner } from '../../src/experiment/pool.js';
import { verdictsJson } from '../../src/output/verdicts.js';
import { parseScenario } from '../../src/scenario/load.js';

const TINY = `name: fuzz-tiny
horizon: { hours: 2 }
arrivals: { ratePerHour: 60 }
handleTime: { dist: exponential, meanSec: 120 }
staffing: { agents: 5 }
policies:
  - { name: more, set: { "staffing.agents": 6 } }
`;

export async function verdictFixture(dir: string): Promise<{ scenario: string; text: string }> {
  const scenario = join(dir, 'tiny.yaml');
  writeFileSync(scenario, TINY);
  const loaded = parseScenario(TINY, scenario);
  const comparison = await compare(loaded.policies, { scenario: loaded.scenario.name, seed: 1, replications: 2 }, inlineRunner());
  return { scenario, text: verdictsJson(comparison) };
}
