/**
 * An output directory is written as a whole: it always holds exactly one complete, consistent
 * result — the old one or the new one — before, during and after any interruption.
 *
 *   open    take the lock (output-lock.ts: `.<name>.lock` beside the directory; a second run into
 *           the same directory exits 2 naming the first one's pid) ─▶ recover a swap cut off by a
 *           kill ─▶ check that the directory is ccsim's (empty, new, or holding only files ccsim
 *           writes, so that no user file is ever thrown away) ─▶ read its manifest
 *   commit  staging directory `.<name>.staging-<pid>-<random>` beside the target ◀─ the new
 *           result's files + the report rebuilt for the new directory + the other commands'
 *           results of the same scenario (copied, as the manifest lists them: run's summary and
 *           CSVs, compare's, sweep's) + work in progress (a sweep's shard files and `.points/`, an optimisation's `.optimize/`)
 *           + the new manifest ─rename─▶ `.<name>.ready-…` (complete) ─▶ swap: the target is
 *           renamed to `.<name>.old-…`, the ready directory to the target ─▶ old removed
 *   release remove the lock
 *
 * Everything else is dropped: another scenario's results, charts a `--no-charts` rerun did not
 * draw, a stale customer-months.csv. The report (report.html, charts/, scenario.json) is rebuilt
 * by the command from what the new directory holds, so `ccsim report DIR` gives the same page.
 *
 * Interruptions. The commit is synchronous from the staging directory's creation to the old
 * directory's removal, and Node defers a signal's handler until it is done (signals.ts): SIGINT
 * or SIGTERM then removes this process's staging directory, releases the lock and exits with
 * 128 + the signal number. A kill that cannot be caught (SIGKILL, a power cut) can leave a
 * staging directory (incomplete: removed by the next writer), a ready one (complete) or, between
 * the two renames of the swap, no target but an old one and a ready one: the next process to take
 * the lock finishes such a swap (ready → target, or failing that old → target) and removes the
 * rest, so a reader sees the old result or the new one. Only the lock holder creates these
 * names, so whatever the next lock holder finds belongs to a process that is gone.
 *
 * The directory's own path: a parent that cannot exist (under /proc), a name too long for the
 * file system, no permission — every file-system error is bad input (exit 2, "cannot write the
 * outputs to DIR: …"), and parent directories created for it are removed again on failure.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { StoredFileError } from '../output/stored/read.js';
import { makeDirs, writeContent, type FileContent } from '../output/write.js';
import { manifestJson, MANIFEST_FILE, readManifest, RESULT_KINDS, type Manifest, type ResultKind } from '../output/stored/manifest.js';
import { UsageError } from './usage-error.js';
import { cliMessages } from './messages.js';
import { acquireLock, isRunning, LockedError, type Lock } from './output-lock.js';
import { readBounded } from './read-input.js';
import { cleanupOnSignal } from './signals.js';

export type Files = Readonly<Record<string, FileContent>>;

/** The output directory cannot be used: bad input (exit 2). */
export class OutputDirError extends UsageError {}

/** Entries the report is made of: rebuilt by every write, never carried over. */
const REPORT_ENTRIES = new Set(['report.html', 'scenario.json', 'charts']);
/**
 * Work in progress, kept as it is: a sweep's (which other processes, shards on other machines
 * too, may be adding to) and an interrupted optimisation's saved batches.
 */
const isWorkInProgress = (name: string) => name === '.points' || name === '.optimize' || /^shard-\d+-of-\d+\.json$/.test(name);
/** Result files of ccsim versions before the manifest, so their directories are recognised as ccsim's. */
const KNOWN_RESULT_FILES = new Set([
  'summary.json',
  'intervals.csv',
  'days.csv',
  'months.csv',
  'group-intervals.csv',
  'customer-months.csv',
  'comparison.json',
  'comparison.csv',
  'comparison-months.csv',
  'sweep.json',
  'sweep.csv',
  'sweep.xlsx',
  'comparison.xlsx',
  'comparison-requirements.csv',
  'optimize.json',
  'optimize-evaluated.csv',
  'optimize.xlsx',
  'scenario.yaml',
  'fit.json',
  'backtest.json',
]);

