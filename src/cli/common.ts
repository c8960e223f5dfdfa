/**
 * What every command of the CLI shares: reading the scenario, checking option values, and
 * writing outputs. Part of the CLI layer (with src/cli.ts): the only code that reads argv and
 * files, prints, and sets exit codes.
 */
import { availableParallelism, totalmem } from 'node:os';
import type { ModelConfig } from '../model/config.js';
import { ScenarioError, type Diagnostic } from '../scenario/errors.js';
import * as msg from '../scenario/messages.js';
import { VERDICT_FIGURES } from '../experiment/verdict.js';
import { UsageError } from './usage-error.js';
import { cliMessages } from './messages.js';
import { formatBytes, INPUT_LIMITS, InputTooLarge, readBounded } from './read-input.js';
import type { Reported } from '../experiment/constraint.js';

export { UsageError };

export const EXIT_CHANGED_VERDICT = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 3;

/** A scenario file's text: at most INPUT_LIMITS.scenarioBytes (cli/read-input.ts). */
export function readScenario(file: string): string {
  try {
    return readBounded(file, INPUT_LIMITS.scenarioBytes);
  } catch (e) {
    if (e instanceof InputTooLarge) throw new ScenarioError([{ file, path: '', message: msg.fileTooLarge(formatBytes(e.limit)) }]);
    const err = e as NodeJS.ErrnoException;
    throw new ScenarioError([{ file, path: '', message: err.code === 'ENOENT' ? msg.fileNotFound() : msg.fileUnreadable(err.message) }]);
  }
}

/**
 * A stored result's text (summary.json, a shard…): at most INPUT_LIMITS.storedBytes. A file that
 * cannot be read is bad input; its absence is the caller's to check first.
 */
export function readStored(file: string): string {
  try {
    return readBounded(file, INPUT_LIMITS.storedBytes);
  } catch (e) {
    if (e instanceof InputTooLarge) throw new UsageError(cliMessages.storedTooLarge(file, e.limit));
    throw new UsageError(cliMessages.storedUnreadable(file, (e as Error).message));
  }
}

/** The scenario of FILE, loaded and validated, with its text (`source`, shown in the report). */
export async function load(file: string) {
  const { parseScenario } = await import('../scenario/load.js');
  const source = readScenario(file);
  return { ...parseScenario(source, file), source };
}

/** A scenario as the commands hold it: its file, text, parsed scenario and configurations. */
export type Loaded = Awaited<ReturnType<typeof load>>;

/** What the report says about a loaded scenario (scenario.json). */
export function scenarioInfo(loaded: { file: string; source: string; scenario: { name: string; description?: string | undefined } }) {
  return { name: loaded.scenario.name, description: loaded.scenario.description, file: loaded.file, source: loaded.source };
}

/** Reads a file named by an option (`--baseline FILE`); a missing or unreadable file is bad input. */
export function readOptionFile(option: string, file: string): string {
  try {
    return readBounded(file, INPUT_LIMITS.scenarioBytes);
  } catch (e) {
    if (e instanceof InputTooLarge) throw new UsageError(cliMessages.optionFileTooLarge(option, file, e.limit));
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`--${option} ${file}: ${err.code === 'ENOENT' ? 'no such file' : `cannot read it: ${err.message}`}`);
  }
}

/** An option value as the user should see it in a message (yargs turns junk like "abc" into NaN). */
export function shown(value: unknown): string {
  return typeof value === 'number' && Number.isNaN(value) ? 'something that is not a number' : JSON.stringify(value ?? null);
}

