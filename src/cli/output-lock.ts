/**
 * The lock of an output directory: one ccsim process writes a directory at a time.
 *
 * The lock is the file `.<name>.lock` beside the directory `<name>` (not inside it: the directory
 * itself is replaced as a whole, see output-dir.ts), holding the owner's pid and a random token.
 * It is created complete or not at all — written to a private file, then hard-linked to the lock
 * name, which fails if the name exists (link is atomic, as O_EXCL is, and never shows a
 * half-written lock). A lock whose pid is no longer a running process (killed with SIGKILL, a
 * crash, a reboot) is stale and taken over: it is first renamed to a private name — only one
 * contender can move a given file — and then checked to be the stale one that was seen, so two
 * processes taking over the same stale lock cannot both win. A process on another machine
 * writing over a shared file system is not seen (its pid means nothing here).
 */
import { randomUUID } from 'node:crypto';
import { linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBounded } from './read-input.js';

/** The lock is held by a running process. */
export class LockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`locked by process ${pid}`);
  }
}

export interface Lock {
  readonly file: string;
  /** Removes the lock if it is still ours (idempotent). */
  release(): void;
}

interface Owner {
  pid: number;
  token: string;
}

/** The lock file's owner, or null when it is gone or unreadable (a damaged lock counts as stale). */
function ownerOf(file: string): Owner | null {
  try {
    const m = /^(\d+) ([0-9a-f-]{36})\n$/.exec(readBounded(file, 200));
    return m ? { pid: Number(m[1]), token: m[2]! } : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid runs (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock `file` (in an existing directory), taking over a stale one. Throws LockedError
 * when a running process holds it; file-system errors (ENAMETOOLONG, EACCES…) as they are.
 */
export function acquireLock(file: string, dir: string): Lock {
  const me: Owner = { pid: process.pid, token: randomUUID() };
  const mine = join(dir, `${file.slice(dir.length + 1)}.${me.pid}.${me.token.slice(0, 8)}`);
  writeFileSync(mine, `${me.pid} ${me.token}\n`, { flag: 'wx' });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, file);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw e;
      }
      const seen = ownerOf(file);
      if (seen && isRunning(seen.pid)) throw new LockedError(file, seen.pid);
      // Stale (or unreadable): move it aside, and make sure what moved is what was judged stale.
      const aside = `${mine}.stale`;
      try {
        renameSync(file, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // another process took it over first
        throw e;
      }
      const moved = ownerOf(aside);
      if (moved && moved.token !== seen?.token && isRunning(moved.pid)) {
        // A live lock taken in between: put it back (unless yet another is there) and give way.
        try {
          linkSync(aside, file);
        } catch {
          // someone else holds the name now
        }
        rmSync(aside, { force: true });
        throw new LockedError(file, moved.pid);
      }
      rmSync(aside, { force: true });
    }
  } finally {
    rmSync(mine, { force: true });
  }
  let held = true;
  return {
    file,
    release() {
      if (!held) return;
      held = false;
      if (ownerOf(file)?.token === me.token) rmSync(file, { force: true });
    },
  };
}
