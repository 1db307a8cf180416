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
import { RadioGroupField } from '@/app/_components/ui/radio-group';
import { useActionForm } from '@/app/_components/use-action-form';
import type { ClosureOutcome, closeApplicationSchema } from '@/lib/validation/applications';
import { closeApplicationAction } from '../actions';

type Values = z.input<typeof closeApplicationSchema>;

/** The manager closes an application that goes no further: the outcome and the reason the applicant is told. */
export function CloseForm({ applicationId, outcomes }: { applicationId: string; outcomes: readonly ClosureOutcome[] }) {
  const t = useTranslations('applicationStaff.close');
  const tc = useTranslations('closure');
  const router = useRouter();
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/applications').then((m) => m.closeApplicationSchema)),
    defaultValues: { applicationId, outcome: outcomes[0], reason: '' },
  });
  const { submit, formError } = useActionForm(form, closeApplicationAction, () => {
    toast.success(t('done'));
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('submit')} submitVariant="outline" layout="compact">
      <RadioGroupField
        control={form.control}
        name="outcome"
        legend={t('outcome')}
        options={outcomes.map((o) => ({ value: o, label: tc(`outcomes.${o}`) }))}
        groupClassName="flex flex-wrap gap-4"
      />
      <Field name="reason" label={t('reason')} description={t('reasonHint')}>
        <Textarea rows={3} {...form.register('reason')} />
      </Field>
    </ActionForm>
  );
}
