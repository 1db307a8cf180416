import ExcelJS from 'exceljs';

/*
 * CSV and XLSX of a plain table (a filtered list on a page). CSV is for a
 * spreadsheet: UTF-8 with a byte order mark (Excel then reads Cyrillic),
 * CRLF lines, RFC 4180 quoting, numbers with a dot, and text that a
 * spreadsheet would run as a formula prefixed with an apostrophe.
 */

export type ColumnKind = 'text' | 'date' | 'count' | 'decimal';
export type TableColumn = { header: string; kind: ColumnKind };
export type TableCell = string | number | null;
export type ExportFormat = 'csv' | 'xlsx';

function neutralize(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(kind: ColumnKind, value: TableCell): string {
  if (value === null || value === '') return '';
  const text = kind === 'text' ? neutralize(String(value)) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableToCsv(columns: TableColumn[], rows: TableCell[][]): string {
  const lines = [columns.map((c) => csvCell('text', c.header)), ...rows.map((row) => row.map((v, i) => csvCell(columns[i].kind, v)))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

function dateValue(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export async function tableToXlsx(sheetName: string, columns: TableColumn[], rows: TableCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.columns = columns.map((c, i) => {
    const longest = Math.max(c.header.length, ...rows.map((r) => String(r[i] ?? '').length));
    return {
      header: c.header,
      width: Math.min(Math.max(longest + 2, 8), 60),
      style: { numFmt: c.kind === 'date' ? 'yyyy-mm-dd' : c.kind === 'decimal' ? '#,##0.00' : c.kind === 'count' ? '0' : undefined },
    };
  });
  for (const row of rows) {
    sheet.addRow(
      row.map((v, i) => {
        if (v === null || v === '') return null;
        const kind = columns[i].kind;
        if (kind === 'date') return dateValue(String(v));
        // Areas and counts are far below 2^53, so a spreadsheet number holds them exactly.
        if (kind === 'decimal' || kind === 'count') return Number(v);
        return String(v);
      }),
    );
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportTable(format: ExportFormat, sheetName: string, columns: TableColumn[], rows: TableCell[][]) {
  if (format === 'xlsx') {
    return { body: await tableToXlsx(sheetName, columns, rows), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }
  return { body: tableToCsv(columns, rows), contentType: 'text/csv; charset=utf-8' };
}
