import { shardIndices, type Shard } from '../experiment/grid.js';
import { sweepResult, type BestPoint, type PointResult, type SweepDefinition, type SweepPointResult, type SweepResult } from '../experiment/sweep.js';
import type { FigureEstimate } from '../experiment/estimate.js';
import { csvRow, estimateCells } from './csv.js';
import { EMPTY_TEXT, formatInterval, formatValue } from './format.js';
import { readShardSet, shardSetMessages } from './shard-set.js';
import { POINT_FORMAT, readPointState, readShard, SHARD_FORMAT } from './stored/sweep.js';
import { REQUIREMENT_RULE } from './requirements.js';

/**
 * `ccsim sweep` / `ccsim merge` outputs: sweep.json and sweep.csv for a whole grid, the shard
 * file of `--shard K/N`, and the saved points a resumed sweep reuses. The unsharded sweep and the
 * merge of its shards build sweep.json with the same function from the same point data, which
 * is why they are equal byte for byte.
 */

export function sweepJson(s: SweepResult): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/**
 * sweep.csv: one row per point, the varied keys first, then `<figure>.mean`, `.lo`, `.hi` for
 * every KPI and economics figure, in the order the model reports them.
 */
export function sweepCsv(s: SweepResult): string {
  const first = s.results[0];
  const figures = first ? [...Object.keys(first.kpis), ...Object.keys(first.economics)] : [];
  const channels = first?.channels ? Object.entries(first.channels).flatMap(([ch, f]) => Object.keys(f).map((k) => [ch, k] as const)) : [];
  const header = [
    ...s.vary.map((a) => a.key),
    ...figures.flatMap((f) => [`${f}.mean`, `${f}.lo`, `${f}.hi`]),
    ...channels.flatMap(([ch, f]) => [`${ch}.${f}.mean`, `${ch}.${f}.lo`, `${ch}.${f}.hi`]),
    ...(s.require.length > 0 ? ['feasible', ...s.require] : []),
  ];
  const rows = s.results.map((p) => {
    const cells: unknown[] = s.vary.map((a) => p.set[a.key]);
    for (const f of figures) {
      const e = p.kpis[f] ?? p.economics[f];
      cells.push(...(e ? estimateCells(e) : ['', '', '']));
    }
    for (const [ch, f] of channels) {
      const e = p.channels?.[ch]?.[f];
      cells.push(...(e ? estimateCells(e) : ['', '', '']));
    }
    if (p.feasibility) cells.push(p.feasibility.status, ...p.feasibility.requirements.map((r) => r.status));
    return csvRow(cells);
  });
  return `${[csvRow(header), ...rows].join('\n')}\n`;
}

/** The terminal table: one line per point, the varied keys, profit and the `--by` figure (and with requirements, the point's status). */
export function sweepTable(s: Pick<SweepResult, 'scenario' | 'replications' | 'vary' | 'by' | 'require' | 'decisions'> & { results: SweepPointResult[]; best?: Record<string, BestPoint[]> }): string {
  const figures = ['profit', ...(s.by && s.by !== 'profit' ? [s.by] : [])];
  const keys = s.vary.map((a) => a.key);
  const width = keys.map((k) => Math.max(k.length, ...s.results.map((p) => JSON.stringify(p.set[k]).length)));
  const cell = (f: string, e: FigureEstimate | undefined) => (e && e.mean !== null ? `${formatValue(f, e.mean)} ${formatInterval(f, e.ci95)}` : EMPTY_TEXT);
  const judged = s.require.length > 0;
  const lines = [
    `${s.scenario}: ${s.results.length} point(s) × ${s.replications} replication(s), common random numbers across points; mean [95% CI]`,
    ['#'.padStart(5), ...keys.map((k, i) => k.padStart(width[i]!)), ...figures.map((f) => f.padStart(30)), ...(judged ? ['requirements'] : [])].join('  '),
    ...s.results.map((p) =>
      [
        String(p.index).padStart(5),
        ...keys.map((k, i) => JSON.stringify(p.set[k]).padStart(width[i]!)),
        ...figures.map((f) => cell(f, p.kpis[f] ?? p.economics[f]).padStart(30)),
        ...(judged && p.feasibility ? [p.feasibility.status] : []),
      ].join('  '),
    ),
  ];
  if (judged) lines.push(`requirements: ${s.require.join('; ')} (${REQUIREMENT_RULE})`);
  if (s.best !== undefined) lines.push(...bestLines(s.best, s.decisions));
  return `${lines.join('\n')}\n`;
}

