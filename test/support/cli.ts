import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the CLI as a user would (`node --import tsx src/cli.ts …`) from the repo root. */
export function ccsim(args: string[], options: { cwd?: string } = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${REPO}/src/cli.ts`, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
