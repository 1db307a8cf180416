'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input, NativeSelect } from '@/app/_components/ui/input';
import type { addIndicatorSchema } from '@/lib/validation/kpi';
import { addIndicatorAction } from '../actions';

type Values = z.input<typeof addIndicatorSchema>;

export function AddIndicatorForm({ parkId, programmeId }: { parkId: string; programmeId: string }) {
  const t = useTranslations('programmes');
  const blank = { parkId, programmeId, key: '', name: '', unit: '', direction: 'higher' as const };
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/kpi').then((m) => m.addIndicatorSchema)), defaultValues: blank });
  const { submit, formError } = useActionForm(form, addIndicatorAction, () => {
    toast.success(t('indicatorAdded'));
    form.reset(blank);
  });
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4 md:grid-cols-2 lg:grid-cols-4" noValidate aria-label={t('addIndicator')}>
        <FormError message={formError} className="md:col-span-2 lg:col-span-4" />
        <Field name="name" label={t('name')} className="md:col-span-2">
          <Input {...form.register('name')} />
        </Field>
        <Field name="key" label={t('key')}>
          <Input {...form.register('key')} />
        </Field>
        <Field name="unit" label={t('unit')}>
          <Input {...form.register('unit')} />
        </Field>
        <Field name="direction" label={t('direction')}>
          <NativeSelect {...form.register('direction')}>
            <option value="higher">{t('directions.higher')}</option>
            <option value="lower">{t('directions.lower')}</option>
          </NativeSelect>
        </Field>
        <div className="flex items-end md:col-span-2 lg:col-span-3">
          <Button type="submit" disabled={isSubmitting}>
            {t('addIndicator')}
          </Button>
        </div>
      </form>
    </Form>
  );
}
