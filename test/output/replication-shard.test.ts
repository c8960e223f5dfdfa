/**
 * Run and compare shard files read back (output/replication-shard.ts): a shard with one place of a
 * result broken is either refused (ReplicationMergeError, which the CLI turns into exit 2) or
 * decodes to results the output code takes without tripping — never a TypeError or a crash.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replicationFingerprint, type ReplicationExperiment } from '../../src/experiment/replication-shard.js';
import { SECONDS_PER_MONTH } from '../../src/model/config.js';
import { simulateReplication } from '../../src/model/contact-center.js';
import { decodeResults, joinReplicationShards, ReplicationMergeError, replicationShardJson } from '../../src/output/replication-shard.js';
import { runFiles } from '../../src/output/run-files.js';
import { textOf } from '../../src/output/write.js';
import { parseScenario } from '../../src/scenario/load.js';

const source = readFileSync('scenarios/staffing-by-profit.yaml', 'utf8').replace('horizon: { months: 12 }', 'horizon: { days: 3 }');
const loaded = parseScenario(source, 'sbp.yaml');
const config = loaded.config;
const experiment: ReplicationExperiment = { command: 'run', seed: 5, replications: 2, by: null, require: [], configs: [{ name: 'sbp', config }], version: 'test' };
const results = [0, 1].map((r) => simulateReplication(config, 5, r));
const text = replicationShardJson(experiment, replicationFingerprint(experiment), { k: 1, n: 1 }, { name: 'staffing-by-profit', file: 'sbp.yaml', source }, [results]);
const reference = simulateReplication({ ...config, warmupSec: 0, horizonSec: 3600 }, 5, 0);
const expected = { buckets: Math.ceil(config.horizonSec / config.demand.intervalSec), months: Math.ceil(config.horizonSec / SECONDS_PER_MONTH) };
const decode = (t: string) => decodeResults(joinReplicationShards([{ file: 'run-shard-1-of-1.json', text: t }]), 0, reference, expected);

/** Every path into the results part of a parsed shard. */
function pathsOf(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap((k) => pathsOf((v as Record<string | number, unknown>)[k], [...at, k]))];
}
const parsed = JSON.parse(text) as { results: unknown };
const paths = pathsOf(parsed.results, ['results']).filter((p) => p.length > 1);
const JUNK: unknown[] = [null, 'text', [], {}, -1, 1e308, [1, 2], { $number: 'NaN' }, { $float64: 'AAAA' }, { a: 1 }, true];

describe('a run shard read back', () => {
  it('decodes to the results that were written, to the bit', () => {
    const back = decode(text);
    expect(back).toHaveLength(2);
    expect(Buffer.from(back[1]!.facts.rows.buffer).equals(Buffer.from(results[1]!.facts.rows.buffer))).toBe(true);
    expect(textOf(runFiles(loaded.scenario, 5, config, back).files['summary.json']!)).toBe(textOf(runFiles(loaded.scenario, 5, config, results).files['summary.json']!));
  });

  it('with one place of a result replaced, removed or given a new key: refused by name, or read and used without a crash', () => {
    const outcomes = { refused: 0, used: 0 };
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.nat(JUNK.length + 1), (pick, how) => {
        const copy = structuredClone(parsed) as Record<string, unknown>;
        const path = paths[pick]!;
        const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], copy);
        const last = path.at(-1)!;
        if (how === JUNK.length) {
          if (Array.isArray(parent)) parent.splice(Number(last), 1);
          else delete parent[last];
        } else if (how === JUNK.length + 1) {
          if (Array.isArray(parent)) parent.push(parent[0]);
          else parent.extra = 1;
        }
        else parent[last] = JUNK[how];
        let back;
        try {
          back = decode(JSON.stringify(copy));
        } catch (e) {
          if (!(e instanceof ReplicationMergeError)) throw e;
          expect(e.message).toMatch(/run-shard-1-of-1\.json/);
          outcomes.refused++;
          return;
        }
        // Read and used: the output code takes it (a number changed, a value of the same shape).
        runFiles(loaded.scenario, 5, config, back);
        outcomes.used++;
      }),
      { numRuns: 150, seed: 20261206 },
    );
    console.log(`run shard with one place broken: ${outcomes.refused} refused, ${outcomes.used} read and used`);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
