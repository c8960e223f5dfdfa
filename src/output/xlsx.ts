/**
 * Tables → an .xlsx workbook (Office Open XML, ECMA-376), as bytes for the output directory
 * (cli/output-dir.ts): one sheet per table, a header row of column names, then the rows.
 *
 * - Numbers are written as numbers, strings as strings, booleans as booleans; null and undefined
 *   leave the cell empty. NaN is an empty cell; ±Infinity, which a spreadsheet cannot hold as a
 *   number, is the text "Infinity" / "-Infinity".
 * - A column may carry a format: percent (0.0%), integer (0), money (#,##0.00), number (0.000).
 *   Only the display changes; the stored value is the full double.
 * - An estimate { mean, ci95: [lo, hi] } takes three columns, `<name> mean`, `<name> lo`,
 *   `<name> hi` (`estimateColumns`, `estimateCells`), so a spreadsheet can compute with each.
 * - The header row is frozen unless `freezeHeader: false`.
 *
 * Written with exceljs (4.4), imported on first use so that CLI start-up does not load it.
 * Deterministic: the same tables give the same bytes. exceljs stamps the workbook's created and
 * modified dates and JSZip stamps every zip entry with the time of writing, so the document
 * properties are set to a fixed date (1980-01-01T00:00:00Z, the first instant a zip entry can
 * carry) and the archive is re-packed with every entry dated the same.
 *
 * @example
 * const bytes = await xlsxBytes([{ name: 'policies', columns: ['policy', { name: 'serviceLevel', format: 'percent' }],
 *   rows: [['baseline', 0.81], ['plus-10-agents', 0.93]] }]);
 * output.commit(scenario, 'comparison', { 'comparison.xlsx': bytes, … }, report);
 */

export type CellValue = number | string | boolean | null | undefined;
export type ColumnFormat = 'percent' | 'integer' | 'money' | 'number';

export interface SheetColumn {
  name: string;
  format?: ColumnFormat;
  /** Width in characters; default: the longer of the name and 10. */
  width?: number;
}

export interface SheetTable {
  /** 1–31 characters, none of \ / ? * [ ] :, unique in the workbook (ignoring case). */
  name: string;
  columns: ReadonlyArray<string | SheetColumn>;
  /** Each row has exactly one value per column. */
  rows: ReadonlyArray<ReadonlyArray<CellValue>>;
  freezeHeader?: boolean;
}

/** An estimate as the summary JSON writes it. */
export interface Estimate {
  mean: number;
  ci95: readonly [number, number];
}

const NUMBER_FORMAT: Record<ColumnFormat, string> = {
  percent: '0.0%',
  integer: '0',
  money: '#,##0.00',
  number: '0.000',
};

/** The fixed date of every timestamp in the file: the zip format's epoch (DOS dates start in 1980). */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

/** Every input error is phrased here, once. */
export const xlsxMessage = {
  sheetName: (name: string): string =>
    `xlsx: sheet name ${JSON.stringify(name)} must have 1–31 characters and none of \\ / ? * [ ] :`,
  duplicateSheet: (name: string): string => `xlsx: sheet name ${JSON.stringify(name)} is used twice (names ignore case)`,
  rowLength: (sheet: string, row: number, got: number, want: number): string =>
    `xlsx: sheet ${JSON.stringify(sheet)} row ${row} has ${got} values, but the sheet has ${want} columns`,
};

/** The three columns of an estimate: `<name> mean`, `<name> lo`, `<name> hi`, in one format. */
export function estimateColumns(name: string, format?: ColumnFormat): SheetColumn[] {
  return ['mean', 'lo', 'hi'].map((part) => (format === undefined ? { name: `${name} ${part}` } : { name: `${name} ${part}`, format }));
}

/** The three cells of an estimate, matching `estimateColumns`. */
export function estimateCells(estimate: Estimate): [number, number, number] {
  return [estimate.mean, estimate.ci95[0], estimate.ci95[1]];
}

function validate(sheets: readonly SheetTable[]): void {
  const seen = new Set<string>();
  for (const sheet of sheets) {
    if (sheet.name.length < 1 || sheet.name.length > 31 || /[\\/?*[\]:]/.test(sheet.name)) throw new RangeError(xlsxMessage.sheetName(sheet.name));
    const key = sheet.name.toLowerCase();
    if (seen.has(key)) throw new RangeError(xlsxMessage.duplicateSheet(sheet.name));
    seen.add(key);
    sheet.rows.forEach((row, i) => {
      if (row.length !== sheet.columns.length) throw new RangeError(xlsxMessage.rowLength(sheet.name, i + 1, row.length, sheet.columns.length));
    });
  }
}

function cell(value: CellValue): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? null : value > 0 ? 'Infinity' : '-Infinity';
  return value;
}

/** The workbook's bytes; the same sheets always give the same bytes. */
export async function xlsxBytes(sheets: readonly SheetTable[]): Promise<Uint8Array> {
  validate(sheets);
  const [{ default: ExcelJS }, { default: JSZip }] = await Promise.all([import('exceljs'), import('jszip')]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ccsim';
  workbook.lastModifiedBy = 'ccsim';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const table of sheets) {
    const columns = table.columns.map((c) => (typeof c === 'string' ? { name: c } : c));
    const sheet = workbook.addWorksheet(table.name, table.freezeHeader === false ? {} : { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({
      header: c.name,
      width: c.width ?? Math.max(10, c.name.length + 2),
      ...(c.format === undefined ? {} : { style: { numFmt: NUMBER_FORMAT[c.format] } }),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(cell));
  }
  const written = await workbook.xlsx.writeBuffer();
  // Re-pack with every entry dated FIXED_DATE (JSZip writes the current time otherwise).
  const zip = await JSZip.loadAsync(written as ArrayBuffer);
  zip.forEach((_path, entry) => {
    entry.date = FIXED_DATE;
  });
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return bytes;
}
