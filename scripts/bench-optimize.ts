/**
 * `npm run bench:optimize`: the speed target of `ccsim optimize` — a week of a two-group center
 * with three shifts per group (scenarios/two-group-week.yaml: six shift sizes and one shift start)
 * must be optimised in under five minutes on two cores. Runs the real CLI (compiled when it is
 * fresh, else through tsx) with the default replications, budget and workers, and prints the wall
 * time, the candidates evaluated, the replications used, the chosen staffing and the machine's
 * load; exits 1 when the target is missed. Extra arguments go to `ccsim optimize`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const TARGET_SEC = 300;
const out = mkdtempSync(join(tmpdir(), 'ccsim-bench-optimize-'));
const before = loadavg()[0]!;
const started = process.hrtime.bigint();
const r = spawnSync(process.execPath, [join(REPO, 'bin/ccsim.js'), 'optimize', join(REPO, 'scenarios/two-group-week.yaml'), '--no-charts', '--out', out, ...process.argv.slice(2)], {
  cwd: REPO,
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1' },
});
const wall = Number(process.hrtime.bigint() - started) / 1e9;
const after = loadavg()[0]!;
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  process.exit(r.status ?? 3);
}
const o = JSON.parse(readFileSync(join(out, 'optimize.json'), 'utf8')) as {
  best: { set: Record<string, unknown>; objective: { mean: number; ci95: [number, number] }; status: string; replications: number };
  evaluations: number;
  replicationsUsed: number;
  stopped: string;
  path: unknown[];
};
rmSync(out, { recursive: true, force: true });
const lines = [
  `ccsim optimize scenarios/two-group-week.yaml: ${wall.toFixed(1)} s wall on ${availableParallelism()} cores (target < ${TARGET_SEC} s)`,
  `  ${o.evaluations} candidates evaluated, ${o.replicationsUsed} replications, ${o.path.length - 1} moves, ended at a ${o.stopped}`,
  `  chosen (${o.best.status}, ${o.best.replications} replications): ${JSON.stringify(o.best.set)}`,
  `  profit ${o.best.objective.mean.toFixed(0)} [${o.best.objective.ci95.map((x) => x.toFixed(0)).join(', ')}]`,
  `  load average (1 min) before ${before.toFixed(2)}, after ${after.toFixed(2)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
if (wall >= TARGET_SEC) {
  process.stderr.write(`bench:optimize: ${wall.toFixed(1)} s is over the ${TARGET_SEC} s target\n`);
  process.exit(1);
}
