/** One problem found in a scenario, located as precisely as the source allows. */
export interface Diagnostic {
  file: string;
  /** 1-based line and column, where the problem has a place in the file. */
  line?: number;
  column?: number;
  /** Field path, e.g. "staffing.agents" or "policies[1].set". */
  path: string;
  message: string;
}

/**
 * Diagnostics a message lists; the rest are counted ("… and N more"). A file with 200,000 unknown
 * keys has 200,000 diagnostics: all are kept (`diagnostics`), but a screenful tells the story.
 */
export const SHOWN_DIAGNOSTICS = 100;

/** The line closing a list cut at SHOWN_DIAGNOSTICS. */
export const moreDiagnostics = (more: number) => `… and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'}`;

/** Thrown for any invalid scenario; the CLI prints the message and exits 2. */
export class ScenarioError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(formatDiagnostics(diagnostics));
    this.name = 'ScenarioError';
  }
}

/** The diagnostics one per line, at most SHOWN_DIAGNOSTICS of them. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const shown = diagnostics.slice(0, SHOWN_DIAGNOSTICS).map(formatDiagnostic);
  if (diagnostics.length > SHOWN_DIAGNOSTICS) shown.push(moreDiagnostics(diagnostics.length - SHOWN_DIAGNOSTICS));
  return shown.join('\n');
}

/** `file:line:col: path: message` — the shape editors and CI logs link on. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line !== undefined ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
  return d.path ? `${where}: ${d.path}: ${d.message}` : `${where}: ${d.message}`;
}

/** Renders a path of keys and indices as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}
