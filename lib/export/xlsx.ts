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

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  // exceljs types its result as its own ArrayBuffer-like; in Node it is a Buffer.
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}
