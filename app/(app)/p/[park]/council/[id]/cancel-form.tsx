'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Field } from '@/app/_components/ui/form';
import { Textarea } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import type { cancelMeetingSchema } from '@/lib/validation/council';
import { cancelMeetingAction } from '../actions';

type Values = z.input<typeof cancelMeetingSchema>;

/** Cancels a meeting that has decided nothing, with the reason; behind a disclosure, so it is a deliberate step. */
export function CancelMeetingForm({ meetingId }: { meetingId: string }) {
  const t = useTranslations('council.cancel');
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.cancelMeetingSchema)), defaultValues: { meetingId, reason: '' } });
  const { submit, formError } = useActionForm(form, cancelMeetingAction, () => {
    toast.success(t('done'));
    router.refresh();
  });
  return (
    <details className="rounded-lg border px-4 py-3">
      <summary className="cursor-pointer text-sm font-medium">{t('button')}</summary>
      <div className="mt-3 space-y-3">
        <p className="text-xs text-muted-foreground">{t('hint')}</p>
        <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('confirm')} layout="compact" submitVariant="destructive">
          <Field name="reason" label={t('reason')}>
            <Textarea rows={2} {...form.register('reason')} />
          </Field>
        </ActionForm>
      </div>
    </details>
  );
}
