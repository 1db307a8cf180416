import type { Locale } from '@/lib/i18n/locales';
import { BUDGET_SOURCES, type ParkSummary } from '@/lib/reports/types';
import { csvNumber, INTERCHANGE_CSV, toCsv, type CsvCell, type CsvDialect } from './csv';
import { exportLabels } from './labels';
import { columnWidth, newWorkbook, NUMBER_FORMATS, workbookBuffer } from './xlsx';

/*
 * The park summary (technopark-summary/1) as CSV and XLSX, for people opening it in a spreadsheet.
 * Scripts read the JSON, which is the stable contract; these labels may be reworded.
 */

export type FigureKind = 'money' | 'area' | 'percent' | 'ratio' | 'count' | 'year' | 'text';

export interface Figure {
  label: string;
  kind: FigureKind;
  value: string | number | null;
  /** What the XLSX shows for a null value (the CSV leaves it empty). */
  nullText?: string;
  unit?: string;
}

export interface Section {
  title: string;
  figures: Figure[];
}

const NUM_FMT: Record<FigureKind, string | undefined> = {
  money: NUMBER_FORMATS.money,
  area: NUMBER_FORMATS.area,
  percent: NUMBER_FORMATS.percent,
  ratio: NUMBER_FORMATS.ratio,
  count: NUMBER_FORMATS.count,
  year: NUMBER_FORMATS.year,
  text: undefined,
};

/** The summary's figures by section, labelled in `locale`: the one list the CSV, XLSX and PDF files show. */
export function summarySections(s: ParkSummary, locale: Locale): Section[] {
  const t = exportLabels(locale, 'summaryExport');
  const money = (label: string, value: string): Figure => ({ label, kind: 'money', value, unit: t('units.money') });
  const count = (label: string, value: number): Figure => ({ label, kind: 'count', value });
  const percent = (label: string, value: number): Figure => ({ label, kind: 'percent', value, unit: t('units.percent') });
  const ly = s.lastYear;
  const inYear = (key: string) => t('inYear', { figure: t(key), year: String(ly.year) });
  return [
    {
      title: t('sections.summary'),
      figures: [
        { label: t('park'), kind: 'text', value: s.park.name },
        { label: t('periodFrom'), kind: 'year', value: s.period.from },
        { label: t('periodTo'), kind: 'year', value: s.period.to },
        count(t('requests'), s.requests),
        count(t('passedCouncil'), s.passedCouncil),
        count(t('taxIncentiveResidents'), s.taxIncentiveResidents),
        count(t('residentsSupported'), s.residentsSupported),
        count(t('residentsSupportedOnSite'), s.residentsSupportedOnSite),
        count(t('residentsAtEnd'), s.residentsAtEnd),
        count(t('smeResidentsAtEnd'), s.smeResidentsAtEnd),
        { label: t('totalM2'), kind: 'area', value: s.area.totalM2, unit: t('units.area') },
        { label: t('leasedM2'), kind: 'area', value: s.area.leasedM2, unit: t('units.area') },
        percent(t('usePct'), s.area.usePct),
      ],
    },
    {
      title: t('sections.totals'),
      figures: [
        money(t('investment'), s.totals.investmentRub),
        money(t('capitalInvestment'), s.totals.capitalInvestmentRub),
        count(t('jobsCreated'), s.totals.jobsCreated),
        money(t('income'), s.totals.incomeRub),
        money(t('taxesPaid'), s.totals.taxesPaidRub),
        { label: t('lastYear'), kind: 'year', value: ly.year },
        money(inYear('investment'), ly.investmentRub),
        money(inYear('capitalInvestment'), ly.capitalInvestmentRub),
        count(inYear('jobsCreated'), ly.jobsCreated),
        money(inYear('income'), ly.incomeRub),
        money(inYear('taxesPaid'), ly.taxesPaidRub),
      ],
    },
    {
      title: t('sections.budget'),
      figures: [
        money(t('budgetTotal', { to: String(s.period.to) }), s.budget.totalRub),
        ...BUDGET_SOURCES.flatMap((source) => [
          money(t(`sourceAmount.${source}`), s.budget.bySource[source].amountRub),
          percent(t(`sourceShare.${source}`), s.budget.bySource[source].sharePct),
        ]),
        { label: t('taxesPerBudget'), kind: 'ratio', value: s.payback.taxesPerBudgetRub, unit: t('units.perRouble') },
        { label: t('paybackYear'), kind: 'year', value: s.payback.paybackYear, nullText: t('paybackNotReached') },
      ],
    },
    {
      title: t('sections.reporting'),
      figures: [count(t('expected'), s.reporting.expected), count(t('accepted'), s.reporting.accepted), count(t('pending'), s.reporting.pending), count(t('missing'), s.reporting.missing)],
    },
    {
      title: t('sections.support'),
      figures: [
        money(t('supportRent'), s.support.rentRub),
        money(t('supportServices'), s.support.servicesRub),
        money(t('supportTotal'), s.support.totalRub),
        { label: t('taxesPerSupport'), kind: 'ratio', value: s.support.taxesPerSupportRub, unit: t('units.perRouble'), nullText: t('noSupport') },
      ],
    },
  ];
}

