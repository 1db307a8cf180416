import { csvNumber, CSV_TYPE, INTERCHANGE_CSV, toCsv, type CsvCell, type CsvDialect } from './csv';
import { addTableSheet, columnWidth, newWorkbook, NUMBER_FORMATS, sheetName, workbookBuffer, XLSX_TYPE } from './xlsx';

/* A plain table (a filtered list on a page) as CSV or XLSX: a header row, then a row per record. */

export type { CsvDialect };
export type ColumnKind = 'text' | 'date' | 'count' | 'decimal';
export type TableColumn = { header: string; kind: ColumnKind };
export type TableCell = string | number | null;
export type ExportFormat = 'csv' | 'xlsx';

function csvCell(kind: ColumnKind, value: TableCell): CsvCell {
  if (value === null || value === '') return null;
  // Counts and decimals are figures (the dialect's decimal mark); text and dates are text.
  return kind === 'count' || kind === 'decimal' ? csvNumber(value) : String(value);
}

export function tableToCsv(columns: TableColumn[], rows: TableCell[][], dialect: CsvDialect = INTERCHANGE_CSV): string {
  return toCsv([columns.map((c) => c.header), ...rows.map((row) => row.map((v, i) => csvCell(columns[i].kind, v)))], dialect);
}

const FORMAT: Record<ColumnKind, string | undefined> = { text: undefined, date: NUMBER_FORMATS.date, decimal: NUMBER_FORMATS.decimal, count: NUMBER_FORMATS.integer };

export async function tableToXlsx(name: string, columns: TableColumn[], rows: TableCell[][]): Promise<Buffer> {
  const workbook = newWorkbook();
  addTableSheet(
    workbook,
    sheetName(name),
    columns.map((c, i) => ({
      header: c.header,
      width: columnWidth(Math.max(c.header.length, ...rows.map((r) => String(r[i] ?? '').length)), 8, 60),
      style: { numFmt: FORMAT[c.kind] },
    })),
    rows.map((row) =>
      row.map((v, i) => {
        if (v === null || v === '') return null;
        const kind = columns[i].kind;
        if (kind === 'date') return new Date(`${String(v)}T00:00:00Z`);
        // Areas and counts are far below 2^53, so a spreadsheet number holds them exactly.
        if (kind === 'decimal' || kind === 'count') return Number(v);
        return String(v);
      }),
    ),
    {},
  );
  return workbookBuffer(workbook);
}

/** `dialect` is the CSV's (csvDialectFor the reader's language, for a download); XLSX needs none. */
export async function exportTable(format: ExportFormat, name: string, columns: TableColumn[], rows: TableCell[][], dialect?: CsvDialect) {
  if (format === 'xlsx') return { body: await tableToXlsx(name, columns, rows), contentType: XLSX_TYPE };
  return { body: tableToCsv(columns, rows, dialect), contentType: CSV_TYPE };
}

/** How a page's list is downloaded: the format, the reader's words and, for CSV, the reader's dialect. */
export type ListExport = {
  format: ExportFormat;
  /** Words a key of the list's catalogue namespace: `title`, `columns.<key>`, and whatever the cells ask for. */
  label: (key: string) => string;
  dialect?: CsvDialect;
};

/** A column of a list's download: its `columns.<key>` header, its kind, and its cell in a row. */
export type ListColumn<Row> = { key: string; kind: ColumnKind; cell: (row: Row, label: ListExport['label']) => TableCell };

/** A filtered list (residents, incentives) as CSV or XLSX, titled and headed in the reader's language. */
export function exportList<Row>(rows: Row[], columns: ListColumn<Row>[], { format, label, dialect }: ListExport) {
  return exportTable(
    format,
    label('title'),
    columns.map((c) => ({ header: label(`columns.${c.key}`), kind: c.kind })),
    rows.map((row) => columns.map((c) => c.cell(row, label))),
    dialect,
  );
}