/** What desktops put in any folder a user looks at: not the user's, dropped without a word. */
const DESKTOP_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export interface OutputDir {
  /** The directory as the user named it (messages), and resolved. */
  readonly dir: string;
  readonly path: string;
  /** The results of `scenario` a new result of `kind` keeps (the report draws them too); `kind` null: the report alone is rebuilt. */
  keeps(scenario: string, kind: ResultKind | null): ResultKind[];
  /**
   * Builds the new directory and swaps it in (see the file comment). `omit`: carried entries
   * to leave behind (a finished sweep's saved points). Returns the written files' paths.
   */
  commit(scenario: string, kind: ResultKind | null, result: Files, report: Files, omit?: readonly string[]): string[];
  /** Releases the lock, and removes parent directories made for a directory never written. */
  release(): void;
}

/** A file-system error while writing the outputs, as bad input. */
function cannotWrite(dir: string, e: unknown): OutputDirError {
  return new OutputDirError(cliMessages.cannotWrite(dir, (e as Error).message));
}

/** Opens `dir` for writing: lock, recovery, checks (see the file comment); throws OutputDirError. */
export function openOutputDir(dir: string): OutputDir {
  const path = resolve(dir);
  const parent = dirname(path);
  const name = basename(path);
  if (parent === path) throw new OutputDirError(cliMessages.cannotWrite(dir, 'it is the root directory'));
  let created: string | undefined;
  let lock: Lock;
  try {
    created = makeDirs(parent);
    lock = acquireLock(join(parent, `.${name}.lock`), parent);
  } catch (e) {
    removeCreated(created, parent);
    if (e instanceof LockedError) throw new OutputDirError(cliMessages.locked(dir, e.pid, e.lockFile));
    throw cannotWrite(dir, e);
  }
  const staging = new Set<string>();
  let committed = false;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    for (const s of staging) rmSync(s, { recursive: true, force: true });
    lock.release();
    if (!committed && !existsSync(path)) removeCreated(created, parent);
    unregister();
    process.off('exit', release);
  };
  const unregister = cleanupOnSignal(release);
  process.on('exit', release);

  let manifest: Manifest | null;
  try {
    recover(parent, name, path);
    manifest = inspect(dir, path);
  } catch (e) {
    release();
    if (e instanceof OutputDirError) throw e;
    throw cannotWrite(dir, e);
  }

  const keeps = (scenario: string, kind: ResultKind | null): ResultKind[] =>
    manifest && manifest.scenario === scenario && kind !== 'fit'
      ? RESULT_KINDS.filter((k) => k !== kind && k !== 'fit' && manifest!.results[k] !== undefined)
      : [];

  const commit = (scenario: string, kind: ResultKind | null, result: Files, report: Files, omit: readonly string[] = []): string[] => {
    const nonce = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const stage = join(parent, `.${name}.staging-${nonce}`);
    const ready = join(parent, `.${name}.ready-${nonce}`);
    const old = join(parent, `.${name}.old-${nonce}`);
    staging.add(stage);
    staging.add(ready);
    try {
      mkdirSync(stage);
      const written: string[] = [];
      for (const [file, content] of Object.entries({ ...result, ...report })) {
        const to = join(stage, inside(file));
        mkdirSync(dirname(to), { recursive: true });
        writeContent(to, content);
        written.push(join(dir, file));
      }
      const exists = existsSync(path);
      const carry = (entry: string) => {
        if (omit.includes(entry) || !existsSync(join(path, entry))) return;
        cpSync(join(path, entry), join(stage, entry), { recursive: true, errorOnExist: true, force: false });
      };
      if (exists) {
        if (kind === null) {
          // The report alone: every result and the manifest stay as they are.
          for (const entry of readdirSync(path)) if (!REPORT_ENTRIES.has(entry) && !(entry in report)) carry(entry);
        } else {
          for (const k of keeps(scenario, kind)) for (const file of manifest!.results[k]!) carry(file);
          for (const entry of readdirSync(path)) if (isWorkInProgress(entry)) carry(entry);
        }
        for (const entry of omit) {
          rmSync(join(stage, inside(entry)), { recursive: true, force: true });
          removeEmptyUpTo(dirname(join(stage, inside(entry))), stage);
        }
      }
      if (kind !== null) {
        const results: Manifest['results'] = {};
        for (const k of keeps(scenario, kind)) results[k] = manifest!.results[k]!.filter((f) => existsSync(join(stage, f)));
        results[kind] = Object.keys(result);
        writeFileSync(join(stage, MANIFEST_FILE), manifestJson({ scenario, results }));
      }
      // The swap: from here to the end no await, so a signal waits for it (signals.ts).
      renameSync(stage, ready);
      staging.delete(stage);
      if (exists) {
        renameSync(path, old);
        try {
          renameSync(ready, path);
        } catch (e) {
          renameSync(old, path);
          throw e;
        }
        rmSync(old, { recursive: true, force: true });
      } else renameSync(ready, path);
      staging.delete(ready);
      committed = true;
      return written;
    } catch (e) {
      for (const s of [stage, ready]) rmSync(s, { recursive: true, force: true });
      throw e instanceof OutputDirError ? e : cannotWrite(dir, e);
    }
  };
  return { dir, path, keeps, commit, release };
}

