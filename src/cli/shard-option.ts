/**
 * `--shard K/N | auto | auto/N`: which share of the work this process runs. K/N is 1-based as a
 * person writes it; `auto` reads the index (0-based, as the batch engines number them) and the
 * count from the environment the engine sets, so one job definition serves every index:
 *
 * | engine | index | count |
 * |---|---|---|
 * | Kubernetes Indexed Job | `JOB_COMPLETION_INDEX` | not set by Kubernetes: `--shard auto/N`, or `CCSIM_SHARD_COUNT` |
 * | AWS Batch array job | `AWS_BATCH_JOB_ARRAY_INDEX` | `AWS_BATCH_JOB_ARRAY_SIZE` |
 * | GitHub Actions matrix, or anything else | `CCSIM_SHARD_INDEX` (set from `${{ strategy.job-index }}`) | `CCSIM_SHARD_COUNT` (from `${{ strategy.job-total }}`) |
 *
 * Two engines' variables that disagree are refused rather than one picked silently.
 */
import { MAX_GRID_POINTS, parseShard, type Shard } from '../experiment/grid.js';
import { UsageError } from './usage-error.js';

export const shardMessages = {
  none: () =>
    '--shard auto: no shard index in the environment; looked for JOB_COMPLETION_INDEX (Kubernetes Indexed Job), AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job) and CCSIM_SHARD_INDEX (set it from ${{ strategy.job-index }} in a GitHub Actions matrix)',
  noCount: (source: string) => `--shard auto: ${source} gives the index but not the count; write --shard auto/N or set CCSIM_SHARD_COUNT`,
  badNumber: (variable: string, value: string, allowed: string) => `--shard auto: ${variable}=${JSON.stringify(value)} must be ${allowed}`,
  disagree: (a: string, b: string) => `--shard auto: ${a} and ${b} disagree; unset one of them`,
  outOfRange: (index: number, count: number, source: string) => `--shard auto: index ${index} (from ${source}) is not below the count ${count}; indices run from 0 to ${count - 1}`,
  form: (text: string) => `--shard must be K/N with whole numbers 1 ≤ K ≤ N ≤ ${MAX_GRID_POINTS.toLocaleString('en-US')}, auto, or auto/N, got ${JSON.stringify(text)}`,
};

type Env = Readonly<Record<string, string | undefined>>;

function whole(env: Env, variable: string, min: number): number | undefined {
  const text = env[variable];
  if (text === undefined || text.trim() === '') return undefined;
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(Number.isSafeInteger(n) && n >= min && n <= MAX_GRID_POINTS)) throw new UsageError(shardMessages.badNumber(variable, text, `a whole number from ${min} to ${MAX_GRID_POINTS.toLocaleString('en-US')}`));
  return n;
}

/** The shard a `--shard` text names, reading the environment for `auto`. */
export function shardOption(text: string, env: Env = process.env): Shard {
  const auto = /^\s*auto\s*(?:\/\s*(\d+)\s*)?$/.exec(text);
  if (!auto) {
    try {
      return parseShard(text);
    } catch {
      throw new UsageError(shardMessages.form(text));
    }
  }
  const given = auto[1] === undefined ? undefined : Number(auto[1]);
  if (given !== undefined && !(given >= 1 && given <= MAX_GRID_POINTS)) throw new UsageError(shardMessages.form(text));
  const found: { source: string; index: number; count: number | undefined }[] = [];
  const k8s = whole(env, 'JOB_COMPLETION_INDEX', 0);
  if (k8s !== undefined) found.push({ source: 'JOB_COMPLETION_INDEX', index: k8s, count: undefined });
  const aws = whole(env, 'AWS_BATCH_JOB_ARRAY_INDEX', 0);
  if (aws !== undefined) found.push({ source: 'AWS_BATCH_JOB_ARRAY_INDEX', index: aws, count: whole(env, 'AWS_BATCH_JOB_ARRAY_SIZE', 1) });
  const own = whole(env, 'CCSIM_SHARD_INDEX', 0);
  if (own !== undefined) found.push({ source: 'CCSIM_SHARD_INDEX', index: own, count: undefined });
  if (found.length === 0) throw new UsageError(shardMessages.none());
  for (const f of found.slice(1)) if (f.index !== found[0]!.index) throw new UsageError(shardMessages.disagree(found[0]!.source, f.source));
  // The count: --shard auto/N, the engine's own, CCSIM_SHARD_COUNT — each that is given must agree.
  const counts: { source: string; count: number }[] = [];
  if (given !== undefined) counts.push({ source: `--shard ${text.trim()}`, count: given });
  for (const f of found) if (f.count !== undefined) counts.push({ source: 'AWS_BATCH_JOB_ARRAY_SIZE', count: f.count });
  const ownCount = whole(env, 'CCSIM_SHARD_COUNT', 1);
  if (ownCount !== undefined) counts.push({ source: 'CCSIM_SHARD_COUNT', count: ownCount });
  if (counts.length === 0) throw new UsageError(shardMessages.noCount(found[0]!.source));
  for (const c of counts.slice(1)) if (c.count !== counts[0]!.count) throw new UsageError(shardMessages.disagree(counts[0]!.source, c.source));
  const { index } = found[0]!;
  const count = counts[0]!.count;
  if (index >= count) throw new UsageError(shardMessages.outOfRange(index, count, found[0]!.source));
  return { k: index + 1, n: count };
}
