'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import type { parkServiceTargetSchema } from '@/lib/validation/parks';
import { saveServiceTargetAction } from './actions';

type Values = z.input<typeof parkServiceTargetSchema>;

/** The days a service request may stay open before the desk lists it as overdue. */
export function ServiceTargetForm({ parkId, serviceTargetDays }: { parkId: string; serviceTargetDays: number }) {
  const t = useTranslations('serviceDesk');
  const router = useRouter();
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/parks').then((m) => m.parkServiceTargetSchema)),
    defaultValues: { parkId, serviceTargetDays: String(serviceTargetDays) },
  });
  const { submit, formError } = useActionForm(form, saveServiceTargetAction, () => {
    toast.success(t('settings.saved'));
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('settings.save')} layout="compact" submitVariant="outline" aria-label={t('settings.title')}>
      <Field name="serviceTargetDays" label={t('settings.targetDays')} description={t('settings.targetDaysHint')}>
        <Input inputMode="numeric" className="w-24" {...form.register('serviceTargetDays')} />
      </Field>
    </ActionForm>
  );
}
