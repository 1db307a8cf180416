import { Download, KeyRound, Target } from 'lucide-react';
import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { openingPeriod, periodLabel, periodPresets, pickerYears, readPeriod } from '@/app/(app)/_reports/period';
import { PeriodAlert } from '@/app/(app)/_reports/period-alert';
import { PeriodPicker } from '@/app/(app)/_reports/period-picker';
import { PrintButton } from '@/app/(app)/_reports/print-button';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import type { SearchParams } from '@/app/_server/search-params';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { can } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locales';
import { getReportYears } from '@/lib/reports/report-years';
import { getReportDb } from '@/db/client';
import { ReportBody, ReportBodySkeleton } from './report-body';

export default async function ParkSummaryPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<SearchParams> }) {
  const { park: slug } = await params;
  const { actor, park } = await parkContext(slug, 'report.read');
  const [locale, t, years, search] = await Promise.all([getLocale() as Promise<Locale>, getTranslations('reports'), getReportYears(await getReportDb(), { actor, park }), searchParams]);
  const currentYear = Number(todayIso(park.timeZone).slice(0, 4));
  const { period, invalid } = readPeriod(search, openingPeriod(currentYear, years));
  const base = `/p/${slug}/reports`;
  const query = `from=${period.from}&to=${period.to}`;
  const label = periodLabel(period);
  const canReview = can(actor, 'kpi.review', park.id);
  const canTokens = can(actor, 'apiToken.manage', park.id);
  const shared = { period, label, slug, canReview, locale };

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

      {/* The figures stream in after the frame: the park and report.read were decided above (parkContext). */}
      <Suspense fallback={<ReportBodySkeleton label={t('loading')} />}>
        <ReportBody actor={actor} park={park} shared={shared} />
      </Suspense>
    </div>
  );
}
