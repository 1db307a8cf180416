'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import { Field } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import type { createLeaseSchema } from '@/lib/validation/premises';
import { createLeaseAction } from '../../actions';
import { LeaseRateFields } from '../../lease-rate-fields';

type Values = z.input<typeof createLeaseSchema>;

export function LeaseForm({
  parkId,
  slug,
  residencies,
  units,
  defaults,
}: {
  parkId: string;
  slug: string;
  residencies: { id: string; label: string }[];
  units: { id: string; label: string }[];
  defaults: { residencyId: string; premisesId: string; startOn: string };
}) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/premises').then((m) => m.createLeaseSchema)), defaultValues: { ...defaults, endOn: '', rateRubPerM2Month: '', marketRateRubPerM2Month: '' } });
  const { submit, formError } = useActionForm(form, (v) => createLeaseAction(parkId, v), () => {
    toast.success(t('leaseCreated'));
    router.push(`/p/${slug}/premises?at=${form.getValues('startOn')}`);
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('createLease')} aria-label={t('leaseFormTitle')}>
      <Field name="residencyId" label={t('resident')} errorText="required" className="sm:col-span-2">
        <NativeSelect {...form.register('residencyId')}>
          <SelectOptions placeholder={t('chooseResident')} options={residencies.map((r) => ({ value: r.id, label: r.label }))} />
        </NativeSelect>
      </Field>
      <Field name="premisesId" label={t('unit')} errorText="required" className="sm:col-span-2">
        <NativeSelect {...form.register('premisesId')}>
          <SelectOptions placeholder={t('chooseUnit')} options={units.map((u) => ({ value: u.id, label: u.label }))} />
        </NativeSelect>
      </Field>
      <Field name="startOn" label={t('leaseStart')}>
        <Input type="date" {...form.register('startOn')} />
      </Field>
      <Field name="endOn" label={t('leaseEnd')} description={t('leaseEndHint')}>
        <Input type="date" {...form.register('endOn')} />
      </Field>
      <LeaseRateFields />
    </ActionForm>
  );
}