function csvValue(kind: FigureKind, value: string | number | null): CsvCell {
  if (value === null) return null;
  switch (kind) {
    case 'text':
      return String(value);
    case 'percent':
      return csvNumber(Number(value).toFixed(1));
    case 'ratio':
      return csvNumber(Number(value).toFixed(2));
    default:
      return csvNumber(value);
  }
}

/**
 * One row per figure: section, figure, value, unit. The narrative closes the first section. `dialect`
 * is the interchange one unless the caller asks for the reader's (a download from a page).
 */
export function summaryToCsv(s: ParkSummary, locale: Locale, dialect: CsvDialect = INTERCHANGE_CSV): string {
  const t = exportLabels(locale, 'summaryExport');
  const rows: CsvCell[][] = [[t('header.section'), t('header.figure'), t('header.value'), t('header.unit')]];
  summarySections(s, locale).forEach((section, i) => {
    for (const figure of section.figures) rows.push([section.title, figure.label, csvValue(figure.kind, figure.value), figure.unit ?? '']);
    if (i === 0) rows.push([section.title, t('narrative'), s.narrative, '']);
  });
  return toCsv(rows, dialect);
}

function xlsxValue(kind: FigureKind, value: string | number): string | number {
  switch (kind) {
    case 'money':
    case 'area':
      // Excel holds doubles; the decimal string is exact to the kopeck up to ~90 trillion.
      return Number(value);
    case 'percent':
      // The cell holds the fraction and its format shows the percent; via the decimal text so 44.9 gives exactly 0.449.
      return Number(`${value}e-2`);
    default:
      return value;
  }
}

function displayLength(figure: Figure): number {
  if (figure.value === null) return (figure.nullText ?? '').length;
  if (figure.kind === 'text') return String(figure.value).length;
  // Formatted with grouping: "11,000,000,000.00" is 17 characters.
  const digits = String(Math.trunc(Math.abs(Number(figure.value)))).length;
  return digits + Math.floor((digits - 1) / 3) + 4;
}

/** A sheet per section, the narrative under the title of the first. */
export async function summaryToXlsx(s: ParkSummary, locale: Locale): Promise<Buffer> {
  const t = exportLabels(locale, 'summaryExport');
  const header = [t('header.figure'), t('header.value'), t('header.unit')];
  const workbook = newWorkbook();
  const period = s.period.from === s.period.to ? `${s.period.to}` : `${s.period.from}–${s.period.to}`;
  summarySections(s, locale).forEach((section, i) => {
    const sheet = workbook.addWorksheet(section.title);
    sheet.columns = [
      { width: columnWidth(Math.max(header[0].length, ...section.figures.map((f) => f.label.length))) },
      { width: columnWidth(Math.max(header[1].length, ...section.figures.map(displayLength))) },
      { width: columnWidth(Math.max(header[2].length, ...section.figures.map((f) => (f.unit ?? '').length))) },
    ];
    let headerRow = 1;
    if (i === 0) {
      const title = sheet.getCell('A1');
      title.value = t('title', { park: s.park.name, period });
      title.font = { bold: true, size: 14 };
      sheet.mergeCells('A2:C2');
      const narrative = sheet.getCell('A2');
      narrative.value = s.narrative;
      narrative.alignment = { wrapText: true, vertical: 'top' };
      const lineWidth = sheet.columns.reduce((sum, column) => sum + (column.width ?? 10), 0);
      sheet.getRow(2).height = Math.max(1, Math.ceil(s.narrative.length / lineWidth)) * 15 + 4;
      headerRow = 4;
    }
    const headerCells = sheet.getRow(headerRow);
    headerCells.values = header;
    headerCells.font = { bold: true };
    section.figures.forEach((figure, j) => {
      const row = sheet.getRow(headerRow + 1 + j);
      row.getCell(1).value = figure.label;
      const cell = row.getCell(2);
      if (figure.value === null) {
        cell.value = figure.nullText ?? null;
      } else {
        cell.value = xlsxValue(figure.kind, figure.value);
        const numFmt = NUM_FMT[figure.kind];
        if (numFmt) cell.numFmt = numFmt;
      }
      row.getCell(3).value = figure.unit ?? null;
    });
    sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  });
  return workbookBuffer(workbook);
}
