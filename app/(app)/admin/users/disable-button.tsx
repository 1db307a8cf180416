'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { useActionButton } from '@/app/_components/use-action-button';
import { setUserDisabledAction } from '../actions';

export function DisableButton({ userId, disabled, email }: { userId: string; disabled: boolean; email: string }) {
  const t = useTranslations('admin');
  const { run, busy } = useActionButton(setUserDisabledAction);
  return (
    <Button
      size="sm"
      variant={disabled ? 'outline' : 'destructive'}
      disabled={busy}
      aria-label={`${disabled ? t('enable') : t('disable')} ${email}`}
      onClick={() => run({ userId, disabled: !disabled })}
    >
      {disabled ? t('enable') : t('disable')}
    </Button>
  );
}
