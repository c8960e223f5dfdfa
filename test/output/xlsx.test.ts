import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateCells, estimateColumns, xlsxBytes, xlsxMessage, type SheetTable } from '../../src/output/xlsx.js';

const tables: SheetTable[] = [
  {
    name: 'policies',
    columns: ['policy', { name: 'serviceLevel', format: 'percent' }, { name: 'agents', format: 'integer' }, ...estimateColumns('profit', 'money'), 'note'],
    rows: [
      ['baseline', 0.8123, 55, ...estimateCells({ mean: 1234.5, ci95: [1100.25, 1368.75] }), null],
      ['plus-10-agents', 0.9345, 65, ...estimateCells({ mean: 1500, ci95: [1400, 1600] }), 'more staff'],
      ['unstable', 0, 1, Number.NaN, Infinity, -Infinity, undefined],
    ],
  },
  { name: 'erlang', columns: ['agents', 'pWait'], rows: [[11, 0.6821182046893], [12, 0.4493]], freezeHeader: false },
];

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('xlsxBytes', () => {
  it('writes one sheet per table, in order, with the column names as a bold, frozen header row', async () => {
    const book = await readBack(await xlsxBytes(tables));
    expect(book.worksheets.map((s) => s.name)).toEqual(['policies', 'erlang']);
    const sheet = book.getWorksheet('policies')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'policy', 'serviceLevel', 'agents', 'profit mean', 'profit lo', 'profit hi', 'note']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(book.getWorksheet('erlang')!.views?.[0]?.state).not.toBe('frozen');
  });

  it('keeps numbers as numbers and strings as strings, and leaves null and undefined cells empty', async () => {
    const sheet = (await readBack(await xlsxBytes(tables))).getWorksheet('policies')!;
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B2').value).toBe(0.8123);
    expect(sheet.getCell('C2').value).toBe(55);
    expect([sheet.getCell('D2').value, sheet.getCell('E2').value, sheet.getCell('F2').value]).toEqual([1234.5, 1100.25, 1368.75]);
    expect(sheet.getCell('G2').type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.getCell('G3').value).toBe('more staff');
    expect(sheet.getCell('G4').type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.rowCount).toBe(4);
  });

  it('writes NaN as an empty cell and ±Infinity as text, since a spreadsheet cell cannot hold them as numbers', async () => {
    const sheet = (await readBack(await xlsxBytes(tables))).getWorksheet('policies')!;
    expect(sheet.getCell('D4').type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.getCell('E4').value).toBe('Infinity');
    expect(sheet.getCell('F4').value).toBe('-Infinity');
  });

  it('gives percent, integer and money columns their number formats', async () => {
    const sheet = (await readBack(await xlsxBytes(tables))).getWorksheet('policies')!;
    expect(sheet.getCell('B2').numFmt).toBe('0.0%');
    expect(sheet.getCell('C2').numFmt).toBe('0');
    expect(sheet.getCell('D2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('A2').numFmt ?? 'General').toBe('General');
  });

  it('gives the same bytes for the same tables, even when written at different times', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2031, 5, 1, 12, 0, 0));
    const first = await xlsxBytes(tables);
    vi.setSystemTime(Date.UTC(2042, 0, 2, 3, 4, 5));
    const second = await xlsxBytes(tables);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const zip = await JSZip.loadAsync(first);
    const dates = new Set<number>();
    zip.forEach((_path, entry) => dates.add(entry.date.getTime()));
    expect([...dates]).toEqual([Date.UTC(1980, 0, 1)]);
    expect((await readBack(first)).created.getTime()).toBe(Date.UTC(1980, 0, 1));
  });

  it('rejects a bad or repeated sheet name and a row of the wrong length, with the messages written once', async () => {
    await expect(xlsxBytes([{ name: 'a/b', columns: ['x'], rows: [] }])).rejects.toThrow(new RangeError(xlsxMessage.sheetName('a/b')));
    await expect(xlsxBytes([{ name: 'x'.repeat(32), columns: ['x'], rows: [] }])).rejects.toThrow(new RangeError(xlsxMessage.sheetName('x'.repeat(32))));
    await expect(xlsxBytes([{ name: 'Runs', columns: ['x'], rows: [] }, { name: 'runs', columns: ['x'], rows: [] }]))
      .rejects.toThrow(new RangeError(xlsxMessage.duplicateSheet('runs')));
    await expect(xlsxBytes([{ name: 'r', columns: ['x', 'y'], rows: [[1]] }])).rejects.toThrow(new RangeError(xlsxMessage.rowLength('r', 1, 1, 2)));
  });
});
