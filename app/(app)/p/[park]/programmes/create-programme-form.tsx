'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import type { createProgrammeSchema } from '@/lib/validation/kpi';
import { createProgrammeAction } from './actions';

type Values = z.input<typeof createProgrammeSchema>;

export function CreateProgrammeForm({ parkId, parkSlug }: { parkId: string; parkSlug: string }) {
  const t = useTranslations('programmes');
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/kpi').then((m) => m.createProgrammeSchema)), defaultValues: { parkId, key: '', name: '' } });
  const { submit, formError } = useActionForm(form, createProgrammeAction, ({ key }) => {
    toast.success(t('created'));
    router.push(`/p/${parkSlug}/programmes/${key}`);
  });
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-start" noValidate aria-label={t('createTitle')}>
        <FormError message={formError} className="sm:col-span-3" />
        <Field name="name" label={t('name')}>
          <Input {...form.register('name')} />
        </Field>
        <Field name="key" label={t('key')} description={t('keyHelp')}>
          <Input {...form.register('key')} />
        </Field>
        <Button type="submit" className="sm:mt-6" disabled={isSubmitting}>
          {t('create')}
        </Button>
      </form>
    </Form>
  );
}
