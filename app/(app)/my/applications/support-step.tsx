'use client';

import { useTranslations } from 'next-intl';
import { useFormContext } from 'react-hook-form';
import { CheckboxField, CheckboxGroupField } from '@/app/_components/ui/checkbox';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { SERVICES } from '@/lib/validation/choices';
import type { DraftValues } from './application-steps';

/** Step 3: premises (and how much), regional tax incentives, and the park's services. */
export function SupportStep({ wantsPremises }: { wantsPremises: boolean }) {
  const t = useTranslations('applications');
  const form = useFormContext<DraftValues>();
  return (
    <div className="space-y-5">
      <div className="space-y-3 rounded-lg border p-4">
        <CheckboxField control={form.control} name="wantsPremises" label={t('wantsPremises')} />
        {wantsPremises && (
          <Field name="premisesAreaM2" label={t('premisesArea')} className="sm:max-w-xs">
            <Input inputMode="decimal" {...form.register('premisesAreaM2')} />
          </Field>
        )}
      </div>
      <CheckboxField control={form.control} name="wantsTaxIncentives" label={t('wantsTax')} className="rounded-lg border p-4" />
      <CheckboxGroupField
        control={form.control}
        name="services"
        legend={t('services')}
        legendClassName="px-1"
        options={SERVICES.map((s) => ({ value: s, label: t(`serviceNames.${s}`) }))}
        fieldsetClassName="rounded-lg border p-4"
        listClassName="grid gap-2 sm:grid-cols-2"
      />
    </div>
  );
}
