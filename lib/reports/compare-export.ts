import ExcelJS from 'exceljs';
import type { ParkComparison } from './analytics';

/*
 * The analysts' comparison of parks (compareParks) as CSV and XLSX. The labels come from the
 * caller (the page's message catalogue), so the file reads in the reader's language. CSV: UTF-8
 * with a byte order mark, CRLF lines, RFC 4180 quoting, numbers plain with a dot; XLSX: numbers
 * as numbers with formats.
 */

export const COMPARE_COLUMNS = [
  'park',
  'region',
  'residentsSupported',
  'residentsAtEnd',
  'smeResidentsAtEnd',
  'areaTotalM2',
  'areaLeasedM2',
  'areaUsePct',
  'jobsCreated',
  'investmentRub',
  'incomeRub',
  'taxesPaidRub',
  'budgetRub',
  'taxesPerBudgetRub',
  'paybackYear',
] as const;
export type CompareColumn = (typeof COMPARE_COLUMNS)[number];

export interface CompareLabels {
  /** The sheet's name (at most 31 characters, no []:*?/\). */
  sheet: string;
  /** The first line of the sheet, e.g. "Parks compared, 2010–2016". */
  title: string;
  columns: Record<CompareColumn, string>;
  /** Shown for a payback year that was not reached. */
  notReached: string;
}

type Kind = 'text' | 'count' | 'money' | 'area' | 'percent' | 'ratio' | 'year';

const KIND: Record<CompareColumn, Kind> = {
  park: 'text',
  region: 'text',
  residentsSupported: 'count',
  residentsAtEnd: 'count',
  smeResidentsAtEnd: 'count',
  areaTotalM2: 'area',
  areaLeasedM2: 'area',
  areaUsePct: 'percent',
  jobsCreated: 'count',
  investmentRub: 'money',
  incomeRub: 'money',
  taxesPaidRub: 'money',
  budgetRub: 'money',
  taxesPerBudgetRub: 'ratio',
  paybackYear: 'year',
};

const NUM_FMT: Partial<Record<Kind, string>> = {
  count: '#,##0',
  money: '#,##0.00',
  area: '#,##0.00',
  percent: '0.0%',
  ratio: '0.00',
  year: '0',
};

function cellOf(park: ParkComparison, column: CompareColumn): string | number | null {
  switch (column) {
    case 'park':
      return park.name;
    case 'region':
      return park.region;
    case 'residentsSupported':
      return park.residentsSupported;
    case 'residentsAtEnd':
      return park.residentsAtEnd;
    case 'smeResidentsAtEnd':
      return park.smeResidentsAtEnd;
    case 'areaTotalM2':
      return park.area.totalM2;
    case 'areaLeasedM2':
      return park.area.leasedM2;
    case 'areaUsePct':
      return park.area.usePct;
    case 'jobsCreated':
      return park.jobsCreated;
    case 'investmentRub':
      return park.investmentRub;
    case 'incomeRub':
      return park.incomeRub;
    case 'taxesPaidRub':
      return park.taxesPaidRub;
    case 'budgetRub':
      return park.budgetRub;
    case 'taxesPerBudgetRub':
      return park.taxesPerBudgetRub;
    case 'paybackYear':
      return park.paybackYear;
  }
}

/** One row per park, in the order given. An empty cell is a figure that does not exist (no funding, no payback). */
export function comparisonToCsv(parks: readonly ParkComparison[], labels: CompareLabels): string {
  const rows: string[][] = [COMPARE_COLUMNS.map((c) => labels.columns[c])];
  for (const park of parks) {
    rows.push(
      COMPARE_COLUMNS.map((column) => {
        const value = cellOf(park, column);
        if (value === null) return '';
        const kind = KIND[column];
        if (kind === 'text') return neutralizeFormula(String(value));
        if (kind === 'percent') return Number(value).toFixed(1);
        if (kind === 'ratio') return Number(value).toFixed(2);
        return String(value);
      }),
    );
  }
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** One sheet: the title, a header row, a row per park; figures are numbers with number formats. */
export async function comparisonToXlsx(parks: readonly ParkComparison[], labels: CompareLabels): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(labels.sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  sheet.getCell('A1').value = labels.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  const headerRow = 3;
  const header = sheet.getRow(headerRow);
  header.values = COMPARE_COLUMNS.map((c) => labels.columns[c]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  parks.forEach((park, n) => {
    const row = sheet.getRow(headerRow + 1 + n);
    COMPARE_COLUMNS.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      const value = cellOf(park, column);
      const kind = KIND[column];
      if (value === null) {
        cell.value = column === 'paybackYear' ? labels.notReached : null;
        return;
      }
      // Exact decimal strings become doubles only here, for the spreadsheet; a percent is stored as its fraction.
      cell.value = kind === 'text' ? String(value) : kind === 'percent' ? Number(`${value}e-2`) : Number(value);
      const numFmt = NUM_FMT[kind];
      if (numFmt) cell.numFmt = numFmt;
    });
  });
  sheet.columns = COMPARE_COLUMNS.map((column, c) => ({
    width: Math.min(40, Math.max(10, Math.min(labels.columns[column].length, 18), ...parks.map((p) => String(cellOf(p, column) ?? '').length + (KIND[column] === 'money' ? 5 : 0)), c === 0 ? 20 : 0) + 2),
  }));
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 1 }];
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}

/** A text cell that starts like a formula (=, +, -, @) would run in Excel; a leading apostrophe keeps it text. */
function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
