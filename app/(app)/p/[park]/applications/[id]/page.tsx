import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Download } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { PageHeader } from '@/app/_components/page-header';
import { Thread } from '@/app/_components/thread';
import { parkContext } from '@/app/_server/park-context';
import { orNotFound } from '@/app/_server/not-found';
import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent } from '@/app/_components/ui/card';
import { SectionCard } from '@/app/_components/ui/section-card';
import { DataTable } from '@/app/_components/ui/data-table';
import { accessApplication } from '@/lib/applications/access';
import { readApplication } from '@/lib/applications/applications';
import { closableOutcomes } from '@/lib/applications/closure';
import { compareVersions, getTimeline, listVersions } from '@/lib/applications/history';
import { listAssignments, suggestExperts } from '@/lib/council/assignments';
import { listCouncilComments } from '@/lib/council/member-meetings';
import { getReviewSummary } from '@/lib/council/reviews';
import { addDays, todayIso } from '@/lib/dates';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { isUuid } from '@/lib/validation/uuid';
import { ApplicationView } from '../../../../_applications/application-view';
import { CouncilComments } from '../../../../_applications/council-comments';
import { ReviewSummaryView } from '../../../../_applications/review-summary';
import { StatusBadge } from '../../../../_applications/status-badge';
import { Timeline } from '../../../../_applications/timeline';
import { pickVersions, VersionCompare } from '../../../../_applications/version-compare';
import { ClosureNotice } from '../../../../_applications/closure-notice';
import { AssignForm } from './assign-form';
import { CloseForm } from './close-form';
import { ScreeningForm } from './screening-form';
import { WithdrawButton } from './withdraw-button';

/** Days an expert is usually given for a review. */
const REVIEW_DAYS = 14;

export default async function ParkApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ park: string; id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { park: slug, id } = await params;
  const search = await searchParams;
  const { actor, db, park } = await parkContext(slug, 'application.readPark');
  if (!isUuid(id)) notFound();
  // Access is decided once, here; everything below takes what it returned instead of deciding again.
  const access = await orNotFound(accessApplication(db, { actor, parkId: park.id, applicationId: id, permission: 'application.readPark' }));
  const app = await readApplication(db, access);
  const today = todayIso(park.timeZone);
  const canScreen = app.status === 'submitted' && access.may['application.screen'];
  const canAssign = app.status === 'in_review' && access.may['application.assign'];
  const closeOutcomes = access.may['application.close'] ? closableOutcomes(app.status, app.admitted) : [];
  const [timeline, versions, assignments, summary, experts, discussion] = await Promise.all([
    getTimeline(db, { access }),
    listVersions(db, { access }),
    listAssignments(db, { access, today }),
    getReviewSummary(db, { access }),
    canAssign ? suggestExperts(db, { access }) : Promise.resolve([]),
    listCouncilComments(db, { access }),
  ]);
  const selected = pickVersions(versions, search);
  const comparison = selected ? await compareVersions(db, { access, ...selected }) : null;
  const t = await getTranslations('applicationStaff');
  const ta = await getTranslations('applications');
  const tp = await getTranslations('applicationPdf');
  const locale = (await getLocale()) as Locale;

  return (
    <div className="space-y-4">
      <PageHeader
        title={app.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={app.status} />
            <span>{app.companyName}</span>
            {app.companyInn && <span>· {t('companyInn', { inn: app.companyInn })}</span>}
            <span>· {t('submittedOn', { date: formatDate(app.submittedOn, locale) })}</span>
            {app.version > 0 && <span>· {t('version', { version: app.version })}</span>}
          </span>
        }
        actions={
          <Button asChild variant="outline" size="sm">
            <a href={`/p/${slug}/applications/${app.id}/pdf`} download>
              <Download aria-hidden />
              {tp('downloadPdf')}
            </a>
          </Button>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_360px]">
        <div className="min-w-0 space-y-6">
          {app.closure && <ClosureNotice closure={app.closure} zone={park.timeZone} />}
          {canScreen && (
            <SectionCard title={t('screening.title')} description={t('screening.hint')}>
              <ScreeningForm applicationId={app.id} />
            </SectionCard>
          )}
          {canAssign && (
            <SectionCard title={t('assign.title')}>
              <AssignForm applicationId={app.id} experts={experts} defaultDue={addDays(today, REVIEW_DAYS)} minDue={today} />
            </SectionCard>
          )}
          {(assignments.length > 0 || app.status === 'in_review') && (
            <SectionCard title={t('assignments.title')} contentClassName="space-y-5">
              {assignments.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t('assignments.empty')}</p>
              ) : (
                <DataTable
                  aria-label={t('assignments.title')}
                  rows={assignments}
                  rowKey={(a) => a.id}
                  columns={[
                    { header: t('assignments.expert'), className: 'font-medium', cell: (a) => a.expertName },
                    { header: t('assignments.due'), cellProps: (a) => ({ className: a.overdue ? 'font-medium text-destructive' : undefined }), cell: (a) => formatDate(a.dueOn, locale) },
                    {
                      header: t('assignments.status'),
                      cell: (a) => (
                        <>
                          <Badge variant={a.overdue ? 'destructive' : a.status === 'reviewed' ? 'success' : a.status === 'conflict' ? 'warning' : 'secondary'}>
                            {a.overdue ? t('assignments.overdue') : t(`assignments.statuses.${a.status}`)}
                          </Badge>
                          {a.conflictReason && <p className="mt-1 text-xs text-muted-foreground">{a.conflictReason}</p>}
                        </>
                      ),
                    },
                    { header: null, className: 'text-right', cell: (a) => a.status === 'assigned' && canAssign && <WithdrawButton assignmentId={a.id} expertName={a.expertName} /> },
                  ]}
                />
              )}
              <div>
                <h3 className="mb-2 text-sm font-semibold">{t('summary.title')}</h3>
                <ReviewSummaryView zone={park.timeZone} summary={summary} />
              </div>
              {discussion.length > 0 && (
                <div>
                  <h3 className="mb-2 text-sm font-semibold">{t('discussion')}</h3>
                  <CouncilComments comments={discussion.map((c) => ({ ...c, at: formatDateTime(c.at, locale, park.timeZone) }))} />
                </div>
              )}
              {app.status === 'in_review' && access.may['council.meet'] && (
                <p className="text-sm text-muted-foreground">
                  {t('council')}{' '}
                  <Link className="text-primary underline underline-offset-2" href={`/p/${slug}/council`}>
                    {t('councilLink')}
                  </Link>
                </p>
              )}
            </SectionCard>
          )}
          <SectionCard title={ta('details')}>
            <ApplicationView zone={park.timeZone} app={app} />
          </SectionCard>
          <Thread db={db} actor={actor} subject="application" subjectId={app.id} zone={park.timeZone} />
        </div>
        <aside className="space-y-4">
          {closeOutcomes.length > 0 && (
            <SectionCard id="close" title={t('close.title')} description={t('close.hint')}>
              <CloseForm applicationId={app.id} outcomes={closeOutcomes} />
            </SectionCard>
          )}
          <SectionCard title={ta('timeline')}>
            <Timeline zone={park.timeZone} events={timeline} minutes={(e) => (e.meetingId && access.may['council.meet'] ? { href: `/p/${slug}/council/${e.meetingId}/minutes`, extract: false } : null)} />
          </SectionCard>
          {versions.length > 0 && (
            <Card>
              <CardContent className="pt-5">
                <VersionCompare zone={park.timeZone} versions={versions} selected={selected} changes={comparison?.changes ?? null} action={`/p/${slug}/applications/${id}`} />
              </CardContent>
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}
