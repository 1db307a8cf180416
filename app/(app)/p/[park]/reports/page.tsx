import { Download, KeyRound, Target } from 'lucide-react';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { openingPeriod, periodLabel, periodPresets, pickerYears, readPeriod } from '@/app/(app)/_reports/period';
import { PeriodAlert } from '@/app/(app)/_reports/period-alert';
import { PeriodPicker } from '@/app/(app)/_reports/period-picker';
import { PrintButton } from '@/app/(app)/_reports/print-button';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import type { SearchParams } from '@/app/_server/search-params';
import { Alert } from '@/app/_components/ui/alert';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { SectionCard } from '@/app/_components/ui/section-card';
import { can } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { getParkAnalytics } from '@/lib/reports/analytics/park-analytics';
import { getReportYears } from '@/lib/reports/report-years';
import { parkScope } from '@/lib/reports/scope';
import { getParkSummary } from '@/lib/reports/summary';
import { getSupportByKind } from '@/lib/reports/support';
import { ReportCharts } from './report-charts';
import { hasGaps, kpiLink } from './report-gaps';
import { SummaryFigures } from './summary-figures';
import { getReportDb } from '@/db/client';

export default async function ParkSummaryPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<SearchParams> }) {
  const { park: slug } = await params;
  const { actor, park } = await parkContext(slug, 'report.read');
  const [locale, t, years, search] = await Promise.all([getLocale() as Promise<Locale>, getTranslations('reports'), getReportYears(await getReportDb(), { actor, park }), searchParams]);
  const currentYear = Number(todayIso(park.timeZone).slice(0, 4));
  const { period, invalid } = readPeriod(search, openingPeriod(currentYear, years));
  // The park is read and report.read decided once (parkContext, parkScope); the reports then run at once.
  const reports = await getReportDb();
  const scope = await parkScope(reports, { actor, park, from: period.from, to: period.to });
  const [summary, analytics, supportByKind] = await Promise.all([
    getParkSummary(reports, { scope, locale }),
    getParkAnalytics(reports, { scope }),
    getSupportByKind(reports, { scope }),
  ]);

  const base = `/p/${slug}/reports`;
  const query = `from=${period.from}&to=${period.to}`;
  const label = periodLabel(period);
  const canReview = can(actor, 'kpi.review', park.id);
  const canTokens = can(actor, 'apiToken.manage', park.id);
  const shared = { period, label, slug, canReview, locale };
  // Reports that could still change the sums.
  const { pending, missing, accepted, expected } = summary.reporting;

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
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/summary/export?${query}&format=pdf`} download>
                {t('download.pdf')}
              </a>
            </Button>
            <PrintButton label={t('print')} />
          </>
        }
      />

      <div className="no-print flex flex-wrap gap-2 text-sm">
        <ButtonLink variant="ghost" size="sm" href={`${base}/indicators`}>
          <Target aria-hidden />
          {t('links.indicators')}
        </ButtonLink>
        {canTokens && (
          <ButtonLink variant="ghost" size="sm" href={`${base}/api-tokens`}>
            <KeyRound aria-hidden />
            {t('links.apiTokens')}
          </ButtonLink>
        )}
      </div>

      <PeriodPicker action={base} period={period} years={pickerYears(currentYear, period, years)} presets={periodPresets(currentYear, years)} />
      <PeriodAlert problem={invalid} period={period} />

      <SectionCard title={t('narrativeTitle', { period: label })} className="break-inside-avoid">
        <p className="max-w-4xl leading-relaxed">{summary.narrative}</p>
      </SectionCard>

      {expected > 0 && hasGaps(summary.reporting) && (
        <Alert variant="warning" role="status">
          {t('gaps.banner', { period: label, accepted, expected, pending, missing })}{' '}
          {canReview && (
            <Link href={kpiLink(slug, undefined, missing > 0 ? 'missing' : 'submitted')} className="no-print font-medium underline underline-offset-2">
              {t('gaps.review')}
            </Link>
          )}
        </Alert>
      )}

      <SummaryFigures summary={summary} supportByKind={supportByKind} lastYearCoverage={analytics.kpi.years.find((y) => y.year === period.to)} {...shared} />

      <ReportCharts analytics={analytics} {...shared} />

      <p className="hidden text-xs text-muted-foreground print:block">{t('printFooter', { date: formatDate(todayIso(park.timeZone), locale), park: park.name })}</p>
    </div>
  );
}
