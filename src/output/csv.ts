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
