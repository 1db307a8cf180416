'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label, NativeSelect } from '@/app/_components/ui/input';
import { addIndicatorSchema } from '@/lib/validation/kpi';
import { addIndicatorAction } from '../actions';

type Values = z.input<typeof addIndicatorSchema>;

export function AddIndicatorForm({ parkId, programmeId }: { parkId: string; programmeId: string }) {
  const t = useTranslations('programmes');
  const blank = { parkId, programmeId, key: '', name: '', unit: '', direction: 'higher' as const };
  const form = useForm<Values>({ resolver: zodResolver(addIndicatorSchema), defaultValues: blank });
  const { submit, formError } = useActionForm(form, addIndicatorAction, () => {
    toast.success(t('indicatorAdded'));
    form.reset(blank);
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="grid gap-4 md:grid-cols-2 lg:grid-cols-4" noValidate aria-label={t('addIndicator')}>
      <div className="md:col-span-2 lg:col-span-4">
        <FormError message={formError} />
      </div>
      <div className="space-y-1.5 md:col-span-2">
        <Label htmlFor="indicator-name">{t('name')}</Label>
        <Input id="indicator-name" aria-invalid={!!errors.name} {...form.register('name')} />
        <FieldError message={errors.name?.message} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="indicator-key">{t('key')}</Label>
        <Input id="indicator-key" aria-invalid={!!errors.key} {...form.register('key')} />
        <FieldError message={errors.key?.message} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="indicator-unit">{t('unit')}</Label>
        <Input id="indicator-unit" aria-invalid={!!errors.unit} {...form.register('unit')} />
        <FieldError message={errors.unit?.message} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="indicator-direction">{t('direction')}</Label>
        <NativeSelect id="indicator-direction" {...form.register('direction')}>
          <option value="higher">{t('directions.higher')}</option>
          <option value="lower">{t('directions.lower')}</option>
        </NativeSelect>
      </div>
      <div className="flex items-end md:col-span-2 lg:col-span-3">
        <Button type="submit" disabled={isSubmitting}>
          {t('addIndicator')}
        </Button>
      </div>
    </form>
  );
}
