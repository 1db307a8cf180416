'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { useActionButton } from '@/app/_components/use-action-button';
import { setUserDisabledAction } from '../actions';

/** Disables an account after the administrator confirms it (its owner is signed out everywhere); enables one at once. */
export function DisableButton({ userId, disabled, email }: { userId: string; disabled: boolean; email: string }) {
  const t = useTranslations('admin');
  const { run, busy } = useActionButton(setUserDisabledAction);
  if (disabled)
    return (
      <Button size="sm" variant="outline" disabled={busy} aria-label={`${t('enable')} ${email}`} onClick={() => run({ userId, disabled: false })}>
        {t('enable')}
      </Button>
    );
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="destructive" disabled={busy} aria-label={`${t('disable')} ${email}`}>
          {t('disable')}
        </Button>
      }
      title={t('disableTitle', { email })}
      description={t('disableText')}
      confirmLabel={t('disableConfirm')}
      cancelLabel={t('cancel')}
      onConfirm={() => run({ userId, disabled: true })}
    />
  );
}
