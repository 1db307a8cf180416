import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { orNotFound } from '@/app/_server/not-found';
import { Alert } from '@/app/_components/ui/alert';
import { Badge } from '@/app/_components/ui/badge';
import { ButtonLink } from '@/app/_components/ui/button';
import { DetailItem, DetailList } from '@/app/_components/ui/detail-list';
import { SectionCard } from '@/app/_components/ui/section-card';
import { getMemberMeeting } from '@/lib/council/member-meetings';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { isUuid } from '@/lib/validation/uuid';
import { ApplicationView } from '../../../../_applications/application-view';
import { ReviewSummaryView } from '../../../../_applications/review-summary';
import { Discussion } from './discussion';
import { VoteButtons } from './vote-buttons';

/**
 * A meeting as a council member sees it: when and where, whether they may vote now, and each agenda
 * item with its application, the submitted reviews, their own vote, the decision once the item is
 * closed, and the members' discussion.
 */
export default async function MemberMeetingPage({ params }: { params: Promise<{ park: string; id: string }> }) {
  const { park: slug, id } = await params;
  const { actor, db, park } = await parkContext(slug, 'council.vote');
  if (!isUuid(id)) notFound();
  const meeting = await orNotFound(getMemberMeeting(db, { actor, meetingId: id }));
  if (meeting.parkId !== park.id) notFound();
  const t = await getTranslations('council');
  const locale = (await getLocale()) as Locale;
  const at = (d: Date) => formatDateTime(d, locale, park.timeZone);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('meetingTitle', { number: meeting.number })}
        description={t('meetingSubtitle', { date: at(meeting.startsAt), park: park.name })}
        actions={
          <ButtonLink variant="outline" href={`/p/${slug}/meetings/${meeting.id}/invite.ics`} prefetch={false}>
            {t('member.addToCalendar')}
          </ButtonLink>
        }
      />
      {meeting.status === 'cancelled' && (
        <Alert variant="warning" role="status">
          {t('cancel.cancelled')}
        </Alert>
      )}
      <SectionCard title={t('member.details')}>
        <DetailList>
          <DetailItem label={t('member.starts')}>{at(meeting.startsAt)}</DetailItem>
          <DetailItem label={t('member.place')}>{meeting.place ?? '—'}</DetailItem>
          <DetailItem label={t('member.videoLink')}>
            {meeting.videoLink ? (
              <a href={meeting.videoLink} className="text-primary underline-offset-4 hover:underline" target="_blank" rel="noopener noreferrer">
                {meeting.videoLink}
              </a>
            ) : (
              '—'
            )}
          </DetailItem>
          <DetailItem label={t('member.deadline')}>{meeting.votingDeadline ? at(meeting.votingDeadline) : t('member.noRemote')}</DetailItem>
          <DetailItem label={t('member.presence')}>{meeting.present ? t('member.present') : t('member.notPresent')}</DetailItem>
        </DetailList>
        <p role="status" className="mt-4 text-sm">
          {meeting.votingOpen ? (
            <Badge variant="success">{t('member.votingOpen')}</Badge>
          ) : (
            <Badge variant="secondary">{t('member.votingClosed')}</Badge>
          )}{' '}
          <span className="text-muted-foreground">{t('member.votingRule')}</span>
        </p>
      </SectionCard>
      <section aria-labelledby="agenda-heading" className="space-y-4">
        <h2 id="agenda-heading" className="text-lg font-semibold">
          {t('agenda')}
        </h2>
        {meeting.items.length === 0 && <p className="text-sm text-muted-foreground">{t('agendaEmpty')}</p>}
        {meeting.items.map((item, i) => (
          <SectionCard
            key={item.applicationId}
            title={`${i + 1}. ${item.title}`}
            description={item.companyName}
            actions={item.excluded ? <Badge variant="warning">{t('member.excluded')}</Badge> : item.decision ? <Badge variant={item.decision.decision === 'approved' ? 'success' : item.decision.decision === 'rejected' ? 'destructive' : 'warning'}>{t(`outcomes.${item.decision.decision}`)}</Badge> : null}
            contentClassName="space-y-5"
          >
            {item.excluded ? (
              <p className="text-sm text-muted-foreground">{t('member.excludedHint')}</p>
            ) : (
              <>
                {item.decision ? (
                  <div className="rounded-md bg-muted/50 p-3 text-sm">
                    <p>
                      {t('votesFor')} {item.decision.votesFor} · {t('votesAgainst')} {item.decision.votesAgainst} · {t('votesAbstain')} {item.decision.votesAbstain}
                    </p>
                    {item.decision.reason && <p className="mt-2 whitespace-pre-line">{item.decision.reason}</p>}
                    {item.myVote && <p className="mt-1 text-xs text-muted-foreground">{t('member.youVoted', { vote: item.myVote.vote })}</p>}
                  </div>
                ) : (
                  <VoteButtons meetingId={meeting.id} applicationId={item.applicationId} current={item.myVote?.vote ?? null} open={meeting.votingOpen} title={item.title} />
                )}
                <details className="rounded-lg border px-4 py-3">
                  <summary className="cursor-pointer text-sm font-medium">{t('member.application')}</summary>
                  <div className="mt-4">
                    <ApplicationView zone={park.timeZone} app={item.application} />
                  </div>
                </details>
                <div className="space-y-2">
                  <h3 className="text-sm font-semibold">{t('member.reviews')}</h3>
                  {item.reviews ? <ReviewSummaryView zone={park.timeZone} summary={item.reviews} /> : <Alert>{t('member.reviewFirst')}</Alert>}
                </div>
                <div className="space-y-2">
                  <h3 className="text-sm font-semibold">{t('member.discussion')}</h3>
                  {item.comments ? <Discussion applicationId={item.applicationId} comments={item.comments.map((c) => ({ ...c, at: formatDateTime(c.at, locale, park.timeZone) }))} /> : <p className="text-sm text-muted-foreground">{t('member.reviewFirst')}</p>}
                </div>
              </>
            )}
          </SectionCard>
        ))}
      </section>
    </div>
  );
}
