import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { KpiFigures } from '@/app/_components/kpi-figures';
import { KpiStatusBadge } from '@/app/_components/kpi-status-badge';
import { PageHeader } from '@/app/_components/page-header';
import { Thread } from '@/app/_components/thread';
import { Alert, AlertTitle } from '@/app/_components/ui/alert';
import { Card, CardContent } from '@/app/_components/ui/card';
import { getDb } from '@/db/client';
import { searchValues, type SearchParams } from '@/app/_server/search-params';
import { requireActor } from '@/app/_server/session';
import { orNotFound } from '@/app/_server/not-found';
import { zoneOr } from '@/lib/dates';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { getMyKpiReport } from '@/lib/kpi/filing';
import { isUuid } from '@/lib/validation/uuid';
import { KpiReportForm, type KpiFormDefaults } from './kpi-report-form';

type Search = Promise<SearchParams>;

export default async function MyKpiReportPage({ searchParams }: { searchParams: Search }) {
  const params = searchValues(await searchParams);
  const parkSlug = params.park ?? '';
  const companyId = params.company ?? '';
  const year = Number(params.year ?? '');
  const quarterText = params.quarter ?? '';
  const quarter = quarterText ? Number(quarterText) : null;
  if (!isUuid(companyId) || !Number.isInteger(year) || year < 1900 || year > 2200 || (quarter !== null && ![1, 2, 3, 4].includes(quarter))) notFound();

  const actor = await requireActor();
  const zone = zoneOr(actor.timeZone);
  const db = await getDb();
  const data = await orNotFound(getMyKpiReport(db, { actor, parkSlug, companyId, year, quarter }));
  const t = await getTranslations('myKpi');
  const tk = await getTranslations('kpi');
  const locale = (await getLocale()) as Locale;
  const period = tk('periodLabel', { year, quarter: quarter ?? 0 });
  const report = data.report;
  const f = report?.figures;
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const defaults: KpiFormDefaults = {
    jobsCreated: text(f?.jobsCreated),
    headcount: text(f?.headcount),
    investmentRub: text(f?.investmentRub),
    capitalInvestmentRub: text(f?.capitalInvestmentRub),
    incomeRub: text(f?.incomeRub),
    taxesPaidRub: text(f?.taxesPaidRub),
    rndSpendRub: text(f?.rndSpendRub),
  };
  return (
    <div className="max-w-4xl space-y-6">
      <Link href="/my/kpi" className="text-sm text-muted-foreground hover:underline">
        ← {t('back')}
      </Link>
      <PageHeader
        title={t('formTitle', { company: data.company.name, period })}
        description={data.deadline ? t('formSubtitle', { park: data.park.name, deadline: formatDate(data.deadline, locale) }) : t('formSubtitleQuarter', { park: data.park.name })}
        actions={report ? <KpiStatusBadge status={report.status} label={tk(`statuses.${report.status}`)} /> : undefined}
      />
      {report?.status === 'returned' && report.reviewComment && (
        <Alert variant="warning" role="status" aria-labelledby="return-comment-title">
          <AlertTitle id="return-comment-title">{t('returnedAlert')}</AlertTitle>
          {/* The park's words, quoted as written. */}
          <blockquote className="mt-1 whitespace-pre-line">{report.reviewComment}</blockquote>
        </Alert>
      )}
      {report?.status === 'submitted' && (
        <Alert role="status">{report.submittedAt ? t('submittedAlert', { at: formatDateTime(report.submittedAt, locale, zone) }) : t('submittedAlertNoDate')}</Alert>
      )}
      {report?.status === 'accepted' && (
        <Alert variant="success" role="status">
          {report.reviewedAt ? t('acceptedAlert', { at: formatDateTime(report.reviewedAt, locale, zone) }) : t('acceptedAlertNoDate')}
        </Alert>
      )}
      <Card>
        <CardContent className="pt-5">
          {data.editable ? (
            <KpiReportForm identity={{ parkId: data.park.id, companyId: data.company.id, year, quarter }} defaults={defaults} />
          ) : (
            f && <KpiFigures figures={f} />
          )}
        </CardContent>
      </Card>
      {report && report.status !== 'draft' && <Thread db={db} actor={actor} subject="kpiReport" subjectId={report.id} zone={zone} />}
    </div>
  );
}
