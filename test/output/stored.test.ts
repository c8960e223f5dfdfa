/**
 * Stored files read back (src/output/stored/): each kind's schema accepts what the current code
 * writes — so the schemas stay in step with the writers — and refuses damaged or hostile files
 * with the file, the field path and what was expected, bounding every count before it sizes a
 * loop or a path.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/experiment/compare.js';
import { MAX_GRID_POINTS } from '../../src/experiment/grid.js';
import { comparisonJson } from '../../src/output/comparison.js';
import { scenarioJson } from '../../src/output/report-files.js';
import { readComparison } from '../../src/output/stored/comparison.js';
import { StoredFileError, STORED_DEPTH, storedMessages } from '../../src/output/stored/read.js';
import { readScenarioInfo } from '../../src/output/stored/scenario-info.js';
import { readSummary } from '../../src/output/stored/summary.js';
import { readPointState, readShard, readSweep } from '../../src/output/stored/sweep.js';
import { STORED_BOUNDS } from '../../src/output/stored/values.js';
import { readVerdicts } from '../../src/output/stored/verdicts.js';
import { summaryJson, type Summary } from '../../src/output/summary.js';
import { pointStateJson, shardJson, sweepJson } from '../../src/output/sweep.js';
import type { SweepResult } from '../../src/experiment/sweep.js';
import { verdictsJson } from '../../src/output/verdicts.js';
import { LIMITS } from '../../src/scenario/limits.js';
import { lifecycleComparison, lifecycleSummary, midsizeSummary, staffingComparison, staffingSweep } from './chart-fixtures.js';

let written: { summaries: Summary[]; comparisons: Comparison[]; sweep: SweepResult };

beforeAll(async () => {
  written = {
    summaries: [await midsizeSummary(), await lifecycleSummary()],
    comparisons: [await staffingComparison(), await lifecycleComparison()],
    sweep: await staffingSweep([
      { key: 'staffing.agents', values: [14, 15] },
      { key: 'arrivals.ratePerHour', values: [180, 200] },
    ]),
  };
});

/** The StoredFileError `f` throws. */
function refusal(f: () => unknown): StoredFileError {
  try {
    f();
  } catch (e) {
    if (e instanceof StoredFileError) return e;
    throw e;
  }
  throw new Error('expected a StoredFileError');
}

/** JSON text of `value` with `edit` applied to a copy. */
function edited<T>(value: T, edit: (copy: any) => void): string {
  const copy = JSON.parse(JSON.stringify(value));
  edit(copy);
  return JSON.stringify(copy);
}

describe('each schema accepts what ccsim writes', () => {
  it('reads back every summary, comparison, sweep, shard, saved point, verdict file and scenario.json the current code writes', () => {
    for (const s of written.summaries) expect(readSummary('summary.json', summaryJson(s)).scenario).toBe(s.scenario);
    for (const c of written.comparisons) {
      expect(readComparison('comparison.json', comparisonJson(c)).policies.map((p) => p.name)).toEqual(c.policies.map((p) => p.name));
      expect(readVerdicts('v.json', verdictsJson(c)).scenario).toBe(c.scenario);
    }
    const sweep = written.sweep;
    expect(readSweep('sweep.json', sweepJson(sweep)).results).toHaveLength(4);
    expect(readShard('shard-2-of-2.json', shardJson(sweep, { k: 2, n: 2 }, sweep.results.filter((p) => p.index % 2 === 1))).shard).toEqual({ k: 2, n: 2 });
    expect(readPointState(pointStateJson(sweep.fingerprint, sweep.results[3]!), sweep.fingerprint, 3)?.index).toBe(3);
    expect(readScenarioInfo('scenario.json', scenarioJson({ name: 'x', description: 'd', file: 'x.yaml', source: 'name: x\n' }))).toEqual({ name: 'x', description: 'd', file: 'x.yaml', source: 'name: x\n' });
  });

  it('reads an estimate with nothing under it as written ({ "mean": null, "ci95": null }), and refuses half of one', () => {
    const s = readSummary('summary.json', edited(written.summaries[0], (d) => (d.kpis.asaSec = { mean: null, ci95: null })));
    expect(s.kpis.asaSec).toEqual({ mean: null, ci95: null });
    const half = refusal(() => readSummary('summary.json', edited(written.summaries[0], (d) => (d.kpis.ahtSec.ci95 = null))));
    expect(half.path).toBe('kpis.ahtSec');
  });

  it('bounds counts at least as high as the limits of what a run may write', () => {
    expect(STORED_BOUNDS.replications).toBeGreaterThanOrEqual(LIMITS.replications);
    expect(STORED_BOUNDS.days).toBeGreaterThanOrEqual(LIMITS.horizonDays + 2);
    expect(STORED_BOUNDS.months).toBeGreaterThanOrEqual(Math.ceil(LIMITS.horizonDays / 30) + 2);
    expect(STORED_BOUNDS.items).toBeGreaterThanOrEqual(LIMITS.listItems + 1);
    expect(STORED_BOUNDS.points).toBeGreaterThanOrEqual(MAX_GRID_POINTS);
  });
});

