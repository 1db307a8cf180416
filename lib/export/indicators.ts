import type { Locale } from '@/lib/i18n/locales';
import type { IndicatorReport, IndicatorStatus } from '@/lib/reports/types';
import { csvNumber, INTERCHANGE_CSV, toCsv, type CsvCell, type CsvDialect } from './csv';
import { exportLabels } from './labels';
import { columnWidth, newWorkbook, workbookBuffer } from './xlsx';

/* An indicator programme's status report (technopark-indicators/1) as CSV and XLSX. */

const STATUS_FILL: Record<IndicatorStatus, string> = {
  achieved: 'FFC6EFCE',
  on_track: 'FFE2F0D9',
  off_track: 'FFFFC7CE',
  no_data: 'FFEDEDED',
};

const COLUMNS = ['name', 'unit', 'direction', 'latestYear', 'latestValue', 'targetYear', 'targetValue', 'requiredGrowthPct', 'growthSoFarPct', 'status'] as const;

function columns(locale: Locale, withKey: boolean): string[] {
  const t = exportLabels(locale, 'indicatorExport');
  return [...(withKey ? ['key'] : []), ...COLUMNS].map((c) => t(`columns.${c}`));
}

const growthCell = (pct: number | null): CsvCell => (pct === null ? null : csvNumber(pct.toFixed(2)));

/** One row per indicator, in the report's order; `dialect` as for summaryToCsv. */
export function indicatorsToCsv(report: IndicatorReport, locale: Locale, dialect: CsvDialect = INTERCHANGE_CSV): string {
  const t = exportLabels(locale, 'indicatorExport');
  const rows: CsvCell[][] = [columns(locale, true)];
  for (const i of report.indicators) {
    rows.push([
      i.key,
      i.name,
      i.unit,
      t(`direction.${i.direction}`),
      i.latest?.year ?? null,
      i.latest ? i.latest.value : null,
      i.target?.year ?? null,
      i.target ? i.target.value : null,
      growthCell(i.requiredGrowthPct),
      growthCell(i.growthSoFarPct),
      t(`status.${i.status}`),
    ]);
  }
  return toCsv(rows, dialect);
}

/** One sheet: the programme as title, then a row per indicator with its status coloured. */
export async function indicatorsToXlsx(report: IndicatorReport, locale: Locale): Promise<Buffer> {
  const t = exportLabels(locale, 'indicatorExport');
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(t('sheet'));
  const header = columns(locale, false);
  const title = sheet.getCell('A1');
  title.value = t('title', { programme: report.programme.name });
  title.font = { bold: true, size: 14 };

  const headerRow = 3;
  const headerCells = sheet.getRow(headerRow);
  headerCells.values = header;
  headerCells.font = { bold: true };
  headerCells.alignment = { wrapText: true, vertical: 'top' };

  report.indicators.forEach((i, n) => {
    const row = sheet.getRow(headerRow + 1 + n);
    const growth = (pct: number | null) => (pct === null ? null : Number(`${pct}e-2`));
    row.values = [
      i.name,
      i.unit,
      t(`direction.${i.direction}`),
      i.latest?.year ?? null,
      i.latest?.value ?? null,
      i.target?.year ?? null,
      i.target?.value ?? null,
      growth(i.requiredGrowthPct),
      growth(i.growthSoFarPct),
      t(`status.${i.status}`),
    ];
    row.getCell(4).numFmt = '0';
    row.getCell(6).numFmt = '0';
    row.getCell(8).numFmt = '0.00%';
    row.getCell(9).numFmt = '0.00%';
    row.getCell(10).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[i.status] } };
  });

  const widths = header.map((label, c) =>
    Math.max(Math.min(label.length, 16), ...report.indicators.map((_, n) => String(sheet.getRow(headerRow + 1 + n).getCell(c + 1).value ?? '').length)),
  );
  sheet.columns = widths.map((width) => ({ width: columnWidth(width) }));
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  return workbookBuffer(workbook);
}
