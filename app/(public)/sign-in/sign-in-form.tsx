'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { CheckboxField } from '@/app/_components/ui/checkbox';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import type { SignInInput } from '@/lib/validation/users';
import { signInAction } from './actions';

/**
 * E-mail and password; for an account with two-factor sign-in, the same form then asks for the
 * code (the password stays in the form and is sent again with it). `next`: a path on this site,
 * already checked by the page (safeCallbackPath).
 */
export function SignInForm({ defaultEmail, next = '/' }: { defaultEmail?: string; next?: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const [codeStep, setCodeStep] = useState(false);
  const form = useForm<SignInInput>({ resolver: lazyZodResolver(() => import('@/lib/validation/users').then((m) => m.signInSchema)), defaultValues: { email: defaultEmail ?? '', password: '', code: '', remember: false } });
  const { submit, formError } = useActionForm(form, signInAction, ({ secondFactor }) => {
    if (secondFactor) {
      setCodeStep(true);
      return;
    }
    router.replace(next);
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={codeStep ? t('verify') : t('signIn')} pendingLabel={t('signingIn')} layout="stack">
      <div className={codeStep ? 'sr-only' : 'space-y-4'} aria-hidden={codeStep || undefined}>
        <Field name="email" label={t('email')}>
          <Input type="email" autoComplete="username" readOnly={codeStep} tabIndex={codeStep ? -1 : undefined} {...form.register('email')} />
        </Field>
        <Field name="password" label={t('password')}>
          <Input type="password" autoComplete="current-password" readOnly={codeStep} tabIndex={codeStep ? -1 : undefined} {...form.register('password')} />
        </Field>
      </div>
      {codeStep ? (
        <>
          <p className="text-sm text-muted-foreground">{t('secondFactorPrompt')}</p>
          <Field name="code" label={t('secondFactorCode')} description={t('secondFactorCodeHint')}>
            <Input inputMode="text" autoComplete="one-time-code" autoFocus maxLength={20} {...form.register('code')} />
          </Field>
          <CheckboxField control={form.control} name="remember" label={t('trustBrowser')} />
        </>
      ) : (
        <p className="text-right text-sm">
          <Link href="/forgot-password" className="text-primary hover:underline">
            {t('forgotPassword')}
          </Link>
        </p>
      )}
    </ActionForm>
  );
}
