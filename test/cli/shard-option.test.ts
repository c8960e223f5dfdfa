/** `--shard K/N | auto | auto/N` (cli/shard-option.ts): the index and count as each batch engine sets them. */
import { describe, expect, it } from 'vitest';
import { shardMessages, shardOption } from '../../src/cli/shard-option.js';

describe('--shard', () => {
  it('reads K/N as written, 1-based', () => {
    expect(shardOption('2/5', {})).toEqual({ k: 2, n: 5 });
    for (const bad of ['0/3', '4/3', 'x', 'auto/0', 'auto/x', 'auto/3/4']) expect(() => shardOption(bad, {})).toThrow(shardMessages.form(bad));
  });

  it('takes a Kubernetes Indexed Job\'s JOB_COMPLETION_INDEX (0-based) with the count given, in the option or CCSIM_SHARD_COUNT', () => {
    expect(shardOption('auto/4', { JOB_COMPLETION_INDEX: '0' })).toEqual({ k: 1, n: 4 });
    expect(shardOption('auto/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ k: 4, n: 4 });
    expect(shardOption('auto', { JOB_COMPLETION_INDEX: '2', CCSIM_SHARD_COUNT: '3' })).toEqual({ k: 3, n: 3 });
    // Kubernetes sets no count: without one, say how to give it.
    expect(() => shardOption('auto', { JOB_COMPLETION_INDEX: '2' })).toThrow(shardMessages.noCount('JOB_COMPLETION_INDEX'));
  });

  it("takes an AWS Batch array job's AWS_BATCH_JOB_ARRAY_INDEX and AWS_BATCH_JOB_ARRAY_SIZE", () => {
    expect(shardOption('auto', { AWS_BATCH_JOB_ARRAY_INDEX: '9', AWS_BATCH_JOB_ARRAY_SIZE: '10' })).toEqual({ k: 10, n: 10 });
  });

  it('takes CCSIM_SHARD_INDEX and CCSIM_SHARD_COUNT (a GitHub Actions matrix sets them from strategy.job-index and job-total)', () => {
    expect(shardOption('auto', { CCSIM_SHARD_INDEX: '1', CCSIM_SHARD_COUNT: '256' })).toEqual({ k: 2, n: 256 });
  });

  it('refuses what it cannot use rather than guess: nothing set, disagreement, an index past the count, a bad number', () => {
    expect(() => shardOption('auto', {})).toThrow(shardMessages.none());
    expect(() => shardOption('auto', { JOB_COMPLETION_INDEX: '1', CCSIM_SHARD_INDEX: '2', CCSIM_SHARD_COUNT: '4' })).toThrow(shardMessages.disagree('JOB_COMPLETION_INDEX', 'CCSIM_SHARD_INDEX'));
    expect(() => shardOption('auto/4', { AWS_BATCH_JOB_ARRAY_INDEX: '1', AWS_BATCH_JOB_ARRAY_SIZE: '5' })).toThrow(shardMessages.disagree('--shard auto/4', 'AWS_BATCH_JOB_ARRAY_SIZE'));
    expect(() => shardOption('auto/4', { JOB_COMPLETION_INDEX: '4' })).toThrow(shardMessages.outOfRange(4, 4, 'JOB_COMPLETION_INDEX'));
    expect(() => shardOption('auto/4', { JOB_COMPLETION_INDEX: '-1' })).toThrow(/JOB_COMPLETION_INDEX="-1" must be a whole number/);
    expect(() => shardOption('auto', { AWS_BATCH_JOB_ARRAY_INDEX: '0', AWS_BATCH_JOB_ARRAY_SIZE: '0' })).toThrow(/AWS_BATCH_JOB_ARRAY_SIZE="0" must be a whole number from 1/);
  });
});
