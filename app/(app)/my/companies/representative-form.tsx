'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import type { addRepresentativeSchema } from '@/lib/validation/companies';
import { addRepresentativeAction } from './actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof addRepresentativeSchema>;

export function RepresentativeForm({ companyId }: { companyId: string }) {
  const t = useTranslations('companies');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/companies').then((m) => m.addRepresentativeSchema)), defaultValues: { companyId, email: '' } });
  const { submit, formError } = useActionForm(form, addRepresentativeAction, ({ email }) => {
    toast.success(t('representativeAdded', { email }));
    form.reset({ companyId, email: '' });
    router.refresh();
  });
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="flex flex-wrap items-start gap-3" noValidate>
        <FormError message={formError} className="w-full" />
        <Field name="email" label={t('representativeEmail')} className="min-w-64 flex-1">
          <Input type="email" {...form.register('email')} />
        </Field>
        <Button type="submit" variant="outline" className="mt-6" disabled={!hydrated || isSubmitting}>
          {t('addRepresentative')}
        </Button>
      </form>
    </Form>
  );
}
