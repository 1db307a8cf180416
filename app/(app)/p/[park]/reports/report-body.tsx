import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { SectionCard } from '@/app/_components/ui/section-card';
import { Skeleton } from '@/app/_components/ui/skeleton';
import { getReportDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { ParkDto } from '@/lib/parks/parks';
import { getParkAnalytics } from '@/lib/reports/analytics/park-analytics';
import { parkScope } from '@/lib/reports/scope';
import { getParkSummary } from '@/lib/reports/summary';
import { getSupportByKind } from '@/lib/reports/support';
import type { ReportPeriod } from '@/lib/reports/types';
import { ReportCharts } from './report-charts';
import { hasGaps, kpiLink } from './report-gaps';
import { SummaryFigures } from './summary-figures';

type Shared = { period: ReportPeriod; label: string; slug: string; canReview: boolean; locale: Locale };

/**
 * The reports page's figures: the narrative, the reporting gaps, the summary and the charts. The page
 * streams them (React Suspense, ReportBodySkeleton meanwhile), so its frame, header and period picker
 * arrive before the period's reports are computed. The park and report.read were decided by the page.
 */
export async function ReportBody({ actor, park, shared }: { actor: Actor; park: ParkDto; shared: Shared }) {
  const { period, label, slug, canReview, locale } = shared;
  const reports = await getReportDb();
  const scope = await parkScope(reports, { actor, park, from: period.from, to: period.to });
  const [t, summary, analytics, supportByKind] = await Promise.all([
    getTranslations('reports'),
    getParkSummary(reports, { scope, locale }),
    getParkAnalytics(reports, { scope }),
    getSupportByKind(reports, { scope }),
  ]);
  // Reports that could still change the sums.
  const { pending, missing, accepted, expected } = summary.reporting;
  return (
    <>
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
    </>
  );
}

/** What stands in for the figures while they are computed: the narrative's card and a grid of figure cards, in grey. */
export function ReportBodySkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-8">
      <div className="space-y-3 rounded-xl border bg-card p-5">
        <Skeleton className="h-5 w-64" />
        <Skeleton className="h-4 w-full max-w-4xl" />
        <Skeleton className="h-4 w-full max-w-3xl" />
        <Skeleton className="h-4 w-2/3 max-w-2xl" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="space-y-3 rounded-xl border bg-card p-5">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-7 w-24" />
          </div>
        ))}
      </div>
    </div>
  );
}
