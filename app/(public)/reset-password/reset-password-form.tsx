'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, AlertDescription } from '@/app/_components/ui/alert';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import type { PasswordResetInput } from '@/lib/validation/users';
import { resetPasswordAction } from '../forgot-password/actions';

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('auth');
  const [done, setDone] = useState(false);
  const form = useForm<PasswordResetInput>({ resolver: lazyZodResolver(() => import('@/lib/validation/users').then((m) => m.passwordResetSchema)), defaultValues: { token, password: '' } });
  const { submit, formError } = useActionForm(form, resetPasswordAction, () => setDone(true));
  if (done)
    return (
      <Alert role="status">
        <AlertDescription>
          {t('passwordResetDone')}{' '}
          <Link href="/sign-in" className="font-medium text-primary hover:underline">
            {t('signIn')}
          </Link>
        </AlertDescription>
      </Alert>
    );
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('setNewPassword')} layout="stack">
      <Field name="password" label={t('newPassword')} description={t('passwordHint')}>
        <Input type="password" autoComplete="new-password" {...form.register('password')} />
      </Field>
    </ActionForm>
  );
}
