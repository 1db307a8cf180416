'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/app/_components/ui/button';
import { setUserDisabledAction } from '../actions';

export function DisableButton({ userId, disabled, email }: { userId: string; disabled: boolean; email: string }) {
  const t = useTranslations('admin');
  const [pending, start] = useTransition();
  return (
    <Button
      size="sm"
      variant={disabled ? 'outline' : 'destructive'}
      disabled={pending}
      aria-label={`${disabled ? t('enable') : t('disable')} ${email}`}
      onClick={() =>
        start(async () => {
          const result = await setUserDisabledAction({ userId, disabled: !disabled });
          if (!result.ok) toast.error(result.formError);
        })
      }
    >
      {disabled ? t('enable') : t('disable')}
    </Button>
  );
}
