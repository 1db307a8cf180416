'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, AlertDescription } from '@/app/_components/ui/alert';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import { passwordResetRequestSchema, type PasswordResetRequestInput } from '@/lib/validation/users';
import { requestPasswordResetAction } from './actions';

export function ForgotPasswordForm() {
  const t = useTranslations('auth');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<PasswordResetRequestInput>({ resolver: zodResolver(passwordResetRequestSchema), defaultValues: { email: '' } });
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