describe('damaged and hostile stored files', () => {
  it('refuses a shard whose kpis is text, naming the file and the field (was a TypeError)', () => {
    const sweep = written.sweep;
    const text = edited(JSON.parse(shardJson(sweep, { k: 1, n: 1 }, sweep.results)), (d) => (d.results[2].kpis = 'x'));
    const e = refusal(() => readShard('shard-1-of-1.json', text));
    expect(e.message).toBe(`shard-1-of-1.json: results[2].kpis: ${storedMessages.wrongType('a mapping', 'the text "x"')}`);
  });

  it('refuses a shard claiming a billion points or shards before anything is sized by them (was out of memory)', () => {
    const sweep = written.sweep;
    const shard = JSON.parse(shardJson(sweep, { k: 1, n: 1 }, sweep.results));
    expect(refusal(() => readShard('s.json', edited(shard, (d) => (d.shard.n = 1e9)))).path).toBe('shard.n');
    expect(refusal(() => readShard('s.json', edited(shard, (d) => (d.sweep.points = 1e9)))).path).toBe('sweep.points');
    expect(refusal(() => readShard('s.json', edited(shard, (d) => (d.shard.k = 2)))).path).toBe('shard.k');
  });

  it('refuses a scenario name that would lead a path outside the output tree', () => {
    const sweep = written.sweep;
    for (const name of ['../../../../tmp/x', '/etc', '.hidden', 'a/b', '', 'n'.repeat(101)]) {
      const text = edited(JSON.parse(shardJson(sweep, { k: 1, n: 1 }, sweep.results)), (d) => (d.sweep.scenario = name));
      expect(refusal(() => readShard('s.json', text)).path).toBe('sweep.scenario');
      expect(refusal(() => readSummary('summary.json', edited(written.summaries[0], (d) => (d.scenario = name)))).path).toBe('scenario');
    }
  });

  it('refuses a summary whose day series is null, naming series.day (was exit 3 in ccsim report)', () => {
    const e = refusal(() => readSummary('summary.json', edited(written.summaries[0], (d) => (d.series.day = null))));
    expect(e.message).toBe(`summary.json: series.day: ${storedMessages.wrongType('a list', 'null')}`);
  });

  it('refuses a comparison verdict naming a policy it does not have', () => {
    const e = refusal(() => readComparison('c.json', edited(written.comparisons[0], (d) => (d.verdict[1].policy = 'ghost'))));
    expect(e.path).toBe('verdict[1].policy');
  });

  it(`refuses nesting deeper than ${STORED_DEPTH} levels without parsing it, and text that is not JSON`, () => {
    expect(refusal(() => readSummary('s.json', `${'['.repeat(5_000_000)}`)).problem).toBe(storedMessages.tooDeep(STORED_DEPTH));
    expect(refusal(() => readSummary('s.json', '{"scenario": "a" ')).problem).toMatch(/^not JSON: /);
  });

  it('ignores a damaged saved point (it is simply run again)', () => {
    const sweep = written.sweep;
    const text = edited(JSON.parse(pointStateJson(sweep.fingerprint, sweep.results[0]!)), (d) => (d.point.kpis = 7));
    expect(readPointState(text, sweep.fingerprint, 0)).toBeUndefined();
    expect(readPointState(pointStateJson(sweep.fingerprint, sweep.results[0]!), sweep.fingerprint, 1)).toBeUndefined();
  });
});
