'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions, Textarea } from '@/app/_components/ui/input';
import type { exitResidentSchema } from '@/lib/validation/residents';
import { EXIT_REASONS } from '@/lib/validation/choices';
import { exitResidentAction } from '../actions';

type Values = z.input<typeof exitResidentSchema>;

export function ExitForm({ parkId, residencyId, defaultEndOn }: { parkId: string; residencyId: string; defaultEndOn: string }) {
  const t = useTranslations('profile');
  const tr = useTranslations('residents');
  const router = useRouter();
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/residents').then((m) => m.exitResidentSchema)),
    defaultValues: { residencyId, endOn: defaultEndOn, reason: 'term_ended', note: '' },
  });
  const { submit, formError } = useActionForm(form, (values) => exitResidentAction(parkId, values), (data) => {
    toast.success(t('exitDone', { leases: data.endedLeases, incentives: data.endedIncentives }));
    router.refresh();
  });
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-3" noValidate aria-label={t('exitTitle')}>
        <FormError message={formError} />
        <Field name="endOn" label={t('exitEndOn')}>
          <Input type="date" {...form.register('endOn')} />
        </Field>
        <Field name="reason" label={t('exitReason')}>
          <NativeSelect {...form.register('reason')}>
            <SelectOptions options={EXIT_REASONS.map((r) => ({ value: r, label: tr(`exitReason.${r}`) }))} />
          </NativeSelect>
        </Field>
        <Field name="note" label={t('exitNoteLabel')}>
          <Textarea rows={2} {...form.register('note')} />
        </Field>
        <Button type="submit" variant="destructive" disabled={isSubmitting}>
          {t('exitSubmit')}
        </Button>
      </form>
    </Form>
  );
}
