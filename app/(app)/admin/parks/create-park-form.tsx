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
import { createParkSchema } from '@/lib/validation/parks';
import { createParkAction } from '../actions';

type Values = z.input<typeof createParkSchema>;

export function CreateParkForm() {
  const t = useTranslations('admin');
  const form = useForm<Values>({
    resolver: zodResolver(createParkSchema),
    defaultValues: { slug: '', name: '', region: '', type: 'high_tech', landAreaHa: '', foundedOn: '' },
  });
  const { submit, formError } = useActionForm(form, createParkAction, () => {
    toast.success(t('parkCreated'));
    form.reset();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormError message={formError} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="park-name">{t('name')}</Label>
        <Input id="park-name" aria-invalid={!!errors.name} {...form.register('name')} />
        <FieldError message={errors.name?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="park-slug">{t('slug')}</Label>
        <Input id="park-slug" aria-invalid={!!errors.slug} {...form.register('slug')} />
        <FieldError message={errors.slug?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="park-region">{t('region')}</Label>
        <Input id="park-region" aria-invalid={!!errors.region} {...form.register('region')} />
        <FieldError message={errors.region?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="park-type">{t('type')}</Label>
        <NativeSelect id="park-type" {...form.register('type')}>
          {(['industrial', 'high_tech', 'mixed'] as const).map((v) => (
            <option key={v} value={v}>
              {t(`parkTypes.${v}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-2">
        <Label htmlFor="park-land">{t('landAreaHa')}</Label>
        <Input id="park-land" inputMode="decimal" aria-invalid={!!errors.landAreaHa} {...form.register('landAreaHa')} />
        <FieldError message={errors.landAreaHa?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="park-founded">{t('foundedOn')}</Label>
        <Input id="park-founded" type="date" aria-invalid={!!errors.foundedOn} {...form.register('foundedOn')} />
        <FieldError message={errors.foundedOn?.message} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {t('createPark')}
        </Button>
      </div>
    </form>
  );
}
