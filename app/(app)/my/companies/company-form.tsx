'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm, type Resolver } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { CheckboxField } from '@/app/_components/ui/checkbox';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import type { companySchema } from '@/lib/validation/companies';
import { SME_CATEGORIES } from '@/lib/validation/choices';
import { createCompanyAction, updateCompanyAction } from './actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof companySchema> & { companyId?: string };

/** Creates a company (no `companyId`) or edits one; the INN and OGRN are checked as typed and again on the server. */
export function CompanyForm({ initial, next }: { initial?: Values; next?: string }) {
  const t = useTranslations('companies');
  const hydrated = useHydrated();
  const router = useRouter();
  const editing = Boolean(initial?.companyId);
  const form = useForm<Values>({
    resolver: (editing ? lazyZodResolver(() => import('@/lib/validation/companies').then((m) => m.updateCompanySchema)) : lazyZodResolver(() => import('@/lib/validation/companies').then((m) => m.companySchema))) as unknown as Resolver<Values>,
    defaultValues: initial ?? { name: '', inn: '', ogrn: '', smeCategory: 'small', industry: '', manufacturing: false, contactEmail: '', contactPhone: '', address: '' },
  });
  const { submit, formError } = useActionForm(
    form,
    async (values) => (editing ? updateCompanyAction(values) : createCompanyAction(values)),
    () => {
      toast.success(editing ? t('saved') : t('created'));
      if (!editing) router.push(next ?? '/my/companies');
      router.refresh();
    },
  );
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
        <FormError message={formError} className="sm:col-span-2" />
        <Field name="name" label={t('name')} className="sm:col-span-2">
          <Input {...form.register('name')} />
        </Field>
        <Field name="inn" label={t('inn')} description={t('innHint')}>
          <Input inputMode="numeric" autoComplete="off" {...form.register('inn')} />
        </Field>
        <Field name="ogrn" label={t('ogrn')} description={t('ogrnHint')}>
          <Input inputMode="numeric" autoComplete="off" {...form.register('ogrn')} />
        </Field>
        <Field name="smeCategory" label={t('sme')}>
          <NativeSelect {...form.register('smeCategory')}>
            <SelectOptions options={SME_CATEGORIES.map((c) => ({ value: c, label: t(`smeCategories.${c}`) }))} />
          </NativeSelect>
        </Field>
        <Field name="industry" label={t('industry')}>
          <Input {...form.register('industry')} />
        </Field>
        <CheckboxField control={form.control} name="manufacturing" label={t('manufacturing')} description={t('manufacturingHint')} className="sm:col-span-2" />
        <h2 className="pt-2 text-sm font-semibold sm:col-span-2">{t('contacts')}</h2>
        <Field name="contactEmail" label={t('contactEmail')}>
          <Input type="email" autoComplete="email" {...form.register('contactEmail')} />
        </Field>
        <Field name="contactPhone" label={t('contactPhone')}>
          <Input type="tel" autoComplete="tel" {...form.register('contactPhone')} />
        </Field>
        <Field name="address" label={t('address')} className="sm:col-span-2">
          <Input autoComplete="street-address" {...form.register('address')} />
        </Field>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={!hydrated || isSubmitting}>
            {editing ? t('save') : t('create')}
          </Button>
        </div>
      </form>
    </Form>
  );
}
