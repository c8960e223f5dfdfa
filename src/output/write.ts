import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`: makes `dir` and its missing parents, one at a time from the top, and returns the
 * first directory it made (undefined if none). Not fs.mkdirSync(…, { recursive: true }): on
 * Node 20 that loops forever under /proc, where mkdir answers ENOENT for a parent that exists.
 */
export function makeDirs(dir: string): string | undefined {
  const missing: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    try {
      if (!statSync(d).isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${d}'`), { code: 'ENOTDIR' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(d) === d) throw e;
      missing.push(d);
    }
  }
  const made: string[] = [];
  try {
    for (const d of missing.reverse()) {
      mkdirSync(d);
      made.push(d);
    }
  } catch (e) {
    for (const d of made.reverse()) rmSync(d, { recursive: true, force: true });
    throw e;
  }
  return made[0];
}

/**
 * Writes one file so that readers see either the old content or the whole new one: the text goes
 * to a temporary file next to it, which is then renamed over it (rename is atomic within a
 * file system). Used for a sweep's saved points, which must survive the process being killed.
 */
export function writeFileAtomically(path: string, content: string): void {
  makeDirs(dirname(path));
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}
