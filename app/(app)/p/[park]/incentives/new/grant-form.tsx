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
import { Input, NativeSelect, SelectOptions, Textarea } from '@/app/_components/ui/input';
import type { grantIncentiveSchema } from '@/lib/validation/incentives';
import { INCENTIVE_KINDS } from '@/lib/validation/choices';
import { grantIncentiveAction } from '../actions';

type Values = z.input<typeof grantIncentiveSchema>;

export function GrantForm({ parkId, slug, residencies, residencyId, today }: { parkId: string; slug: string; residencies: { id: string; label: string }[]; residencyId: string; today: string }) {
  const t = useTranslations('incentives');
  const router = useRouter();
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/incentives').then((m) => m.grantIncentiveSchema)),
    defaultValues: { residencyId, kind: 'profit_tax', legalBasis: '', decisionNumber: '', grantedOn: today, validFrom: today, validTo: '', conditions: '' },
  });
  const { submit, formError } = useActionForm(form, (v) => grantIncentiveAction(parkId, v), (data) => {
    toast.success(t('granted'));
    router.push(`/p/${slug}/incentives/${data.id}`);
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('submit')} aria-label={t('formTitle')}>
      <Field name="residencyId" label={t('resident')} errorText="required" className="sm:col-span-2">
        <NativeSelect {...form.register('residencyId')}>
          <SelectOptions placeholder={t('chooseResident')} options={residencies.map((r) => ({ value: r.id, label: r.label }))} />
        </NativeSelect>
      </Field>
      <Field name="kind" label={t('kind')} className="sm:col-span-2">
        <NativeSelect {...form.register('kind')}>
          <SelectOptions options={INCENTIVE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </NativeSelect>
      </Field>
      <Field name="legalBasis" label={t('legalBasis')} description={t('legalBasisHint')} className="sm:col-span-2">
        <Input {...form.register('legalBasis')} />
      </Field>
      <Field name="decisionNumber" label={t('decisionNumber')}>
        <Input {...form.register('decisionNumber')} />
      </Field>
      <Field name="grantedOn" label={t('grantedOn')}>
        <Input type="date" {...form.register('grantedOn')} />
      </Field>
      <Field name="validFrom" label={t('validFrom')}>
        <Input type="date" {...form.register('validFrom')} />
      </Field>
      <Field name="validTo" label={t('validTo')}>
        <Input type="date" {...form.register('validTo')} />
      </Field>
      <Field name="conditions" label={t('conditions')} className="sm:col-span-2">
        <Textarea rows={3} {...form.register('conditions')} />
      </Field>
    </ActionForm>
  );
}
