/**
 * One CSV line (RFC 4180): a cell is quoted when it holds a comma, a quote or a line break, with
 * quotes doubled. Numbers are written in JavaScript's shortest round-trip form; other values
 * that are not text (null, lists, mappings — sweep values) as JSON.
 */
export function csvRow(cells: readonly unknown[]): string {
  return cells
    .map((c) => {
      const text = typeof c === 'string' ? c : typeof c === 'number' ? String(c) : JSON.stringify(c ?? null);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/** An estimate's mean, lo and hi as CSV cells: blank when the figure is empty (a ratio over nothing). */
export function estimateCells(e: { mean: number | null; ci95: readonly [number, number] | null }): (number | string)[] {
  return e.mean === null || e.ci95 === null ? ['', '', ''] : [e.mean, e.ci95[0], e.ci95[1]];
}

/** Lines gathered into one chunk of a streamed CSV (about a megabyte of text). */
const CHUNK_LINES = 1024;

/**
 * A CSV file as a lazy sequence of text chunks: the header, then one line per row, each row's
 * cells made only when the chunk holding it is read, so a file of years of intervals is never
 * in memory at once (the writer, output/write.ts, consumes it chunk by chunk). Each pass over
 * the result reads the rows afresh; output/write.ts `textOf` joins it where a string is wanted.
 */
export function csvLines<T>(head: readonly string[], rows: Iterable<T>, cells: (row: T) => readonly unknown[]): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      let chunk: string[] = [csvRow(head)];
      for (const row of rows) {
        chunk.push(csvRow(cells(row)));
        if (chunk.length >= CHUNK_LINES) {
          yield `${chunk.join('\n')}\n`;
          chunk = [];
        }
      }
      if (chunk.length > 0) yield `${chunk.join('\n')}\n`;
    },
  };
}
