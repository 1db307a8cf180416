'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { useActionButton } from '@/app/_components/use-action-button';
import { resetSecondFactorAction, sendPasswordResetAction } from '../../actions';

/** "Send password reset link": the person chooses a new password from the e-mail. */
export function SendResetLinkButton({ userId, email }: { userId: string; email: string }) {
  const t = useTranslations('admin');
  const { run, busy } = useActionButton(sendPasswordResetAction, { success: t('resetLinkSent', { email }), onDone: () => {} });
  return (
    <Button size="sm" variant="outline" disabled={busy} onClick={() => run({ userId })}>
      {t('sendResetLink')}
    </Button>
  );
}

/** "Reset second factor", after confirmation: for a lost phone. */
export function ResetSecondFactorButton({ userId, email }: { userId: string; email: string }) {
  const t = useTranslations('admin');
  const { run, busy } = useActionButton(resetSecondFactorAction, { success: t('secondFactorWasReset', { email }) });
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="outline" disabled={busy}>
          {t('resetSecondFactor')}
        </Button>
      }
      title={t('resetSecondFactorTitle', { email })}
      description={t('resetSecondFactorText')}
      confirmLabel={t('resetSecondFactorConfirm')}
      cancelLabel={t('cancel')}
      onConfirm={() => run({ userId })}
    />
  );
}
