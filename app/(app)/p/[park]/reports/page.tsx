import { Download, KeyRound, Target } from 'lucide-react';
import Link from 'next/link';
import { useId } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { FundingChart, FunnelChart, KpiDynamicsChart, OccupancyChart, PaybackChart } from '@/app/(app)/_reports/charts';
import { FigureCard } from '@/app/(app)/_reports/figure-card';
import { openingPeriod, periodLabel, periodPresets, pickerYears, readPeriod } from '@/app/(app)/_reports/period';
import { PeriodPicker } from '@/app/(app)/_reports/period-picker';
import { PrintButton } from '@/app/(app)/_reports/print-button';
import { inUnit, moneyUnit } from '@/app/(app)/_reports/scale';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Alert } from '@/app/_components/ui/alert';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { SectionCard } from '@/app/_components/ui/section-card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { can } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import { formatArea, formatDate, formatNumber, formatPct, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { getParkAnalytics } from '@/lib/reports/analytics/park-analytics';
import { getReportYears } from '@/lib/reports/report-years';
import { getParkSummary } from '@/lib/reports/summary';
import { BUDGET_SOURCES } from '@/lib/reports/types';

type Search = Record<string, string | string[] | undefined>;

export default async function ParkSummaryPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<Search> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'report.read');
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('reports');
  const tb = await getTranslations('budget');
  const currentYear = Number(todayIso().slice(0, 4));
  const years = await getReportYears(db, { actor, parkSlug: slug });
  const { period, invalid } = readPeriod(await searchParams, openingPeriod(currentYear, years));
  const args = { actor, parkSlug: slug, from: period.from, to: period.to };
  const summary = await getParkSummary(db, { ...args, locale });
  const analytics = await getParkAnalytics(db, args);

  const base = `/p/${slug}/reports`;
  const query = `from=${period.from}&to=${period.to}`;
  const label = periodLabel(period);
  const lastDay = formatDate(`${period.to}-12-31`, locale);
  const canReview = can(actor, 'kpi.review', park.id);
  const canTokens = can(actor, 'apiToken.manage', park.id);
  const money = (value: string) => ({ value: formatRub(value, locale, { compact: true }), exact: formatRub(value, locale) });
  const count = (value: number) => formatNumber(value, locale);

  // Reports that could still change the sums: for the whole period and for its last year.
  const { pending, missing, accepted, expected } = summary.reporting;
  const lastYearCoverage = analytics.kpi.years.find((y) => y.year === period.to);
  const kpiLink = (year?: number, tab: 'missing' | 'submitted' = 'missing') => `/p/${slug}/kpi?tab=${tab}&year=${year ?? 'all'}`;
  const gapNote = (gaps: { pending: number; missing: number }, scope: string, year?: number) =>
    gaps.pending + gaps.missing === 0 ? null : (
      <p>
        {t('gaps.note', { pending: gaps.pending, missing: gaps.missing, scope })}{' '}
        {canReview && (
          <Link href={kpiLink(year, gaps.missing > 0 ? 'missing' : 'submitted')} className="no-print font-medium underline underline-offset-2">
            {t('gaps.review')}
          </Link>
        )}
      </p>
    );
  const periodGaps = gapNote(summary.reporting, label);
  const lastYearGaps = lastYearCoverage ? gapNote(lastYearCoverage, String(period.to), period.to) : null;

  // Charts get plain numbers in one unit per chart.
  const kpiUnit = moneyUnit(analytics.kpi.years.flatMap((y) => [y.investmentRub, y.incomeRub]));
  const fundingUnit = moneyUnit(analytics.budget.funding.map((y) => y.totalRub));
  const paybackUnit = moneyUnit(analytics.budget.payback.flatMap((y) => [y.cumulativeTaxesRub, y.cumulativeBudgetRub]));
  const fundedSources = BUDGET_SOURCES.filter((s) => analytics.budget.funding.some((y) => Number(y.bySource[s]) !== 0));
  const shownSources = BUDGET_SOURCES.filter((s) => Number(summary.budget.bySource[s].amountRub) !== 0);
  const occupancy = analytics.occupancy;

  return (
    <div className="space-y-8 print:space-y-5">
      <PageHeader
        title={t('title')}
        description={t('subtitle', { park: park.name, period: label })}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/summary/export?${query}&format=xlsx`} download>
                <Download aria-hidden />
                {t('download.xlsx')}
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/summary/export?${query}&format=csv`} download>
                {t('download.csv')}
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/summary/export?${query}&format=json`} download>
                {t('download.json')}
              </a>
            </Button>
            <PrintButton label={t('print')} />
          </>
        }
      />

      <div className="no-print flex flex-wrap gap-2 text-sm">
        <Button asChild variant="ghost" size="sm">
          <Link href={`${base}/indicators`}>
            <Target aria-hidden />
            {t('links.indicators')}
          </Link>
        </Button>
        {canTokens && (
          <Button asChild variant="ghost" size="sm">
            <Link href={`${base}/api-tokens`}>
              <KeyRound aria-hidden />
              {t('links.apiTokens')}
            </Link>
          </Button>
        )}
      </div>

      <PeriodPicker action={base} period={period} years={pickerYears(currentYear, period, years)} presets={periodPresets(currentYear, years)} />
      {invalid && (
        <Alert variant="warning" role="status" className="no-print">
          {t('period.invalid', { period: label })}
        </Alert>
      )}

      <SectionCard title={t('narrativeTitle', { period: label })} className="break-inside-avoid">
        <p className="max-w-4xl leading-relaxed">{summary.narrative}</p>
      </SectionCard>

      {expected > 0 && pending + missing > 0 && (
        <Alert variant="warning" role="status">
          {t('gaps.banner', { period: label, accepted, expected, pending, missing })}{' '}
          {canReview && (
            <Link href={kpiLink(undefined, missing > 0 ? 'missing' : 'submitted')} className="no-print font-medium underline underline-offset-2">
              {t('gaps.review')}
            </Link>
          )}
        </Alert>
      )}

      <Section title={t('sections.residents')}>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 print:grid-cols-4">
          <FigureCard label={t('figures.requests')} value={count(summary.requests)} />
          <FigureCard label={t('figures.passedCouncil')} value={count(summary.passedCouncil)} />
          <FigureCard label={t('figures.taxIncentiveResidents')} value={count(summary.taxIncentiveResidents)} />
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
      </Section>

      <Section title={t('sections.totals', { period: label })} note={periodGaps}>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5 print:grid-cols-5">
          <FigureCard label={t('figures.investment')} {...money(summary.totals.investmentRub)} />
          <FigureCard label={t('figures.capitalInvestment')} {...money(summary.totals.capitalInvestmentRub)} />
          <FigureCard label={t('figures.jobsCreated')} value={count(summary.totals.jobsCreated)} />
          <FigureCard label={t('figures.income')} {...money(summary.totals.incomeRub)} />
          <FigureCard label={t('figures.taxesPaid')} {...money(summary.totals.taxesPaidRub)} />
        </div>
      </Section>

      <Section title={t('sections.lastYear', { year: period.to })} note={lastYearGaps}>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5 print:grid-cols-5">
          <FigureCard label={t('figures.income')} {...money(summary.lastYear.incomeRub)} />
          <FigureCard label={t('figures.taxesPaid')} {...money(summary.lastYear.taxesPaidRub)} />
          <FigureCard label={t('figures.jobsCreated')} value={count(summary.lastYear.jobsCreated)} />
          <FigureCard label={t('figures.investment')} {...money(summary.lastYear.investmentRub)} />
          <FigureCard label={t('figures.capitalInvestment')} {...money(summary.lastYear.capitalInvestmentRub)} />
        </div>
      </Section>

      <Section title={t('sections.budget', { year: period.to })}>
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
            note={periodGaps && t('gaps.short', { pending, missing })}
          />
          <FigureCard
            label={t('figures.paybackYear')}
            value={summary.payback.paybackYear === null ? t('figures.notReached') : String(summary.payback.paybackYear)}
            hint={t('figures.paybackHint')}
          />
        </div>
      </Section>

      <Section title={t('sections.reporting', { period: label })}>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 print:grid-cols-4">
          <FigureCard label={t('figures.expected')} value={count(expected)} hint={t('figures.expectedHint')} />
          <FigureCard label={t('figures.accepted')} value={count(accepted)} hint={expected > 0 ? formatPct(Math.round((accepted / expected) * 1000) / 10, locale) : undefined} />
          <FigureCard
            label={t('figures.pending')}
            value={count(pending)}
            className={pending > 0 ? 'border-amber-300 dark:border-amber-700' : undefined}
            note={pending > 0 && canReview ? <Link href={kpiLink(undefined, 'submitted')} className="underline underline-offset-2">{t('gaps.reviewPending')}</Link> : undefined}
          />
          <FigureCard
            label={t('figures.missing')}
            value={count(missing)}
            className={missing > 0 ? 'border-amber-300 dark:border-amber-700' : undefined}
            note={missing > 0 && canReview ? <Link href={kpiLink()} className="underline underline-offset-2">{t('gaps.reviewMissing')}</Link> : undefined}
          />
        </div>
      </Section>

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
                        <GapCount n={y.pending} href={canReview ? kpiLink(y.year, 'submitted') : undefined} />
                      </TableCell>
                      <TableCell className="text-right tabular-nums">
                        <GapCount n={y.missing} href={canReview ? kpiLink(y.year) : undefined} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </ChartCard>

          <ChartCard title={t('charts.fundingTitle')} description={t('charts.fundingDescription', { year: period.to })}>
            {analytics.budget.funding.length === 0 ? (
              <Empty text={t('charts.noFunding')} />
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
              <Empty text={t('charts.noData')} />
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

      <p className="hidden text-xs text-muted-foreground print:block">{t('printFooter', { date: formatDate(todayIso(), locale), park: park.name })}</p>
    </div>
  );
}

function Section({ title, note, children }: { title: string; note?: React.ReactNode; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-3 break-inside-avoid">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {note && <div className="text-sm text-amber-800 dark:text-amber-300 print:text-amber-800">{note}</div>}
      </div>
      {children}
    </section>
  );
}

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

function Empty({ text }: { text: string }) {
  return <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">{text}</p>;
}

function GapCount({ n, href }: { n: number; href?: string }) {
  if (n === 0) return <span className="text-muted-foreground">0</span>;
  const body = <span className="font-medium text-amber-800 dark:text-amber-300 print:text-amber-800">{n}</span>;
  return href ? (
    <Link href={href} className="underline underline-offset-2">
      {body}
    </Link>
  ) : (
    body
  );
}

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
