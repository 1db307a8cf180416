'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { FormError } from '@/app/_components/ui/form';
import { useHydrated } from '@/app/_components/use-hydrated';
import { confirmSignUpAction } from '../actions';

export function ConfirmSignUpForm({ token }: { token: string }) {
  const t = useTranslations('auth');
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (done)
    return (
      <div role="status" className="space-y-3">
        <p className="font-medium">{t('confirmedTitle')}</p>
        <p className="text-sm text-muted-foreground">{t('confirmedHint')}</p>
        <ButtonLink href="/sign-in" className="w-full">
          {t('signIn')}
        </ButtonLink>
      </div>
    );
  return (
    <div className="space-y-4">
      <FormError message={error} />
      <Button
        className="w-full"
        disabled={!hydrated || pending}
        onClick={() =>
          start(async () => {
            const result = await confirmSignUpAction({ token });
            if (result.ok) setDone(true);
            else setError(result.formError ?? null);
          })
        }
      >
        {t('confirmButton')}
      </Button>
    </div>
  );
}
