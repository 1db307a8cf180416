'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import { Field } from '@/app/_components/ui/form';
import { NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import type { myTimeZoneSchema } from '@/lib/validation/time-zones';
import { setMyTimeZoneAction } from './actions';

type Values = z.input<typeof myTimeZoneSchema>;

/** A person's own zone; the empty choice leaves it to the installation's. */
export function TimeZoneForm({ current, zones, defaultLabel }: { current: string | null; zones: { value: string; label: string }[]; defaultLabel: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/time-zones').then((m) => m.myTimeZoneSchema)), defaultValues: { timeZone: current ?? '' } });
  const { submit, formError } = useActionForm(form, setMyTimeZoneAction, () => {
    toast.success(t('myTimeZoneSaved'));
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('saveMyTimeZone')}>
      <Field name="timeZone" label={t('myTimeZone')}>
        <NativeSelect {...form.register('timeZone')}>
          <SelectOptions options={zones} placeholder={defaultLabel} />
        </NativeSelect>
      </Field>
    </ActionForm>
  );
}
