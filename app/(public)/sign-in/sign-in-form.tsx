'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import { signInSchema, type SignInInput } from '@/lib/validation/users';
import { signInAction } from './actions';

/** `next`: a path on this site, already checked by the page (safeCallbackPath). */
export function SignInForm({ defaultEmail, next = '/' }: { defaultEmail?: string; next?: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: defaultEmail ?? '', password: '' } });
  const { submit, formError } = useActionForm(form, signInAction, () => {
    router.replace(next);
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('signIn')} pendingLabel={t('signingIn')} layout="stack">
      <Field name="email" label={t('email')}>
        <Input type="email" autoComplete="username" {...form.register('email')} />
      </Field>
      <Field name="password" label={t('password')}>
        <Input type="password" autoComplete="current-password" {...form.register('password')} />
      </Field>
    </ActionForm>
  );
}
