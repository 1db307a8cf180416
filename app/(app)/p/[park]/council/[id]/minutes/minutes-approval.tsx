'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionButton } from '@/app/_components/use-action-button';
import { useActionForm } from '@/app/_components/use-action-form';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Button } from '@/app/_components/ui/button';
import { Field } from '@/app/_components/ui/form';
import { Textarea } from '@/app/_components/ui/input';
import type { reopenMinutesSchema } from '@/lib/validation/minutes';
import { approveMinutesAction, reopenMinutesAction } from './actions';

/** Approves the minutes as they stand; the data layer refuses what may not be approved, and the toast says why. */
export function ApproveMinutesButton({ meetingId, label, done }: { meetingId: string; label: string; done: string }) {
  const { run, busy } = useActionButton(approveMinutesAction, { success: done });
  return (
    <Button type="button" disabled={busy} onClick={() => run({ meetingId })}>
      {label}
    </Button>
  );
}

type Values = z.input<typeof reopenMinutesSchema>;

/** Reopens approved minutes for a correction, with its reason. */
export function ReopenMinutesForm({ meetingId, labels }: { meetingId: string; labels: { reason: string; hint: string; submit: string; done: string } }) {
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/minutes').then((m) => m.reopenMinutesSchema)), defaultValues: { meetingId, reason: '' } });
  const { submit, formError } = useActionForm(form, reopenMinutesAction, () => {
    toast.success(labels.done);
    form.reset({ meetingId, reason: '' });
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={labels.submit} submitVariant="outline" layout="compact">
      <Field name="reason" label={labels.reason} description={labels.hint}>
        <Textarea rows={2} {...form.register('reason')} />
      </Field>
    </ActionForm>
  );
}
