'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { useActionButton } from '@/app/_components/use-action-button';
import { answerInvitationAction } from './actions';

export function InvitationButtons({ invitationId, companyName }: { invitationId: string; companyName: string }) {
  const t = useTranslations('companies');
  const accept = useActionButton(answerInvitationAction, { success: t('accepted') });
  const decline = useActionButton(answerInvitationAction, { success: t('declined') });
  const busy = accept.busy || decline.busy;
  return (
    <div className="flex gap-2">
      <Button size="sm" disabled={busy} aria-label={`${t('accept')}: ${companyName}`} onClick={() => accept.run({ invitationId, accept: true })}>
        {t('accept')}
      </Button>
      <Button size="sm" variant="outline" disabled={busy} aria-label={`${t('decline')}: ${companyName}`} onClick={() => decline.run({ invitationId, accept: false })}>
        {t('decline')}
      </Button>
    </div>
  );
}
