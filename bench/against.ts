/**
 * `npm run bench -- --against REF`: the whole-process calls/s of the canonical 21-day case under
 * this tree and under a git ref (the change's "before"), measured in the same run, interleaved
 * (A B A B …) so that the load of this shared machine falls on both alike. The ref is checked out
 * into a temporary worktree, installed (`npm ci`) and built there; its CLI runs from its own dist/.
 * Reports the ratio of the medians: how much slower or faster the change made a whole run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canonicalYaml } from './canonical.js';

export interface AgainstResult {
  ref: string;
  runs: number;
  calls: number;
  thisMs: number[];
  refMs: number[];
  /** median(this) / median(ref) of calls/s: above 1 faster, below 1 slower. */
  ratio: number;
}

function sh(cmd: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${r.stderr.slice(-2000)}`);
  return r.stdout;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Runs the case `runs` times under each tree, alternating; `root` is this project's root. */
export function against(root: string, ref: string, runs: number, tmp: string): AgainstResult {
  const worktree = mkdtempSync(path.join(os.tmpdir(), 'ccsim-against-'));
  rmSync(worktree, { recursive: true, force: true });
  sh('git', ['worktree', 'add', '--detach', worktree, ref], root);
  try {
    sh('npm', ['ci', '--no-audit', '--no-fund'], worktree);
    sh('npm', ['run', 'build'], worktree);
    const file = path.join(tmp, 'against.yaml');
    writeFileSync(file, canonicalYaml('bench-against', { days: 21 }));
    const once = (cwd: string, i: number) => {
      const t0 = performance.now();
      const out = sh(process.execPath, ['bin/ccsim.js', 'run', file, '--reps', '1', '--workers', '1', '--json', '--no-charts', '--out', path.join(tmp, `against-${i}`)], cwd);
      return { ms: performance.now() - t0, calls: (JSON.parse(out) as { kpis: { offered: { mean: number } } }).kpis.offered.mean };
    };
    const thisMs: number[] = [];
    const refMs: number[] = [];
    let calls = 0;
    for (let i = 0; i < runs; i++) {
      const a = once(root, 2 * i);
      const b = once(worktree, 2 * i + 1);
      thisMs.push(a.ms);
      refMs.push(b.ms);
      calls = a.calls;
      if (a.calls !== b.calls) process.stderr.write(`bench: note: the two trees offered different calls (${a.calls} vs ${b.calls}): the model changed what it simulates\n`);
    }
    return { ref, runs, calls, thisMs, refMs, ratio: median(refMs) / median(thisMs) };
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root });
  }
}
