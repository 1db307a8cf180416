'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import type { SignUpInput } from '@/lib/validation/users';
import { signUpAction } from './actions';

export function SignUpForm() {
  const t = useTranslations('auth');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<SignUpInput>({ resolver: lazyZodResolver(() => import('@/lib/validation/users').then((m) => m.signUpSchema)), defaultValues: { name: '', email: '', password: '' } });
  const { submit, formError } = useActionForm(form, signUpAction, ({ email }) => setSentTo(email));
  if (sentTo)
    return (
      <div role="status" className="space-y-2">
        <p className="font-medium">{t('checkEmailTitle')}</p>
        <p className="text-sm text-muted-foreground">{t('checkEmail', { email: sentTo })}</p>
      </div>
    );
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('createAccount')} layout="stack">
      <Field name="name" label={t('name')}>
        <Input autoComplete="name" {...form.register('name')} />
      </Field>
      <Field name="email" label={t('email')}>
        <Input type="email" autoComplete="email" {...form.register('email')} />
      </Field>
      <Field name="password" label={t('password')} description={t('passwordHint')}>
        <Input type="password" autoComplete="new-password" {...form.register('password')} />
      </Field>
    </ActionForm>
  );
}