/** A file name of the outputs, checked to stay inside the directory (defence in depth: names are ours). */
function inside(file: string): string {
  const n = normalize(file);
  if (isAbsolute(n) || n === '..' || n.startsWith(`..${sep}`) || n === '.' || n === MANIFEST_FILE) throw new Error(`output file name "${file}" is not a file inside the output directory`);
  return n;
}

/** Removes `dir` and its parents up to (not including) `top` while they are empty. */
function removeEmptyUpTo(dir: string, top: string): void {
  for (let d = dir; d.length > top.length; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
  }
}

/**
 * Finishes or undoes a swap that a kill cut off, and removes what interrupted writers left beside
 * the directory (see the file comment). Called with the lock held.
 */
function recover(parent: string, name: string, path: string): void {
  const prefix = `.${name}.`;
  const left = readdirSync(parent).filter((e) => e.startsWith(prefix) || e.startsWith(`.${name}-staging-`));
  const of = (kind: string) => left.filter((e) => e.startsWith(`${prefix}${kind}-`)).sort();
  if (!existsSync(path)) {
    const done = of('ready').at(-1) ?? of('old').at(-1);
    if (done !== undefined) renameSync(join(parent, done), path);
  }
  for (const e of readdirSync(parent)) {
    const rest = e.startsWith(prefix) ? e.slice(prefix.length) : '';
    const leftover = /^(staging|ready|old)-\d+-[0-9a-f]+$/.test(rest);
    const legacy = e.startsWith(`.${name}-staging-`); // staging of ccsim before the whole-directory swap
    const lockTemp = /^lock\.(\d+)\./.exec(rest); // a lock being taken when its process died
    if (leftover || legacy || (lockTemp && !isRunning(Number(lockTemp[1])))) rmSync(join(parent, e), { recursive: true, force: true });
  }
}

/**
 * The directory's manifest (null when it is new, empty or from a ccsim before manifests), after
 * checking that it holds nothing ccsim did not write.
 */
function inspect(dir: string, path: string): Manifest | null {
  if (!existsSync(path)) return null;
  if (!lstatSync(path).isDirectory()) throw new OutputDirError(cliMessages.cannotWrite(dir, 'it exists and is not a directory'));
  const entries = readdirSync(path);
  let manifest: Manifest | null = null;
  if (entries.includes(MANIFEST_FILE)) {
    const file = join(dir, MANIFEST_FILE);
    try {
      manifest = readManifest(file, readBounded(join(path, MANIFEST_FILE), 1024 * 1024));
    } catch (e) {
      if (e instanceof StoredFileError) throw new OutputDirError(e.message);
      throw e;
    }
  }
  const listed = new Set(Object.values(manifest?.results ?? {}).flat());
  const foreign = entries.filter((e) => e !== MANIFEST_FILE && !REPORT_ENTRIES.has(e) && !isWorkInProgress(e) && !KNOWN_RESULT_FILES.has(e) && !listed.has(e) && !DESKTOP_FILES.has(e));
  if (foreign.length > 0) throw new OutputDirError(cliMessages.foreignFiles(dir, foreign));
  if (entries.includes('charts') && !statSync(join(path, 'charts')).isDirectory()) throw new OutputDirError(cliMessages.foreignFiles(dir, ['charts']));
  return manifest;
}

/** Removes the directories mkdir made (`created`, the first of them, down to `parent`) if empty. */
function removeCreated(created: string | undefined, parent: string): void {
  if (created === undefined) return;
  for (let d = parent; d.length >= created.length; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
  }
}
