'use client';

import { useTranslations } from 'next-intl';
import { useFormContext } from 'react-hook-form';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';

type RateValues = { rateRubPerM2Month?: string | null; marketRateRubPerM2Month?: string | null };

/** A lease's monthly rent per m² at signing, the resident's and the market's: both or neither (the rent support). */
export function LeaseRateFields() {
  const t = useTranslations('premises');
  const form = useFormContext<RateValues>();
  return (
    <>
      <Field name="rateRubPerM2Month" label={t('rate')} description={t('rateHint')}>
        <Input inputMode="decimal" {...form.register('rateRubPerM2Month')} />
      </Field>
      <Field name="marketRateRubPerM2Month" label={t('marketRate')} description={t('marketRateHint')}>
        <Input inputMode="decimal" {...form.register('marketRateRubPerM2Month')} />
      </Field>
    </>
  );
}
