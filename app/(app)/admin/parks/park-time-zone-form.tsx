'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import { Field } from '@/app/_components/ui/form';
import { NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import type { parkTimeZoneSchema } from '@/lib/validation/parks';
import { setParkTimeZoneAction } from '../actions';

type Values = z.input<typeof parkTimeZoneSchema>;
type Option = { value: string; label: string };

/** Moves a park to another time zone; choosing a park shows its current zone. */
export function ParkTimeZoneForm({ parks, zones }: { parks: { id: string; name: string; timeZone: string }[]; zones: Option[] }) {
  const t = useTranslations('admin');
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/parks').then((m) => m.parkTimeZoneSchema)),
    defaultValues: { parkId: parks[0]?.id ?? '', timeZone: parks[0]?.timeZone ?? '' },
  });
  const { submit, formError } = useActionForm(form, setParkTimeZoneAction, () => {
    toast.success(t('timeZoneSaved'));
  });
  const parkField = form.register('parkId');
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('saveTimeZone')}>
      <Field name="parkId" label={t('park')}>
        <NativeSelect
          {...parkField}
          onChange={(event) => {
            void parkField.onChange(event);
            const park = parks.find((p) => p.id === event.target.value);
            if (park) form.setValue('timeZone', park.timeZone);
          }}
        >
          <SelectOptions options={parks.map((p) => ({ value: p.id, label: p.name }))} />
        </NativeSelect>
      </Field>
      <Field name="timeZone" label={t('timeZone')} description={t('timeZoneHint')}>
        <NativeSelect {...form.register('timeZone')}>
          <SelectOptions options={zones} />
        </NativeSelect>
      </Field>
    </ActionForm>
  );
}
