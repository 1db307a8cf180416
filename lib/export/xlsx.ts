import ExcelJS from 'exceljs';

/*
 * The one place that builds XLSX workbooks (the writers in this folder use it). Figures are stored as
 * numbers with a number format, so the spreadsheet shows them in the reader's own regional style;
 * dates as dates.
 */

export { ExcelJS };

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const NUMBER_FORMATS = {
  money: '#,##0.00',
  area: '#,##0.00',
  decimal: '#,##0.00',
  percent: '0.0%',
  ratio: '0.00',
  count: '#,##0',
  integer: '0',
  year: '0',
  date: 'yyyy-mm-dd',
} as const;

export const newWorkbook = () => new ExcelJS.Workbook();

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\. */
export const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** A column width in characters, kept between `min` and `max` (room for two more). */
export const columnWidth = (chars: number, min = 10, max = 60) => Math.min(max, Math.max(min, chars + 2));

/**
 * A sheet of columns with a bold header row, then one row per record (by column key, or in column
 * order); `frozen` keeps the header row (and the first columns) in view.
 */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Partial<ExcelJS.Column>[],
  rows: readonly (Record<string, unknown> | unknown[])[],
  frozen?: { columns?: number },
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, frozen ? { views: [{ state: 'frozen', ySplit: 1, xSplit: frozen.columns ?? 0 }] } : {});
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

/** A template's bilingual help: one row per column it explains, in English and Russian. */
export function addInstructionsSheet(workbook: ExcelJS.Workbook, rows: readonly (readonly [column: string, en: string, ru: string])[]): void {
  addTableSheet(
    workbook,
    'Instructions',
    [
      { header: 'column', key: 'column', width: 22 },
      { header: 'English', key: 'en', width: 70 },
      { header: 'Русский', key: 'ru', width: 70 },
    ],
    rows.map(([column, en, ru]) => ({ column, en, ru })),
  );
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  // exceljs types its result as its own ArrayBuffer-like; in Node it is a Buffer.
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}

// ---------------------------------------------------------------- reading an uploaded workbook

/** What a cell holds, as the uploads read it: nothing, text (trimmed), a number, or something else. */
export type CellRead = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'bad'; text: string };

/** The one reader of a cell's value for the uploads (rich text, formulas' results and hyperlinks read as their text). */
export function readCell(value: ExcelJS.CellValue): CellRead {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value.trim() };
  if (typeof value === 'boolean' || value instanceof Date) return { kind: 'bad', text: String(value) };
  if (typeof value === 'object') {
    if ('richText' in value) return readCell(value.richText.map((p) => p.text).join(''));
    if ('result' in value) return readCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return readCell(value.text);
    if ('error' in value) return { kind: 'bad', text: String(value.error) };
  }
  return { kind: 'bad', text: String(value) };
}

/** A cell as text: a number as JS writes it (exponent notation, "1e+21", is left for the caller to refuse). */
export const cellText = (c: CellRead) => (c.kind === 'empty' ? '' : c.kind === 'number' ? (Number.isFinite(c.value) ? String(c.value) : 'NaN') : c.text);

/**
 * A calendar date from a cell: `YYYY-MM-DD` typed as text, or a date the spreadsheet stored as one
 * (exceljs reads those as midnight UTC, or as the day's serial number). Null when the cell is empty;
 * `false` when it is not a date.
 */
export function cellDate(value: ExcelJS.CellValue): string | null | false {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? false : value.toISOString().slice(0, 10);
  const read = readCell(value);
  if (read.kind === 'empty') return null;
  // A whole number is a date the spreadsheet kept as its serial (days since 30 December 1899) under a
  // text or general format, as Excel does with a date typed into such a column.
  if (read.kind === 'number') return Number.isInteger(read.value) && read.value > 0 && read.value < 2958466 ? new Date(Date.UTC(1899, 11, 30) + read.value * 86_400_000).toISOString().slice(0, 10) : false;
  const text = cellText(read);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : false;
}

/**
 * Opens an uploaded XLSX workbook, checked by content (an XLSX file is a ZIP archive: it starts with
 * "PK\x03\x04"), not by name, and by size; or says why not.
 */
export async function openXlsx(file: Uint8Array, maxBytes: number): Promise<ExcelJS.Workbook | 'tooLarge' | 'notXlsx'> {
  if (file.byteLength > maxBytes) return 'tooLarge';
  if (file.byteLength < 4 || file[0] !== 0x50 || file[1] !== 0x4b || file[2] !== 0x03 || file[3] !== 0x04) return 'notXlsx';
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(file.buffer, file.byteOffset, file.byteLength) as unknown as ArrayBuffer);
  } catch {
    return 'notXlsx';
  }
  return workbook;
}
