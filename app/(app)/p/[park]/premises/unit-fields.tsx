'use client';

import { useTranslations } from 'next-intl';
import { useFormContext } from 'react-hook-form';
import type { z } from 'zod';
import { Field } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import type { createUnitSchema } from '@/lib/validation/premises';
import { PREMISES_KINDS } from '@/lib/validation/choices';

type UnitFieldValues = Pick<z.input<typeof createUnitSchema>, 'name' | 'kind' | 'areaM2' | 'availableFrom' | 'availableTo'>;

/** A unit's name, kind, area and availability: the same fields when a unit is added and when it is edited. */
export function UnitFields() {
  const t = useTranslations('premises');
  const form = useFormContext<UnitFieldValues>();
  return (
    <>
      <Field name="name" label={t('unitName')}>
        <Input {...form.register('name')} />
      </Field>
      <Field name="kind" label={t('kind')}>
        <NativeSelect {...form.register('kind')}>
          <SelectOptions options={PREMISES_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </NativeSelect>
      </Field>
      <Field name="areaM2" label={t('areaM2')}>
        <Input inputMode="decimal" {...form.register('areaM2')} />
      </Field>
      <Field name="availableFrom" label={t('availableFromLabel')}>
        <Input type="date" {...form.register('availableFrom')} />
      </Field>
      <Field name="availableTo" label={t('availableToLabel')}>
        <Input type="date" {...form.register('availableTo')} />
      </Field>
    </>
  );
}
