'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label } from '@/app/_components/ui/input';
import { FieldError, FormError } from '@/app/_components/form-error';
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
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <div className="space-y-2">
        <Label htmlFor="email">{t('email')}</Label>
        <Input id="email" type="email" autoComplete="username" aria-invalid={!!errors.email} {...form.register('email')} />
        <FieldError message={errors.email?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">{t('password')}</Label>
        <Input id="password" type="password" autoComplete="current-password" aria-invalid={!!errors.password} {...form.register('password')} />
        <FieldError message={errors.password?.message} />
      </div>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t('signingIn') : t('signIn')}
      </Button>
    </form>
  );
}
