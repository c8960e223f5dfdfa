/**
 * Delimiter-separated text (CSV, TSV, …) → rows of fields, each field with its 1-based line and
 * column, so a message can point at the exact cell. RFC 4180 quoting when `quote` is on: a field
 * that starts with `"` runs to the next lone `"` (a doubled `""` is one quote), and may span
 * lines. Line ends are LF or CRLF. Blank lines are skipped.
 *
 * Written here rather than taken from npm: csv-parse and papaparse report a record's line but
 * not the column where each field starts, which every message about a bad cell names; the
 * format is small enough that 70 lines cover it.
 */
import { fitMessage, FitError } from './messages.js';

export interface Field {
  text: string;
  line: number;
  column: number;
}

export interface Row {
  /** Line where the row starts. */
  line: number;
  fields: Field[];
}

/** Parses the whole text; throws FitError on an unterminated quote. */
export function parseDelimited(text: string, delimiter: string, quote = true): Row[] {
  const rows: Row[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not data
  let line = 1;
  let lineStart = i;
  while (i < n) {
    const row: Row = { line, fields: [] };
    for (;;) {
      const column = i - lineStart + 1;
      const fieldLine = line;
      let value = '';
      if (quote && text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new FitError(fitMessage.unterminatedQuote(), fieldLine, column);
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') {
            line++;
            lineStart = i + 1;
          }
          value += c;
          i++;
        }
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      } else {
        const start = i;
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
        value = text.slice(start, i);
      }
      row.fields.push({ text: value, line: fieldLine, column });
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    lineStart = i;
    if (!(row.fields.length === 1 && row.fields[0]!.text === '')) rows.push(row);
  }
  return rows;
}
