import type { ParkComparison } from '@/lib/reports/analytics/comparison';
import { csvNumber, INTERCHANGE_CSV, toCsv, type CsvCell, type CsvDialect } from './csv';
import { newWorkbook, NUMBER_FORMATS, sheetName, workbookBuffer } from './xlsx';

/*
 * The analysts' comparison of parks (compareParks) as CSV and XLSX. The labels come from the caller
 * (the page's message catalogue), so the file reads in the reader's language; XLSX figures are numbers
 * with formats.
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
  'supportRentRub',
  'supportServicesRub',
  'supportTotalRub',
  'taxesPerSupportRub',
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
  supportRentRub: 'money',
  supportServicesRub: 'money',
  supportTotalRub: 'money',
  taxesPerSupportRub: 'ratio',
};

const NUM_FMT: Partial<Record<Kind, string>> = {
  count: NUMBER_FORMATS.count,
  money: NUMBER_FORMATS.money,
  area: NUMBER_FORMATS.area,
  percent: NUMBER_FORMATS.percent,
  ratio: NUMBER_FORMATS.ratio,
  year: NUMBER_FORMATS.year,
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
    case 'supportRentRub':
      return park.support.rentRub;
    case 'supportServicesRub':
      return park.support.servicesRub;
    case 'supportTotalRub':
      return park.support.totalRub;
    case 'taxesPerSupportRub':
      return park.support.taxesPerSupportRub;
  }
}

/**
 * One row per park, in the order given. An empty cell is a figure that does not exist (no funding, no
 * payback). `dialect`: the reader's, for a download (csvDialectFor).
 */
export function comparisonToCsv(parks: readonly ParkComparison[], labels: CompareLabels, dialect: CsvDialect = INTERCHANGE_CSV): string {
  const rows: CsvCell[][] = [COMPARE_COLUMNS.map((c) => labels.columns[c])];
  for (const park of parks) {
    rows.push(
      COMPARE_COLUMNS.map((column): CsvCell => {
        const value = cellOf(park, column);
        if (value === null) return null;
        const kind = KIND[column];
        if (kind === 'text') return String(value);
        if (kind === 'percent') return csvNumber(Number(value).toFixed(1));
        if (kind === 'ratio') return csvNumber(Number(value).toFixed(2));
        return csvNumber(value);
      }),
    );
  }
  return toCsv(rows, dialect);
}

/** One sheet: the title, a header row, a row per park; figures are numbers with number formats. */
export async function comparisonToXlsx(parks: readonly ParkComparison[], labels: CompareLabels): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(sheetName(labels.sheet));
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
  return workbookBuffer(workbook);
}
