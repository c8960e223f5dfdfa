/**
 * `ccsim validate FILE --json`: the verdict as JSON for editors and CI, one object on stdout
 * whatever the outcome (the exit code stays 0 valid, 2 invalid):
 *
 *   { "valid": false, "file": "bad.yaml",
 *     "diagnostics": [ { "file": "bad.yaml", "line": 9, "column": 13, "path": "staffing.agent",
 *                        "message": "unknown key \"agent\" — did you mean \"agents\"?; …" } ],
 *     "omitted": 0 }
 *
 * `line` and `column` are 1-based, null where the problem has no place in the file (a file that
 * cannot be read); `path` is "" for the document as a whole. At most MAX_JSON_DIAGNOSTICS are
 * listed; `omitted` counts the rest (a file with 200,000 unknown keys).
 */
import type { Diagnostic } from '../scenario/errors.js';

export const MAX_JSON_DIAGNOSTICS = 1000;

export function validationJson(file: string, diagnostics: readonly Diagnostic[]): string {
  const listed = diagnostics.slice(0, MAX_JSON_DIAGNOSTICS).map((d) => ({ file: d.file, line: d.line ?? null, column: d.column ?? null, path: d.path, message: d.message }));
  return `${JSON.stringify({ valid: diagnostics.length === 0, file, diagnostics: listed, omitted: diagnostics.length - listed.length }, null, 2)}\n`;
}
