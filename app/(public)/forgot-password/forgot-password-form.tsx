'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, AlertDescription } from '@/app/_components/ui/alert';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import type { PasswordResetRequestInput } from '@/lib/validation/users';
import { requestPasswordResetAction } from './actions';

export function ForgotPasswordForm() {
  const t = useTranslations('auth');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<PasswordResetRequestInput>({ resolver: lazyZodResolver(() => import('@/lib/validation/users').then((m) => m.passwordResetRequestSchema)), defaultValues: { email: '' } });
  const { submit, formError } = useActionForm(form, requestPasswordResetAction, ({ email }) => setSentTo(email));
  if (sentTo)
    return (
      <Alert role="status">
        <AlertDescription>{t('resetSent', { email: sentTo })}</AlertDescription>
      </Alert>
    );
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('sendResetLink')} layout="stack">
      <Field name="email" label={t('email')}>
        <Input type="email" autoComplete="username" {...form.register('email')} />
      </Field>
    </ActionForm>
  );
}
