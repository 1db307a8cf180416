import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { orNotFound } from '@/app/_server/not-found';
import { Alert } from '@/app/_components/ui/alert';
import { Badge } from '@/app/_components/ui/badge';
import { ButtonLink } from '@/app/_components/ui/button';
import { SectionCard } from '@/app/_components/ui/section-card';
import { can } from '@/lib/auth/permissions';
import { getMeeting } from '@/lib/council/meetings';
import { localMoment, zoneLabel } from '@/lib/dates';
import { formatDate, formatDateTime, formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { isUuid } from '@/lib/validation/uuid';
import { StatusBadge } from '../../../../_applications/status-badge';
import { AgendaForm, RemoveItemButton } from './agenda-form';
import { AttendanceForm } from './attendance-form';
import { DecisionForm } from './decision-form';
import { CancelMeetingForm } from './cancel-form';
import { MeetingDetailsForm } from './details-form';

export default async function MeetingPage({ params }: { params: Promise<{ park: string; id: string }> }) {
  const { park: slug, id } = await params;
  const { actor, db, park } = await parkContext(slug, 'council.meet');
  if (!isUuid(id)) notFound();
  const meeting = await orNotFound(getMeeting(db, { actor, meetingId: id }));
  if (meeting.parkId !== park.id) notFound();
  const t = await getTranslations('council');
  const locale = (await getLocale()) as Locale;
  const mayDecide = can(actor, 'council.decide', park.id);
  const at = (d: Date) => formatDateTime(d, locale, park.timeZone);
  const decided = meeting.items.some((i) => i.decision);
  const cancelled = meeting.status === 'cancelled';
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('meetingTitle', { number: meeting.number })}
        description={t('meetingSubtitle', { date: meeting.startTime ? at(meeting.startsAt) : formatDate(meeting.heldOn, locale), park: park.name })}
        actions={
          <>
            <ButtonLink variant="outline" href={`/p/${slug}/meetings/${meeting.id}/invite.ics`} prefetch={false}>{t('invitation')}</ButtonLink>
            <ButtonLink variant="outline" href={`/p/${slug}/council/${meeting.id}/minutes`}>{t('minutes')}</ButtonLink>
          </>
        }
      />
      {cancelled && (
        <Alert variant="warning" role="status">
          {t('cancel.cancelled')}
        </Alert>
      )}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_380px]">
        <div className="min-w-0 space-y-6">
          <SectionCard title={t('agenda')} contentClassName="space-y-5">
            {meeting.items.length === 0 && <p className="text-sm text-muted-foreground">{t('agendaEmpty')}</p>}
            {meeting.items.map((item, i) => {
              const headingId = `item-${item.applicationId}`;
              return (
                <section key={item.applicationId} aria-labelledby={headingId} className="space-y-3 rounded-lg border p-4">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <h3 id={headingId} className="font-semibold">
                        {i + 1}.{' '}
                        <Link href={`/p/${slug}/applications/${item.applicationId}`} className="hover:underline">
                          {item.title}
                        </Link>
                      </h3>
                      <p className="text-sm text-muted-foreground">{item.companyName}</p>
                    </div>
                    <StatusBadge status={item.status} />
                  </div>
                  <p className="text-sm">
                    {t('weightedMean')}:{' '}
                    <span className="font-semibold tabular-nums">{item.summary.overall.weightedMean === null ? '—' : formatNumber(item.summary.overall.weightedMean, locale, 2)}</span>{' '}
                    <span className="text-muted-foreground">({t('reviewsCount', { count: item.summary.reviews })})</span>
                  </p>
                  {item.conflicted.length > 0 && <p className="text-sm text-amber-700 dark:text-amber-400">{t('conflicted', { names: item.conflicted.map((c) => c.name).join(', ') })}</p>}
                  {item.decision ? (
                    <div role="group" aria-label={t('decision')} className="rounded-md bg-muted/50 p-3 text-sm">
                      <p>
                        <Badge variant={item.decision.decision === 'approved' ? 'success' : item.decision.decision === 'rejected' ? 'destructive' : 'warning'}>
                          {t(`outcomes.${item.decision.decision}`)}
                        </Badge>{' '}
                        <span className="ml-1">
                          {t('votesFor')} {item.decision.votesFor} · {t('votesAgainst')} {item.decision.votesAgainst} · {t('votesAbstain')} {item.decision.votesAbstain}
                          {item.decision.paperTally && <span className="text-muted-foreground"> ({t('paperTallyMark')})</span>}
                        </span>
                      </p>
                      {item.decision.reason && <p className="mt-2 whitespace-pre-line">{item.decision.reason}</p>}
                      {item.decision.reviewsShortReason && <p className="mt-2 whitespace-pre-line text-amber-800 dark:text-amber-300">{t('reviewsShortShown', { reason: item.decision.reviewsShortReason })}</p>}
                      {item.decision.recordedBy && <p className="mt-1 text-xs text-muted-foreground">{t('recordedBy', { who: item.decision.recordedBy })}</p>}
                    </div>
                  ) : item.status !== 'in_review' ? (
                    <p className="text-sm text-muted-foreground">{t('notInReview')}</p>
                  ) : (
                    <>
                      <p className="text-sm text-muted-foreground">{t('voters', { count: item.voters })}</p>
                      <p role="status" className="text-sm">
                        {t('tally', { for: item.tally.for, against: item.tally.against, abstain: item.tally.abstain, participants: item.tally.participants, eligible: item.tally.eligible })}
                      </p>
                      {!meeting.started ? (
                        <p className="text-sm text-muted-foreground">{t('notStarted', { at: at(meeting.startsAt) })}</p>
                      ) : mayDecide && !cancelled ? (
                        <DecisionForm
                          meetingId={meeting.id}
                          applicationId={item.applicationId}
                          voters={item.voters}
                          majorityFor={item.tally.for > item.tally.against}
                          reviewsShort={item.summary.reviews < meeting.minReviews ? { submitted: item.summary.reviews, minimum: meeting.minReviews } : null}
                        />
                      ) : null}
                    </>
                  )}
                  {!item.decision && !cancelled && (
                    <div className="flex justify-end">
                      <RemoveItemButton meetingId={meeting.id} applicationId={item.applicationId} />
                    </div>
                  )}
                </section>
              );
            })}
            {!cancelled && (
              <div className="border-t pt-4">
                <AgendaForm meetingId={meeting.id} candidates={meeting.candidates} />
              </div>
            )}
          </SectionCard>
        </div>
        <aside className="space-y-4">
          <SectionCard title={t('details.title')} description={decided ? t('details.fixed') : t('details.hint', { zone: `${park.timeZone} (${zoneLabel(park.timeZone)})` })}>
            {decided || cancelled ? (
              <p className="text-sm">
                {at(meeting.startsAt)}
                {meeting.place && <> · {meeting.place}</>}
              </p>
            ) : (
              <MeetingDetailsForm
                initial={{
                  meetingId: meeting.id,
                  heldOn: meeting.heldOn,
                  startsAt: meeting.startTime?.slice(0, 5) ?? '',
                  place: meeting.place ?? '',
                  videoLink: meeting.videoLink ?? '',
                  votingDeadline: meeting.votingDeadline ? localMoment(meeting.votingDeadline, park.timeZone) : '',
                }}
              />
            )}
          </SectionCard>
          <SectionCard
            title={t('attendance')}
            actions={
              // A status: it changes when the attendance is saved, and a screen reader hears it.
              <Badge role="status" variant={meeting.quorum ? 'success' : 'destructive'}>
                {meeting.quorum ? t('quorumMet') : t('quorumNotMet')}
              </Badge>
            }
            description={
              <>
                <p>{t('quorum', { present: meeting.present, size: meeting.councilSize, needed: meeting.quorumNeeded })}</p>
                <p className="text-xs">{t('attendanceHint')}</p>
              </>
            }
          >
            <AttendanceForm meetingId={meeting.id} members={meeting.members} fixed={meeting.attendanceFixed || cancelled} />
          </SectionCard>
          {!decided && !cancelled && <CancelMeetingForm meetingId={meeting.id} />}
        </aside>
      </div>
    </div>
  );
}
