import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** tsx's loader by its path, so the CLI also starts from a working directory outside the repository. */
const TSX = pathToFileURL(`${REPO}/node_modules/tsx/dist/loader.mjs`).href;

/** Runs the CLI as a user would (`node --import tsx src/cli.ts …`) from the repo root. */
export function ccsim(args: string[], options: { cwd?: string } = {}) {
  const r = spawnSync(process.execPath, ['--import', TSX, `${REPO}/src/cli.ts`, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The CLI as a child process that does not block the test file, so `describe.concurrent` tests
 * overlap their ~0.5 s start-up. `child` is handed out for tests that must stop it midway; `env`
 * adds to the environment (undefined removes a variable).
 */
export function ccsimAsync(
  args: string[],
  options: { cwd?: string; onStart?: (child: ChildProcess) => void; env?: Readonly<Record<string, string | undefined>> } = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    const child = spawn(process.execPath, ['--import', TSX, `${REPO}/src/cli.ts`, ...args], {
      cwd: options.cwd ?? REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
    options.onStart?.(child);
  });
}

/**
 * An `onStart` for ccsimAsync that SIGKILLs the child as soon as `ready()` holds (polled every
 * `everyMs`): a run killed midway, once it has saved some of its work.
 */
export function killWhen(ready: () => boolean, everyMs = 5): (child: ChildProcess) => void {
  return (child) => {
    const poll = setInterval(() => {
      if (ready()) {
        clearInterval(poll);
        child.kill('SIGKILL');
      }
    }, everyMs);
    child.on('close', () => clearInterval(poll));
  };
}
