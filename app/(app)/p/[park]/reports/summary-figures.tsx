import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FigureCard } from '@/app/(app)/_reports/figure-card';
import { PageSection } from '@/app/_components/ui/page-section';
import { SupportChart } from '@/app/(app)/_reports/lazy-charts';
import { inUnit, moneyUnit } from '@/app/(app)/_reports/scale';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import type { Period } from '@/app/(app)/_reports/period';
import { formatArea, formatDate, formatNumber, formatPct, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { KpiYear } from '@/lib/reports/analytics/kpi-dynamics';
import { SUPPORT_KINDS, type SupportByKind } from '@/lib/reports/support';
import { BUDGET_SOURCES, type ParkSummary } from '@/lib/reports/types';
import { GapNote, hasGaps, kpiLink } from './report-gaps';

type Props = {
  summary: ParkSummary;
  /** The last year's coverage from the analytics, for the note on the last year's figures. */
  lastYearCoverage?: KpiYear;
  period: Period;
  label: string;
  slug: string;
  canReview: boolean;
  locale: Locale;
  /** The support by kind and year, for its chart (the page's, not the exports'). */
  supportByKind?: SupportByKind;
};

/** The summary's figures: residents, the period's totals, its last year, the budget and the reporting, each a page section named by its heading. */
export async function SummaryFigures({ summary, lastYearCoverage, period, label, slug, canReview, locale, supportByKind }: Props) {
  const t = await getTranslations('reports');
  const tb = await getTranslations('budget');
  const lastDay = formatDate(`${period.to}-12-31`, locale);
  const money = (value: string) => ({ value: formatRub(value, locale, { compact: true }), exact: formatRub(value, locale) });
  const count = (value: number) => formatNumber(value, locale);
  const { pending, missing, accepted, expected } = summary.reporting;
  const review = (year?: number, tab?: 'missing' | 'submitted') => (canReview ? kpiLink(slug, year, tab) : undefined);
  const periodHasGaps = hasGaps(summary.reporting);
  const periodGaps = periodHasGaps ? <GapNote gaps={summary.reporting} scope={label} href={review(undefined, missing > 0 ? 'missing' : 'submitted')} /> : null;
  const lastYearGaps =
    lastYearCoverage && hasGaps(lastYearCoverage) ? (
      <GapNote gaps={lastYearCoverage} scope={String(period.to)} href={review(period.to, lastYearCoverage.missing > 0 ? 'missing' : 'submitted')} />
    ) : null;
  const shownSources = BUDGET_SOURCES.filter((s) => Number(summary.budget.bySource[s].amountRub) !== 0);

  return (
    <>
      <PageSection className="break-inside-avoid" title={t('sections.residents')}>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 print:grid-cols-4">
          <FigureCard label={t('figures.requests')} value={count(summary.requests)} hint={t('figures.requestsHint', { period: label })} />
          <FigureCard label={t('figures.passedCouncil')} value={count(summary.passedCouncil)} hint={t('figures.passedCouncilHint', { period: label })} />
          <FigureCard label={t('figures.taxIncentiveResidents')} value={count(summary.taxIncentiveResidents)} hint={t('figures.taxIncentiveResidentsHint', { period: label })} />
          <FigureCard label={t('figures.residentsSupported')} value={count(summary.residentsSupported)} />
          <FigureCard label={t('figures.residentsSupportedOnSite')} value={count(summary.residentsSupportedOnSite)} />
          <FigureCard label={t('figures.residentsAtEnd', { year: period.to })} value={count(summary.residentsAtEnd)} />
          <FigureCard label={t('figures.smeResidentsAtEnd')} value={count(summary.smeResidentsAtEnd)} />
          <FigureCard
            label={t('figures.areaInUse')}
            value={formatPct(summary.area.usePct, locale)}
            hint={t('figures.areaHint', { leased: formatArea(summary.area.leasedM2, locale), total: formatArea(summary.area.totalM2, locale), day: lastDay })}
          />
        </div>
      </PageSection>

      <PageSection className="break-inside-avoid" title={t('sections.totals', { period: label })} note={periodGaps}>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5 print:grid-cols-5">
          <FigureCard label={t('figures.investment')} {...money(summary.totals.investmentRub)} />
          <FigureCard label={t('figures.capitalInvestment')} {...money(summary.totals.capitalInvestmentRub)} />
          <FigureCard label={t('figures.jobsCreated')} value={count(summary.totals.jobsCreated)} />
          <FigureCard label={t('figures.income')} {...money(summary.totals.incomeRub)} />
          <FigureCard label={t('figures.taxesPaid')} {...money(summary.totals.taxesPaidRub)} />
        </div>
      </PageSection>

      <PageSection className="break-inside-avoid" title={t('sections.lastYear', { year: period.to })} note={lastYearGaps}>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5 print:grid-cols-5">
          <FigureCard label={t('figures.income')} {...money(summary.lastYear.incomeRub)} />
          <FigureCard label={t('figures.taxesPaid')} {...money(summary.lastYear.taxesPaidRub)} />
          <FigureCard label={t('figures.jobsCreated')} value={count(summary.lastYear.jobsCreated)} />
          <FigureCard label={t('figures.investment')} {...money(summary.lastYear.investmentRub)} />
          <FigureCard label={t('figures.capitalInvestment')} {...money(summary.lastYear.capitalInvestmentRub)} />
        </div>
      </PageSection>

      <PageSection className="break-inside-avoid" title={t('sections.budget', { year: period.to })}>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5 print:grid-cols-5">
          <FigureCard label={t('figures.budgetTotal', { year: period.to })} {...money(summary.budget.totalRub)} />
          {shownSources.map((s) => (
            <FigureCard
              key={s}
              label={t('figures.budgetSource', { source: tb(`sources.${s}`) })}
              {...money(summary.budget.bySource[s].amountRub)}
              hint={t('figures.share', { pct: formatPct(summary.budget.bySource[s].sharePct, locale) })}
            />
          ))}
          <FigureCard
            label={t('figures.taxesPerBudget')}
            value={summary.payback.taxesPerBudgetRub === null ? t('figures.noFunding') : formatNumber(summary.payback.taxesPerBudgetRub, locale, 2)}
            hint={t('figures.taxesPerBudgetHint', { year: period.to })}
            note={periodHasGaps && t('gaps.short', { pending, missing })}
          />
          <FigureCard
            label={t('figures.paybackYear')}
            value={summary.payback.paybackYear === null ? t('figures.notReached') : String(summary.payback.paybackYear)}
            hint={t('figures.paybackHint')}
          />
        </div>
      </PageSection>

      <PageSection className="break-inside-avoid" title={t('sections.support', { period: label })}>
        <p className="mb-3 text-sm text-muted-foreground">{t('figures.supportHint')}</p>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 print:grid-cols-4">
          <FigureCard label={t('figures.supportRent')} {...money(summary.support.rentRub)} hint={t('figures.supportRentHint')} />
          <FigureCard label={t('figures.supportServices')} {...money(summary.support.servicesRub)} hint={t('figures.supportServicesHint')} />
          <FigureCard label={t('figures.supportTotal')} {...money(summary.support.totalRub)} />
          <FigureCard
            label={t('figures.taxesPerSupport')}
            value={summary.support.taxesPerSupportRub === null ? t('figures.noSupport') : formatNumber(summary.support.taxesPerSupportRub, locale, 2)}
            hint={t('figures.taxesPerSupportHint', { period: label })}
            note={periodHasGaps && t('gaps.short', { pending, missing })}
          />
        </div>
        {supportByKind && <SupportByKindChart data={supportByKind} locale={locale} />}
      </PageSection>

      <PageSection className="break-inside-avoid" title={t('sections.reporting', { period: label })}>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 print:grid-cols-4">
          <FigureCard label={t('figures.expected')} value={count(expected)} hint={t('figures.expectedHint')} />
          <FigureCard label={t('figures.accepted')} value={count(accepted)} hint={expected > 0 ? formatPct(Math.round((accepted / expected) * 1000) / 10, locale) : undefined} />
          <FigureCard
            label={t('figures.pending')}
            value={count(pending)}
            className={pending > 0 ? 'border-amber-300 dark:border-amber-700' : undefined}
            note={pending > 0 && canReview ? <Link href={kpiLink(slug, undefined, 'submitted')} className="underline underline-offset-2">{t('gaps.reviewPending')}</Link> : undefined}
          />
          <FigureCard
            label={t('figures.missing')}
            value={count(missing)}
            className={missing > 0 ? 'border-amber-300 dark:border-amber-700' : undefined}
            note={missing > 0 && canReview ? <Link href={kpiLink(slug)} className="underline underline-offset-2">{t('gaps.reviewMissing')}</Link> : undefined}
          />
        </div>
      </PageSection>
    </>
  );
}

/** The support by kind (rent, each kind of service) and year: a stacked chart, and the same figures as a table on request. */
async function SupportByKindChart({ data, locale }: { data: SupportByKind; locale: Locale }) {
  const t = await getTranslations('reports');
  const ts = await getTranslations('serviceDesk');
  if (data.kinds.length === 0) return null;
  const label = (kind: SupportByKind['kinds'][number]) => (kind === 'rent' ? t('figures.supportRent') : ts(`kinds.${kind}`));
  const unit = moneyUnit(data.years.map((y) => y.totalRub));
  // Rent is usually far larger than the services, which vanish beside it: they get a chart of their own too.
  const serviceKinds = data.kinds.filter((k) => k !== 'rent');
  const servicesUnit = moneyUnit(data.years.flatMap((y) => serviceKinds.map((k) => y.byKind[k])));
  const chart = (kinds: SupportByKind['kinds'], u: typeof unit) => (
    <SupportChart
      unit={t(`units.${u}`)}
      kinds={kinds.map((k) => ({ key: k, label: label(k), colorIndex: SUPPORT_KINDS.indexOf(k) }))}
      years={data.years.map((y) => ({ year: y.year, ...Object.fromEntries(kinds.map((k) => [k, inUnit(y.byKind[k], u)])) }))}
    />
  );
  return (
    <div className="mt-4 space-y-2">
      <div className="grid gap-4 lg:grid-cols-2 print:hidden">
        <figure className="space-y-2">
          <figcaption className="text-sm font-medium">{t('charts.supportTitle')}</figcaption>
          {chart(data.kinds, unit)}
        </figure>
        {data.kinds.includes('rent') && serviceKinds.length > 0 && (
          <figure className="space-y-2">
            <figcaption className="text-sm font-medium">{t('charts.supportServicesTitle')}</figcaption>
            {chart(serviceKinds, servicesUnit)}
          </figure>
        )}
      </div>
      <details className="text-sm print:open">
        <summary className="cursor-pointer text-muted-foreground">{t('charts.supportTable')}</summary>
        <Table aria-label={t('charts.supportTitle')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('charts.year')}</TableHead>
              {data.kinds.map((k) => (
                <TableHead key={k} className="whitespace-normal text-right">
                  {label(k)}
                </TableHead>
              ))}
              <TableHead className="text-right">{t('figures.supportTotal')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.years.map((y) => (
              <TableRow key={y.year}>
                <TableCell className="tabular-nums">{y.year}</TableCell>
                {data.kinds.map((k) => (
                  <TableCell key={k} className="whitespace-nowrap text-right tabular-nums">
                    {formatRub(y.byKind[k], locale)}
                  </TableCell>
                ))}
                <TableCell className="whitespace-nowrap text-right font-medium tabular-nums">{formatRub(y.totalRub, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </div>
  );
}
