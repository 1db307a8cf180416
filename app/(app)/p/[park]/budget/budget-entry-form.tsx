'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import { formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { readMoney } from '@/lib/validation/decimal';
import type { updateBudgetEntrySchema } from '@/lib/validation/kpi';
import { FUNDING_SOURCES } from '@/lib/validation/choices';
import { createBudgetEntryAction, updateBudgetEntryAction } from './actions';

type Values = z.input<typeof updateBudgetEntrySchema>;
export type BudgetFormEntry = { id: string; year: number; source: (typeof FUNDING_SOURCES)[number]; amountRub: string; document: string | null };

/** Adds a funding entry, or edits `entry` when given. */
export function BudgetEntryForm({ parkId, parkSlug, entry, defaultYear }: { parkId: string; parkSlug: string; entry?: BudgetFormEntry; defaultYear: number }) {
  const t = useTranslations('budget');
  const locale = useLocale() as Locale;
  const router = useRouter();
  const form = useForm<Values>({
    // One schema for both: a new entry has no id yet, so it is checked without it.
    resolver: lazyZodResolver(() => import('@/lib/validation/kpi').then((m) => (entry ? m.updateBudgetEntrySchema : m.updateBudgetEntrySchema.omit({ id: true })) as never)),
    defaultValues: entry
      ? { id: entry.id, parkId, year: String(entry.year), source: entry.source, amountRub: entry.amountRub, document: entry.document ?? '' }
      : { parkId, year: String(defaultYear), source: 'federal', amountRub: '', document: '' },
  });
  const { submit, formError } = useActionForm(form, (values: Values) => (entry ? updateBudgetEntryAction(values) : createBudgetEntryAction(values)), () => {
    toast.success(t('saved'));
    if (entry) router.push(`/p/${parkSlug}/budget`);
    else form.reset({ parkId, year: form.getValues('year'), source: form.getValues('source'), amountRub: '', document: '' });
  });
  const amount = useWatch({ control: form.control, name: 'amountRub' });
  const read = typeof amount === 'string' && amount.trim() ? readMoney(amount) : null;
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate aria-label={entry ? t('editTitle') : t('addTitle')}>
        <FormError message={formError} className="sm:col-span-2" />
        <Field name="year" label={t('year')}>
          <Input inputMode="numeric" {...form.register('year')} />
        </Field>
        <Field name="source" label={t('source')}>
          <NativeSelect {...form.register('source')}>
            <SelectOptions options={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))} />
          </NativeSelect>
        </Field>
        <Field name="amountRub" label={t('amount')} description={read?.ok ? <span className="tabular-nums">{formatRub(read.value, locale)}</span> : undefined}>
          <Input inputMode="decimal" autoComplete="off" placeholder={t('amountHelp')} className="tabular-nums" {...form.register('amountRub')} />
        </Field>
        <Field name="document" label={t('document')} description={t('documentHelp')}>
          <Input {...form.register('document')} />
        </Field>
        <div className="flex gap-2 sm:col-span-2">
          <Button type="submit" disabled={isSubmitting}>
            {entry ? t('saveChanges') : t('add')}
          </Button>
          {entry && (
            <Button type="button" variant="outline" onClick={() => router.push(`/p/${parkSlug}/budget`)}>
              {t('cancel')}
            </Button>
          )}
        </div>
      </form>
    </Form>
  );
}
