import { getTranslations } from 'next-intl/server';
import { FundingChart, FunnelChart, KpiDynamicsChart, OccupancyChart, PaybackChart } from '@/app/(app)/_reports/lazy-charts';
import type { Period } from '@/app/(app)/_reports/period';
import { inUnit, moneyUnit } from '@/app/(app)/_reports/scale';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { formatArea, formatDate, formatNumber, formatPct } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { ParkAnalytics } from '@/lib/reports/analytics/park-analytics';
import { BUDGET_SOURCES } from '@/lib/reports/types';
import { GapCount, kpiLink } from './report-gaps';

type Props = { analytics: ParkAnalytics; period: Period; label: string; slug: string; canReview: boolean; locale: Locale };

/** The summary's charts, each a figure named by its title, with the table of figures it is drawn from beside it. */
export async function ReportCharts({ analytics, period, label, slug, canReview, locale }: Props) {
  const t = await getTranslations('reports');
  const tb = await getTranslations('budget');
  const lastDay = formatDate(`${period.to}-12-31`, locale);
  const count = (value: number) => formatNumber(value, locale);
  // Charts get plain numbers in one unit per chart.
  const kpiUnit = moneyUnit(analytics.kpi.years.flatMap((y) => [y.investmentRub, y.incomeRub]));
  const fundingUnit = moneyUnit(analytics.budget.funding.map((y) => y.totalRub));
  const paybackUnit = moneyUnit(analytics.budget.payback.flatMap((y) => [y.cumulativeTaxesRub, y.cumulativeBudgetRub]));
  const fundedSources = BUDGET_SOURCES.filter((s) => analytics.budget.funding.some((y) => Number(y.bySource[s]) !== 0));
  const occupancy = analytics.occupancy;

  return (
    <div className="break-before-page space-y-4">
      <h2 className="text-lg font-semibold">{t('sections.charts')}</h2>
      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
        <ChartCard className="lg:col-span-2" title={t('charts.funnelTitle')} description={t('charts.funnelDescription', { period: label })}>
          <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] print:grid-cols-1">
            <FunnelChart steps={analytics.funnel.steps.map((s) => ({ label: t(`funnel.${s.step}`), count: s.count }))} />
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('funnel.step')}</TableHead>
                  <TableHead className="text-right whitespace-normal">{t('funnel.count')}</TableHead>
                  <TableHead className="text-right whitespace-normal">{t('funnel.conversion')}</TableHead>
                  <TableHead className="text-right whitespace-normal">{t('funnel.ofSubmitted')}</TableHead>
                  <TableHead className="text-right whitespace-normal">{t('funnel.medianDays')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {analytics.funnel.steps.map((s) => (
                  <TableRow key={s.step}>
                    <TableCell>{t(`funnel.${s.step}`)}</TableCell>
                    <TableCell className="text-right tabular-nums">{count(s.count)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatPct(s.conversionPct, locale)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatPct(s.overallPct, locale)}</TableCell>
                    <TableCell className="text-right tabular-nums">{s.medianDays === null ? '—' : formatNumber(s.medianDays, locale, s.medianDays % 1 ? 1 : 0)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </ChartCard>

        <ChartCard className="lg:col-span-2" title={t('charts.kpiTitle')} description={t('charts.kpiDescription')}>
          <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_auto] print:grid-cols-1">
            <KpiDynamicsChart
              unit={t(`units.${kpiUnit}`)}
              years={analytics.kpi.years.map((y) => ({
                year: y.year,
                investment: inUnit(y.investmentRub, kpiUnit),
                capitalInvestment: inUnit(y.capitalInvestmentRub, kpiUnit),
                income: inUnit(y.incomeRub, kpiUnit),
                taxes: inUnit(y.taxesPaidRub, kpiUnit),
                jobs: y.jobsCreated,
              }))}
            />
            <Table className="caption-top">
              <caption className="mb-2 max-w-sm px-3 pt-2 text-left text-xs text-muted-foreground">{t('coverage.caption')}</caption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('coverage.year')}</TableHead>
                  <TableHead className="text-right whitespace-normal">{t('coverage.accepted')}</TableHead>
                  <TableHead className="text-right whitespace-normal">{t('coverage.coverage')}</TableHead>
                  <TableHead className="text-right whitespace-normal">{t('coverage.pending')}</TableHead>
                  <TableHead className="text-right whitespace-normal">{t('coverage.missing')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {analytics.kpi.years.map((y) => (
                  <TableRow key={y.year}>
                    <TableCell>{y.year}</TableCell>
                    <TableCell className="text-right tabular-nums">{t('coverage.of', { accepted: y.accepted, expected: y.expected })}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatPct(y.coveragePct, locale)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      <GapCount n={y.pending} href={canReview ? kpiLink(slug, y.year, 'submitted') : undefined} />
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      <GapCount n={y.missing} href={canReview ? kpiLink(slug, y.year) : undefined} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </ChartCard>

        <ChartCard title={t('charts.fundingTitle')} description={t('charts.fundingDescription', { year: period.to })}>
          {analytics.budget.funding.length === 0 ? (
            <EmptyState>{t('charts.noFunding')}</EmptyState>
          ) : (
            <FundingChart
              unit={t(`units.${fundingUnit}`)}
              sources={fundedSources.map((s) => ({ key: s, label: tb(`sources.${s}`) }))}
              years={analytics.budget.funding.map((y) => ({
                year: y.year,
                ...Object.fromEntries(fundedSources.map((s) => [s, inUnit(y.bySource[s], fundingUnit)])),
              }))}
            />
          )}
        </ChartCard>

        <ChartCard title={t('charts.paybackTitle')} description={t('charts.paybackDescription', { year: period.to })}>
          {analytics.budget.payback.length === 0 ? (
            <EmptyState>{t('charts.noData')}</EmptyState>
          ) : (
            <PaybackChart
              unit={t(`units.${paybackUnit}`)}
              paybackYear={analytics.budget.paybackYear}
              years={analytics.budget.payback.map((y) => ({ year: y.year, taxes: inUnit(y.cumulativeTaxesRub, paybackUnit), budget: inUnit(y.cumulativeBudgetRub, paybackUnit) }))}
            />
          )}
          <p className="mt-2 text-sm text-muted-foreground">
            {analytics.budget.paybackYear === null ? t('charts.paybackNotReached', { year: period.to }) : t('charts.paybackReached', { year: analytics.budget.paybackYear })}
          </p>
        </ChartCard>

        <ChartCard className="lg:col-span-2" title={t('charts.occupancyTitle')} description={t('charts.occupancyDescription')}>
          <OccupancyChart
            manufacturing={occupancy.manufacturingRule.applies}
            months={occupancy.months.map((m) => ({ month: m.month, usePct: m.usePct, manufacturingSharePct: m.manufacturingSharePct }))}
          />
          {occupancy.manufacturingRule.applies && (
            <p className="mt-2 text-sm">
              {t(occupancy.manufacturingRule.met ? 'charts.ruleMet' : 'charts.ruleNotMet', { pct: formatPct(occupancy.manufacturingRule.sharePct, locale), day: lastDay })}
            </p>
          )}
          <div className="mt-3 grid items-start gap-3 md:grid-cols-2 print:grid-cols-2">
            <AreaTable
              caption={t('charts.byBuilding', { day: lastDay })}
              rows={occupancy.byBuilding.map((b) => ({ ...b, label: b.name }))}
              locale={locale}
              header={t('charts.building')}
            />
            <AreaTable
              caption={t('charts.byKind', { day: lastDay })}
              rows={occupancy.byKind.map((k) => ({ key: k.kind, label: t(`kinds.${k.kind}`), ...k }))}
              locale={locale}
              header={t('charts.kind')}
            />
          </div>
        </ChartCard>
      </div>
    </div>
  );
}

/** A chart on a card: the figure is named by the card's title. */
function ChartCard({ title, description, className, children }: { title: string; description?: string; className?: string; children: React.ReactNode }) {
  return (
    <Card className={`break-inside-avoid ${className ?? ''}`}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent>
        <figure aria-label={title}>{children}</figure>
      </CardContent>
    </Card>
  );
}

/** Leased and total area with the share in use, by building or by kind of premises, on the period's last day. */
function AreaTable({
  caption,
  header,
  rows,
  locale,
}: {
  caption: string;
  header: string;
  rows: { key: string; label: string; totalM2: string; leasedM2: string; usePct: number }[];
  locale: Locale;
}) {
  return (
    <Table className="caption-top">
      <caption className="mb-2 px-3 pt-2 text-left text-xs text-muted-foreground">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHead>{header}</TableHead>
          <TableHead className="text-right">m²</TableHead>
          <TableHead className="text-right">%</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell className="whitespace-normal">{r.label}</TableCell>
            <TableCell className="text-right tabular-nums" title={formatArea(r.totalM2, locale)}>
              {formatNumber(r.leasedM2, locale)} / {formatNumber(r.totalM2, locale)}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatPct(r.usePct, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
