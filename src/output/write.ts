import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A file's content: text, bytes, or text in chunks made as they are written (output/csv.ts csvLines). */
export type FileContent = string | Uint8Array | Iterable<string>;

/** The whole text of a file's content (chunks joined, bytes decoded as UTF-8), for tests and readers. */
export function textOf(content: FileContent): string {
  if (typeof content === 'string') return content;
  if (content instanceof Uint8Array) return new TextDecoder().decode(content);
  return [...content].join('');
}

/** Writes one file's content; chunked text is written chunk by chunk, never held whole. */
export function writeContent(path: string, content: FileContent): void {
  if (typeof content === 'string' || content instanceof Uint8Array) return writeFileSync(path, content);
  const fd = openSync(path, 'w');
  try {
    for (const chunk of content) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

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
