'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label } from '@/app/_components/ui/input';
import { createProgrammeSchema } from '@/lib/validation/kpi';
import { createProgrammeAction } from './actions';

type Values = z.input<typeof createProgrammeSchema>;

export function CreateProgrammeForm({ parkId, parkSlug }: { parkId: string; parkSlug: string }) {
  const t = useTranslations('programmes');
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(createProgrammeSchema), defaultValues: { parkId, key: '', name: '' } });
  const { submit, formError } = useActionForm(form, createProgrammeAction, ({ key }) => {
    toast.success(t('created'));
    router.push(`/p/${parkSlug}/programmes/${key}`);
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-start" noValidate aria-label={t('createTitle')}>
      <div className="sm:col-span-3">
        <FormError message={formError} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="programme-name">{t('name')}</Label>
        <Input id="programme-name" aria-invalid={!!errors.name} {...form.register('name')} />
        <FieldError message={errors.name?.message} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="programme-key">{t('key')}</Label>
        <Input id="programme-key" aria-invalid={!!errors.key} aria-describedby="programme-key-help" {...form.register('key')} />
        <FieldError message={errors.key?.message} />
        <p id="programme-key-help" className="text-xs text-muted-foreground">
          {t('keyHelp')}
        </p>
      </div>
      <Button type="submit" className="sm:mt-6" disabled={isSubmitting}>
        {t('create')}
      </Button>
    </form>
  );
}
