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
import { Input } from '@/app/_components/ui/input';
import { RadioGroupField } from '@/app/_components/ui/radio-group';
import type { admitResidentSchema } from '@/lib/validation/residents';
import { PLACEMENTS } from '@/lib/validation/choices';
import { admitResidentAction } from '../actions';

type Values = z.input<typeof admitResidentSchema>;

export function AdmitForm({ parkId, slug, applicationId, today, wantsPremises }: { parkId: string; slug: string; applicationId: string; today: string; wantsPremises: boolean }) {
  const t = useTranslations('admission');
  const tr = useTranslations('residents');
  const router = useRouter();
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/residents').then((m) => m.admitResidentSchema)),
    defaultValues: { applicationId, agreementNumber: '', agreementDate: today, startOn: today, endOn: '', placement: wantsPremises ? 'on_site' : 'extraterritorial' },
  });
  const { submit, formError } = useActionForm(form, (values) => admitResidentAction(parkId, values), (data) => {
    toast.success(t('admitted'));
    router.push(`/p/${slug}/residents/${data.companyId}`);
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('submit')}>
      <Field name="agreementNumber" label={t('agreementNumber')}>
        <Input {...form.register('agreementNumber')} />
      </Field>
      <Field name="agreementDate" label={t('agreementDate')}>
        <Input type="date" {...form.register('agreementDate')} />
      </Field>
      <Field name="startOn" label={t('startOn')}>
        <Input type="date" {...form.register('startOn')} />
      </Field>
      <Field name="endOn" label={t('endOn')} description={t('endHint')}>
        <Input type="date" {...form.register('endOn')} />
      </Field>
      <RadioGroupField
        control={form.control}
        name="placement"
        legend={t('placement')}
        description={t('placementHint')}
        options={PLACEMENTS.map((p) => ({ value: p, label: tr(`placement.${p}`) }))}
        className="sm:col-span-2"
        groupClassName="flex flex-wrap gap-4"
      />
    </ActionForm>
  );
}
