import { notFound } from 'next/navigation';
import { Download } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { PageHeader } from '@/app/_components/page-header';
import { Thread } from '@/app/_components/thread';
import { Alert, AlertDescription, AlertTitle } from '@/app/_components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { getDb } from '@/db/client';
import { accessApplication } from '@/lib/applications/access';
import { listParksOpenForApplications, readApplication } from '@/lib/applications/applications';
import { compareVersions, getTimeline, listVersions } from '@/lib/applications/history';
import { requireActor } from '@/app/_server/session';
import { orNotFound } from '@/app/_server/not-found';
import { listMyCompanies } from '@/lib/companies/my-companies';
import { dateOf, todayIso, zoneOr } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { isUuid } from '@/lib/validation/uuid';
import { ApplicationView } from '../../../_applications/application-view';
import { ClosureNotice } from '../../../_applications/closure-notice';
import { StatusBadge } from '../../../_applications/status-badge';
import { Timeline } from '../../../_applications/timeline';
import { pickVersions, VersionCompare } from '../../../_applications/version-compare';
import { LazyApplicationForm as ApplicationForm } from '../lazy-application-form';
import { DeleteDraftButton } from './delete-draft-button';

export default async function MyApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ step?: string; from?: string; to?: string }>;
}) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requireActor();
  const db = await getDb();
  if (!isUuid(id)) notFound();
  // Decided once: the applicant's own application; another company's looks missing.
  const access = await orNotFound(accessApplication(db, { actor, applicationId: id, as: ['applicant'] }));
  const [app, timeline, versions] = await Promise.all([readApplication(db, access), getTimeline(db, { access }), listVersions(db, { access })]);
  const selected = pickVersions(versions, search);
  const comparison = selected ? await compareVersions(db, { access, ...selected }) : null;
  const t = await getTranslations('applications');
  const tp = await getTranslations('applicationPdf');
  const locale = (await getLocale()) as Locale;
  const editable = app.status === 'draft' || app.status === 'returned';
  // The applicant's own pages read their clock (the installation's if they chose none).
  const zone = zoneOr(actor.timeZone);

  const aside = (
    <aside className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center justify-between gap-2 text-base">
            {t('status')} <StatusBadge status={app.status} />
          </CardTitle>
          <p className="text-xs text-muted-foreground">
            {app.parkName} · {app.companyName}
          </p>
        </CardHeader>
        <CardContent>
          <h2 className="mb-3 text-sm font-semibold">{t('timeline')}</h2>
          {/* A decision links to the extract of this application's item from the approved minutes, never the whole minutes. */}
          <Timeline events={timeline} zone={zone} minutes={(e) => (e.minutesVersion ? { href: `/my/applications/${app.id}/minutes-extract`, extract: true } : null)} />
          {app.status === 'draft' && app.version === 0 && (
            <div className="mt-4 border-t pt-3">
              <DeleteDraftButton applicationId={app.id} />
            </div>
          )}
        </CardContent>
      </Card>
      {versions.length > 0 && (
        <Card>
          <CardContent className="pt-5">
            <VersionCompare versions={versions} selected={selected} changes={comparison?.changes ?? null} action={`/my/applications/${id}`} zone={zone} />
          </CardContent>
        </Card>
      )}
    </aside>
  );

  if (!editable) {
    return (
      <div className="space-y-4">
        <PageHeader
          title={app.title}
          description={t(`lockedHints.${app.status as 'submitted' | 'in_review' | 'approved' | 'rejected' | 'closed'}`)}
          actions={
            <Button asChild variant="outline" size="sm">
              <a href={`/my/applications/${app.id}/pdf`} download>
                <Download aria-hidden />
                {tp('downloadPdf')}
              </a>
            </Button>
          }
        />
        {app.closure && <ClosureNotice closure={app.closure} zone={zone} />}
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_360px]">
          <div className="min-w-0 space-y-6">
            <Card>
              <CardContent className="pt-5">
                <ApplicationView app={app} zone={zone} />
              </CardContent>
            </Card>
            <Thread db={db} actor={actor} subject="application" subjectId={app.id} zone={zone} />
          </div>
          {aside}
        </div>
      </div>
    );
  }

  const [companies, parks] = await Promise.all([listMyCompanies(db, { actor, today: todayIso(zone) }), listParksOpenForApplications(db)]);
  const step = Math.min(Math.max(Number(search.step) || 1, 1), 6) - 1;
  return (
    <div className="space-y-4">
      <PageHeader title={app.title || t('untitled')} />
      {app.returnComment && (
        <Alert variant="warning" role="status" aria-labelledby="return-comment-title" className="rounded-xl p-4">
          <AlertTitle id="return-comment-title" className="font-semibold">
            {t('returned')}
          </AlertTitle>
          <AlertDescription>
            <p className="text-muted-foreground">{t(`returnedBy.${app.returnComment.source}`, { date: formatDate(dateOf(app.returnComment.at, zone), locale) })}</p>
            <blockquote className="mt-2 whitespace-pre-line">{app.returnComment.comment}</blockquote>
            <p className="mt-2 text-xs text-muted-foreground">{t('returnedHint')}</p>
          </AlertDescription>
        </Alert>
      )}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_340px]">
        <ApplicationForm
          applicationId={app.id}
          initial={{
            parkId: app.parkId,
            companyId: app.companyId,
            title: app.title,
            description: app.description,
            industry: app.industry,
            wantsPremises: app.wantsPremises,
            premisesAreaM2: app.premisesAreaM2 ?? '',
            wantsTaxIncentives: app.wantsTaxIncentives,
            services: app.services,
            plan: app.plan.map((p) => ({
              year: String(p.year),
              investmentRub: p.investmentRub,
              capitalInvestmentRub: p.capitalInvestmentRub,
              newJobs: String(p.newJobs),
              incomeRub: p.incomeRub,
            })),
          }}
          companies={companies.map((c) => ({ id: c.id, name: c.name }))}
          parks={parks.map((p) => ({ id: p.id, name: p.name }))}
          attachments={app.attachments.map((f) => ({ id: f.id, kind: f.kind, fileName: f.fileName, sizeBytes: f.sizeBytes, submitted: f.submitted }))}
          status={app.status as 'draft' | 'returned'}
          initialStep={step}
        />
        {aside}
      </div>
      {/* Submitted once (returned since): the conversation with the park goes on beside the corrections. */}
      {app.version > 0 && (
        <div className="xl:max-w-[calc(100%-364px)]">
          <Thread db={db} actor={actor} subject="application" subjectId={app.id} zone={zone} />
        </div>
      )}
    </div>
  );
}
