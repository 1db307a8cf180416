'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import type { updateUserSchema } from '@/lib/validation/users';
import { updateUserAction } from '../../actions';
import { AccountFields } from '../account-fields';

type Values = z.input<typeof updateUserSchema>;

export function EditUserForm({ user, parks }: { user: Values; parks: { id: string; name: string }[] }) {
  const t = useTranslations('admin');
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/users').then((m) => m.updateUserSchema)), defaultValues: user });
  const { submit, formError } = useActionForm(form, (v) => updateUserAction(v.kind === 'staff' ? v : { ...v, memberships: [] }), () => {
    toast.success(t('userSaved'));
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('saveUser')}>
      <AccountFields parks={parks} />
    </ActionForm>
  );
}
