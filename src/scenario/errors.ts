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

/** Thrown for any invalid scenario; the CLI prints `format()` and exits 2. */
export class ScenarioError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'ScenarioError';
  }
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
