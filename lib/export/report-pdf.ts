import 'server-only';
import { formatArea, formatNumber, formatPct, formatRub, numberFormat } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { KpiYear } from '@/lib/reports/analytics/kpi-dynamics';
import { shownIndicatorStatus } from '@/lib/reports/indicator-status';
import type { IndicatorReport, IndicatorValue, ParkSummary } from '@/lib/reports/types';
import { exportLabels } from './labels';
import { createPdf } from './pdf';
import { summarySections, type Figure } from './summary';

/*
 * The park summary and an indicator programme's report as PDF documents made on the server: the same
 * figures, words and narrative as the pages and the other files (summarySections, the report JSON),
 * with their charts drawn as vectors.
 */

function figureText(f: Figure, locale: Locale): string {
  if (f.value === null) return f.nullText ?? '—';
  switch (f.kind) {
    case 'money':
      return formatRub(String(f.value), locale);
    case 'area':
      return `${formatArea(String(f.value), locale)}`;
    case 'percent':
      return formatPct(Number(f.value), locale);
    case 'ratio':
      return formatNumber(Number(f.value), locale, 2);
    case 'count':
      return formatNumber(Number(f.value), locale);
    default:
      return String(f.value);
  }
}

/** The summary for its period, with the residents' results by year (accepted annual reports) as a chart. */
export async function summaryToPdf(s: ParkSummary, years: KpiYear[], locale: Locale): Promise<Buffer> {
  const t = exportLabels(locale, 'summaryExport');
  const period = s.period.from === s.period.to ? String(s.period.from) : `${s.period.from}–${s.period.to}`;
  const title = t('pdf.title', { park: s.park.name, period });
  const pdf = createPdf({ title, author: s.park.name, locale, fixedDate: new Date(Date.UTC(s.period.to, 11, 31)) });
  pdf.para(title, { bold: true, size: 16, gap: 0.4 });
  pdf.para(s.narrative, { gap: 0.6 });
  pdf.rule();
  for (const section of summarySections(s, locale)) {
    pdf.heading(section.title);
    pdf.figures(section.figures.map((f) => ({ label: f.label, value: figureText(f, locale) })));
  }
  if (years.length) {
    pdf.heading(t('pdf.chartTitle'), 230);
    pdf.para(t('pdf.chartNote'), { size: 8, color: '#555555', gap: 0.3 });
    const millions = (value: string) => Number(value) / 1e6;
    pdf.barChart({
      categories: years.map((y) => String(y.year)),
      series: [
        { label: t('pdf.series.investment'), values: years.map((y) => millions(y.investmentRub)) },
        { label: t('pdf.series.income'), values: years.map((y) => millions(y.incomeRub)) },
        { label: t('pdf.series.taxes'), values: years.map((y) => millions(y.taxesPaidRub)) },
      ],
      format: (n) => formatNumber(n, locale, n < 10 ? 1 : 0),
    });
    pdf.barChart({
      categories: years.map((y) => String(y.year)),
      series: [{ label: t('pdf.series.jobs'), values: years.map((y) => y.jobsCreated) }],
      height: 90,
      format: (n) => formatNumber(n, locale),
    });
  }
  return pdf.finish((page, pages) => t('pdf.footer', { park: s.park.name, period, page: String(page), pages: String(pages) }));
}

/**
 * An indicator programme's report: per indicator its status (as the page shows it in `currentYear`,
 * the contract's status beside it when they differ), latest and target, the growth rates, and its
 * series as a table and a chart of actuals against the target.
 */
export async function indicatorsToPdf(
  report: IndicatorReport,
  series: Map<string, IndicatorValue[]>,
  { locale, park, currentYear }: { locale: Locale; park: string; currentYear: number },
): Promise<Buffer> {
  const t = exportLabels(locale, 'indicatorExport');
  const title = t('title', { programme: report.programme.name });
  const pdf = createPdf({ title, author: park, locale, fixedDate: new Date(Date.UTC(currentYear, 0, 1)) });
  pdf.para(title, { bold: true, size: 16, gap: 0.2 });
  pdf.para(park, { color: '#555555', gap: 0.6 });
  // As the page writes a series' values: as many decimals as they have (up to six), no more.
  const plain = (n: number) => numberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 6 }).format(n);
  const growth = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${formatNumber(n, locale, 2)}%`);
  for (const indicator of report.indicators) {
    const shown = shownIndicatorStatus(indicator, currentYear);
    const status =
      shown === 'target_year_no_data'
        ? t('pdf.targetYearNoData', { year: String(indicator.target!.year), trend: t(`status.${indicator.status}`) })
        : t(`status.${indicator.status}`);
    pdf.heading(`${indicator.name} (${indicator.unit})`, 110);
    pdf.figures([
      { label: t('columns.status'), value: status },
      { label: t('columns.direction'), value: t(`direction.${indicator.direction}`) },
      { label: t('columns.latestValue'), value: indicator.latest ? `${plain(indicator.latest.value)} (${indicator.latest.year})` : '—' },
      { label: t('columns.targetValue'), value: indicator.target ? `${plain(indicator.target.value)} (${indicator.target.year})` : '—' },
      { label: t('columns.requiredGrowthPct'), value: growth(indicator.requiredGrowthPct) },
      { label: t('columns.growthSoFarPct'), value: growth(indicator.growthSoFarPct) },
    ]);
    const values = series.get(indicator.key) ?? [];
    const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
    if (years.length) {
      const of = (year: number, kind: IndicatorValue['kind']) => values.filter((v) => v.year === year && v.kind === kind).at(-1)?.value;
      pdf.barChart({
        categories: years.map(String),
        series: [
          { label: t('pdf.actual'), values: years.map((y) => of(y, 'actual') ?? 0) },
          { label: t('pdf.target'), values: years.map((y) => of(y, 'target') ?? 0) },
        ],
        height: 80,
        format: (n) => formatNumber(n, locale, n < 10 ? 1 : 0),
      });
    }
  }
  return pdf.finish((page, pages) => t('pdf.footer', { programme: report.programme.name, page: String(page), pages: String(pages) }));
}
