'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Field } from '@/app/_components/ui/form';
import { Textarea } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import type { cancelServiceRequestSchema } from '@/lib/validation/services';
import { cancelServiceRequestAction } from '../actions';

/** Withdraws an open request, with an optional reason the park is told. */
export function CancelRequestForm({ requestId }: { requestId: string }) {
  const t = useTranslations('serviceDesk');
  const router = useRouter();
  const form = useForm<z.input<typeof cancelServiceRequestSchema>>({ resolver: lazyZodResolver(() => import('@/lib/validation/services').then((m) => m.cancelServiceRequestSchema)), defaultValues: { requestId, reason: '' } });
  const { submit, formError } = useActionForm(form, cancelServiceRequestAction, () => {
    toast.success(t('my.cancelled'));
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('my.cancel')} submitVariant="destructive" layout="compact" aria-label={t('my.cancelTitle')}>
      <Field name="reason" label={t('fields.cancelReason')} description={t('my.cancelReasonHint')}>
        <Textarea rows={3} {...form.register('reason')} />
      </Field>
    </ActionForm>
  );
}
