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
import type { meetingDetailsSchema } from '@/lib/validation/council';
import { updateMeetingDetailsAction } from '../actions';

type Values = z.input<typeof meetingDetailsSchema>;

/** The meeting's day, start time, place, video link and remote-voting deadline, on the park's clock. */
export function MeetingDetailsForm({ initial }: { initial: { meetingId: string; heldOn: string; startsAt: string; place: string; videoLink: string; votingDeadline: string } }) {
  const t = useTranslations('council');
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.meetingDetailsSchema)), defaultValues: initial });
  const { submit, formError } = useActionForm(form, updateMeetingDetailsAction, () => {
    toast.success(t('details.saved'));
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('details.save')} layout="compact" submitVariant="outline">
      <div className="grid grid-cols-2 gap-3">
        <Field name="heldOn" label={t('create.date')}>
          <Input type="date" {...form.register('heldOn')} />
        </Field>
        <Field name="startsAt" label={t('details.startsAt')}>
          <Input type="time" {...form.register('startsAt')} />
        </Field>
      </div>
      <Field name="place" label={t('details.place')}>
        <Input {...form.register('place')} />
      </Field>
      <Field name="videoLink" label={t('details.videoLink')}>
        <Input type="url" inputMode="url" placeholder="https://" {...form.register('videoLink')} />
      </Field>
      <Field name="votingDeadline" label={t('details.votingDeadline')}>
        <Input type="datetime-local" {...form.register('votingDeadline')} />
      </Field>
    </ActionForm>
  );
}
