'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label } from '@/app/_components/ui/input';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { signUpSchema, type SignUpInput } from '@/lib/validation/users';
import { signUpAction } from './actions';

export function SignUpForm() {
  const t = useTranslations('auth');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<SignUpInput>({ resolver: zodResolver(signUpSchema), defaultValues: { name: '', email: '', password: '' } });
  const { submit, formError } = useActionForm(form, signUpAction, ({ email }) => setSentTo(email));
  const { errors, isSubmitting } = form.formState;
  if (sentTo)
    return (
      <div role="status" className="space-y-2">
        <p className="font-medium">{t('checkEmailTitle')}</p>
        <p className="text-sm text-muted-foreground">{t('checkEmail', { email: sentTo })}</p>
      </div>
    );
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <div className="space-y-2">
        <Label htmlFor="name">{t('name')}</Label>
        <Input id="name" autoComplete="name" aria-invalid={!!errors.name} {...form.register('name')} />
        <FieldError message={errors.name?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="email">{t('email')}</Label>
        <Input id="email" type="email" autoComplete="email" aria-invalid={!!errors.email} {...form.register('email')} />
        <FieldError message={errors.email?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">{t('password')}</Label>
        <Input id="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register('password')} />
        <p className="text-xs text-muted-foreground">{t('passwordHint')}</p>
        <FieldError message={errors.password?.message} />
      </div>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {t('createAccount')}
      </Button>
    </form>
  );
}