/** An option that must be an integer in [min, max]; yargs gives numbers, NaN for junk. */
export function intOption(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, got ${shown(value)}`);
  }
  return value;
}

export function numberOption(name: string, value: unknown, check: (v: number) => boolean, allowed: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !check(value)) {
    throw new UsageError(`--${name} must be ${allowed}, got ${shown(value)}`);
  }
  return value;
}

/** `--by KPI` and the like: a figure with a direction (experiment/verdict.ts). */
export function figureOption(name: string, value: unknown): string {
  if (typeof value !== 'string' || !VERDICT_FIGURES.includes(value)) {
    throw new UsageError(`--${name} must be one of ${VERDICT_FIGURES.join(', ')}, got ${shown(value)}`);
  }
  return value;
}

/**
 * `--require TEXT` (repeatable): requirements on figures (experiment/constraint.ts), read and
 * checked against what the scenario reports before anything runs; bad text is bad input.
 */
export async function requireOption(values: unknown, reported: () => Promise<Reported>, more: readonly string[] = []) {
  const texts = [...more, ...(values === undefined ? [] : Array.isArray(values) ? values : [values]).map(String)];
  if (texts.length === 0) return [];
  const { parseConstraints, checkReported, ConstraintError } = await import('../experiment/constraint.js');
  try {
    const constraints = parseConstraints(texts);
    const known = await reported();
    for (const c of constraints) checkReported(c, known);
    return constraints;
  } catch (e) {
    if (e instanceof ConstraintError) throw new UsageError(`--require ${e.message}`);
    throw e;
  }
}

/**
 * The requirements of a scenario's `optimize.require`, read and (given what the scenario reports)
 * checked; every bad one is a diagnostic at its line and column in the file.
 */
export async function fileRequirements(loaded: Loaded, reported?: Reported) {
  const { parseConstraint, checkReported, ConstraintError } = await import('../experiment/constraint.js');
  const problems: Diagnostic[] = [];
  const out = (loaded.scenario.optimize?.require ?? []).flatMap((text, i) => {
    try {
      const c = parseConstraint(text);
      if (reported) checkReported(c, reported);
      return [c];
    } catch (e) {
      if (!(e instanceof ConstraintError)) throw e;
      problems.push({ file: loaded.file, ...loaded.locate(['optimize', 'require', i]), path: `optimize.require[${i}]`, message: e.message });
      return [];
    }
  });
  if (problems.length > 0) throw new ScenarioError(problems);
  return out;
}

/**
 * The figures a configuration reports (its kpis, economics, customers, and each channel's
 * breakdown), from one simulated hour: which figures exist depends on the configuration, not on
 * the horizon.
 */
export async function probeReported(config: ModelConfig, seed: number, groups: readonly ('kpis' | 'economics' | 'customers')[] = ['kpis', 'economics', 'customers']): Promise<Reported> {
  const { simulateReplication } = await import('../model/contact-center.js');
  const { reportedBy } = await import('../experiment/constraint.js');
  const { figureDef } = await import('../model/catalogue.js');
  const all = reportedBy(simulateReplication({ ...config, warmupSec: 0, horizonSec: Math.min(config.horizonSec, 3600) }, seed, 0));
  return { ...all, figures: all.figures.filter((f) => groups.includes(figureDef(f)?.group ?? 'kpis')) };
}

/**
 * `--set KEY=VALUE` (repeatable) and, for compare, `--policy NAME={…}` (repeatable): the loaded
 * scenario with the overrides applied and validated (experiment/grid.ts reads them; a bad one is
 * bad input naming the option), its policies replaced by the given ones when there are any.
 */
export async function overrideOptions(loaded: Loaded, sets: unknown, policies?: unknown): Promise<Loaded> {
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(String);
  const { parseSet, parsePolicy, GridError, gridMessages } = await import('../experiment/grid.js');
  const { withOverrides } = await import('../scenario/load.js');
  let set: Record<string, unknown> = {};
  let given: { name: string; set: Record<string, unknown> }[] | undefined;
  try {
    for (const text of list(sets)) {
      const { key, value } = parseSet(text);
      if (key in set) throw new GridError(gridMessages.setTwice(key));
      set = { ...set, [key]: value };
    }
    given = list(policies).length > 0 ? list(policies).map(parsePolicy) : undefined;
  } catch (e) {
    if (e instanceof GridError) throw new UsageError(e.message);
    throw e;
  }
  if (Object.keys(set).length === 0 && given === undefined) return loaded;
  const origin = `--set ${Object.entries(set).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' --set ')}`;
  return { ...withOverrides(loaded, set, origin, given), source: loaded.source };
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export function outOption(value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError('--out must name a directory, got ""');
  return value;
}

/** A file-system error (ENOENT, ENAMETOOLONG, EACCES, EROFS…) while writing outputs: bad input, not a bug. */
export function isUnwritable(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/**
 * Makes a command's work-in-progress directory inside its output directory `dir` (a sweep's saved
 * points, an optimisation's saved batches); a file-system error is bad input naming `dir`.
 */
export async function makeWorkDir(dir: string, path: string): Promise<void> {
  const { makeDirs } = await import('../output/write.js');
  try {
    makeDirs(path);
  } catch (e) {
    if (isUnwritable(e)) throw new UsageError(cliMessages.cannotWrite(dir, (e as Error).message));
    throw e;
  }
}

/**
 * Opens an output directory for writing: the lock, recovery of an interrupted swap and the check
 * that the directory is ccsim's (cli/output-dir.ts). Release it in a finally.
 */
export async function openOutput(dir: string) {
  const { openOutputDir } = await import('./output-dir.js');
  return openOutputDir(dir);
}

/** Writes one file atomically (a temporary file next to it, renamed into place). */
export async function writeOutputFile(file: string, content: string): Promise<string> {
  const { writeFileAtomically } = await import('../output/write.js');
  try {
    writeFileAtomically(file, content);
    return file;
  } catch (e) {
    if (isUnwritable(e)) throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
    throw e;
  }
}

/** Estimated at most this share of the machine's memory may be used by one run. */
const MEMORY_SHARE = 0.8;
/** Runs estimated to take longer than this say so on stderr before they start. */
const ANNOUNCE_SEC = 20;

export const resourceMessages = {
  tooMuchMemory: (needGB: number, haveGB: number, customers: number, replications: number, workers: number) =>
    `this run needs about ${needGB.toFixed(1)} GB of memory (${customers > 0 ? `${customers.toLocaleString('en-US')} customer ids × 20 bytes per replication in flight, ` : ''}${replications} replication(s), ${workers} at once); this machine has ${haveGB.toFixed(1)} GB, of which ${Math.round(MEMORY_SHARE * 100)}% may be used: lower --workers or --reps, shorten the horizon, or shrink the base`,
  estimate: (contacts: number, replications: number, memGB: number, seconds: number) =>
    `estimate: ${Math.round(contacts).toLocaleString('en-US')} contacts × ${replications} replication(s), about ${memGB.toFixed(1)} GB of memory and ${seconds < 120 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`} (rough)`,
};

/**
 * The run's resources, known before it starts (experiment/resources.ts): refused with the
 * estimate named when it cannot fit in this machine's memory; announced on stderr when long.
 */
export async function checkResources(configs: readonly ModelConfig[], replications: number, workers: number): Promise<void> {
  const { estimateResources } = await import('../experiment/resources.js');
  const estimates = configs.map((c) => estimateResources(c, replications, workers));
  const worst = estimates.reduce((a, b) => (b.memoryBytes > a.memoryBytes ? b : a));
  const have = totalmem();
  if (worst.memoryBytes > MEMORY_SHARE * have) {
    throw new UsageError(resourceMessages.tooMuchMemory(worst.memoryBytes / 1e9, have / 1e9, worst.customers, replications, Math.min(workers, replications)));
  }
  const seconds = estimates.reduce((s, e) => s + e.seconds, 0);
  if (seconds > ANNOUNCE_SEC) {
    const contacts = estimates.reduce((s, e) => s + e.contactsPerReplication, 0);
    process.stderr.write(`${resourceMessages.estimate(contacts, replications, worst.memoryBytes / 1e9, seconds)}\n`);
  }
}