/** "best by profit: …" per level, ties named; or why there is no best point. */
export function bestLines(best: Record<string, BestPoint[]>, decisions: readonly string[]): string[] {
  if (decisions.length === 0) return ['no best point: no varied key is a decision (staffing, shifts, policy, routing …); name one with --decision KEY'];
  const lines: string[] = [`best points over the decisions ${decisions.join(', ')} (ties: other points whose 95% CI overlaps the best one's)`];
  for (const [figure, levels] of Object.entries(best)) {
    for (const b of levels) {
      const at = Object.keys(b.level).length > 0 ? ` at ${JSON.stringify(b.level)}` : '';
      if (b.index === null) lines.push(`  by ${figure}${at}: none — ${b.note}`);
      else lines.push(`  by ${figure}${at}: point ${b.index} ${JSON.stringify(b.set)} (mean ${formatValue(figure, b.mean)} ${formatInterval(figure, b.ci95)})${b.ties.length > 0 ? `; tied with ${b.ties.map((i) => `#${i}`).join(', ')}` : ''}`);
    }
  }
  return lines;
}


/** The file name shard K of N writes. */
export function shardFileName(shard: Shard): string {
  return `shard-${shard.k}-of-${shard.n}.json`;
}

/** A shard's output: its points, the full definition of the sweep, and which share it ran. */
export interface ShardFile {
  format: typeof SHARD_FORMAT;
  version: 1;
  shard: Shard;
  sweep: SweepDefinition;
  results: PointResult[];
}

export function shardJson(def: SweepDefinition, shard: Shard, points: readonly PointResult[]): string {
  const file: ShardFile = { format: SHARD_FORMAT, version: 1, shard, sweep: def, results: [...points].sort((a, b) => a.index - b.index) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A saved point of an unfinished sweep (resume state). */
export function pointStateJson(fingerprint: string, point: PointResult): string {
  return `${JSON.stringify({ format: POINT_FORMAT, fingerprint, point })}\n`;
}

/** A saved point, if the text is one of this sweep's (same fingerprint, index); anything else is ignored (stored/sweep.ts). */
export const parsePointState = readPointState;

/** Shard files that cannot be merged; the CLI reports it as bad input (exit 2). */
export class MergeError extends Error {}

export const mergeMessages = {
  noShards: (dirs: readonly string[]) => `no shard files (shard-K-of-N.json of a sweep, run-shard-K-of-N.json or compare-shard-K-of-N.json) found in ${dirs.join(', ')}`,
  notShard: (file: string, reason: string) => `${file}: not a shard file of ccsim sweep --shard: ${reason}`,
  otherSweep: (file: string, first: string) => `${file} belongs to another sweep than ${first} (fingerprints differ: different scenario, grid, seed, replications or --by)`,
  ...shardSetMessages,
  wrongPoints: (file: string) => `${file}: its points are not the share of its shard (the file was edited or is damaged)`,
};

/**
 * Joins shard files into the whole sweep: all must share one fingerprint and one N, every
 * K from 1 to N must appear exactly once, and each must hold exactly its share of the points.
 */
export function mergeShards(inputs: readonly { file: string; text: string }[], dirs: readonly string[]): SweepResult {
  if (inputs.length === 0) throw new MergeError(mergeMessages.noShards(dirs));
  const shards = readShardSet(inputs, {
    read: readShard,
    shardOf: (d) => d.shard,
    notShard: mergeMessages.notShard,
    otherExperiment: (s, first) => (s.data.sweep.fingerprint === first.data.sweep.fingerprint ? null : mergeMessages.otherSweep(s.file, first.file)),
    fail: (message, cause) => new MergeError(message, { cause }),
  });
  const first = shards[0]!;
  const def = first.data.sweep;
  for (const s of shards) {
    const expected = shardIndices(def.points, s.data.shard);
    const got = s.data.results.map((p) => p.index);
    if (got.length !== expected.length || got.some((i, j) => i !== expected[j])) throw new MergeError(mergeMessages.wrongPoints(s.file));
  }
  return sweepResult(def, shards.flatMap((s) => s.data.results));
}
