import { closeSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

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
 * Writes a set of files into `dir` all-or-nothing as far as a file system allows: every file is
 * first written completely into a fresh staging directory next to `dir`, then renamed into
 * place. A failure while writing leaves no file half-written and none of the new set in `dir`.
 */
export function writeFilesAtomically(dir: string, files: Readonly<Record<string, FileContent>>): string[] {
  const target = resolve(dir);
  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}-staging-`));
  try {
    for (const [name, content] of Object.entries(files)) {
      const path = join(staging, name);
      mkdirSync(dirname(path), { recursive: true });
      writeContent(path, content);
    }
    mkdirSync(target, { recursive: true });
    const written: string[] = [];
    for (const name of Object.keys(files)) {
      const to = join(target, name);
      mkdirSync(dirname(to), { recursive: true });
      renameSync(join(staging, name), to);
      written.push(to);
    }
    return written;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Writes one file so that readers see either the old content or the whole new one: the text goes
 * to a temporary file next to it, which is then renamed over it (rename is atomic within a
 * file system). Used for a sweep's saved points, which must survive the process being killed.
 */
export function writeFileAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}
