'use client';

import { useTranslations } from 'next-intl';
import { useActionButton } from '@/app/_components/use-action-button';
import { Button } from '@/app/_components/ui/button';
import { VOTES, type Vote } from '@/lib/validation/choices';
import { castVoteAction } from '../actions';

/** The member's vote on one agenda item: for, against or abstain, changeable until the item is closed. */
export function VoteButtons({ meetingId, applicationId, current, open, title }: { meetingId: string; applicationId: string; current: Vote | null; open: boolean; title: string }) {
  const t = useTranslations('council');
  const { run, busy } = useActionButton(castVoteAction, { success: t('member.voted') });
  return (
    <div className="space-y-2">
      <div role="group" aria-label={t('member.yourVote', { title })} className="flex flex-wrap gap-2">
        {VOTES.map((vote) => (
          <Button
            key={vote}
            type="button"
            variant={current === vote ? 'default' : 'outline'}
            aria-pressed={current === vote}
            disabled={busy || !open}
            onClick={() => run({ meetingId, applicationId, vote })}
          >
            {t(`member.votes.${vote}`)}
          </Button>
        ))}
      </div>
      <p className="text-xs text-muted-foreground">{current ? t('member.youVoted', { vote: current }) : t('member.notVoted')}</p>
    </div>
  );
}
