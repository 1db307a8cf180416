'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import { Field } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import { PARK_TYPES } from '@/db/schema/values';
import type { createParkSchema } from '@/lib/validation/parks';
import { createParkAction } from '../actions';

type Values = z.input<typeof createParkSchema>;

export function CreateParkForm({ zones, defaultZone }: { zones: { value: string; label: string }[]; defaultZone: string }) {
  const t = useTranslations('admin');
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/parks').then((m) => m.createParkSchema)),
    defaultValues: { slug: '', name: '', region: '', type: 'high_tech', landAreaHa: '', foundedOn: '', timeZone: defaultZone },
  });
  const { submit, formError } = useActionForm(form, createParkAction, () => {
    toast.success(t('parkCreated'));
    form.reset();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('createPark')}>
      <Field name="name" label={t('name')}>
        <Input {...form.register('name')} />
      </Field>
      <Field name="slug" label={t('slug')}>
        <Input {...form.register('slug')} />
      </Field>
      <Field name="region" label={t('region')}>
        <Input {...form.register('region')} />
      </Field>
      <Field name="type" label={t('type')}>
        <NativeSelect {...form.register('type')}>
          <SelectOptions options={PARK_TYPES.map((v) => ({ value: v, label: t(`parkTypes.${v}`) }))} />
        </NativeSelect>
      </Field>
      <Field name="landAreaHa" label={t('landAreaHa')}>
        <Input inputMode="decimal" {...form.register('landAreaHa')} />
      </Field>
      <Field name="foundedOn" label={t('foundedOn')}>
        <Input type="date" {...form.register('foundedOn')} />
      </Field>
      <Field name="timeZone" label={t('timeZone')} description={t('timeZoneHint')}>
        <NativeSelect {...form.register('timeZone')}>
          <SelectOptions options={zones} />
        </NativeSelect>
      </Field>
    </ActionForm>
  );
}
