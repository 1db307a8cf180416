'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import type { createUserSchema } from '@/lib/validation/users';
import { createUserAction } from '../actions';
import { AccountFields } from './account-fields';

type Values = z.input<typeof createUserSchema>;

export function CreateUserForm({ parks }: { parks: { id: string; name: string }[] }) {
  const t = useTranslations('admin');
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/users').then((m) => m.createUserSchema)),
    defaultValues: { name: '', email: '', password: '', kind: 'staff', memberships: [] },
  });
  const { submit, formError } = useActionForm(form, (v) => createUserAction(v.kind === 'staff' ? v : { ...v, memberships: [] }), () => {
    toast.success(t('userCreated'));
    form.reset();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('createUser')}>
      <AccountFields parks={parks}>
        <Field name="password" label={t('password')}>
          <Input type="password" autoComplete="new-password" {...form.register('password')} />
        </Field>
      </AccountFields>
    </ActionForm>
  );
}
