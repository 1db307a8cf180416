'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label, NativeSelect } from '@/app/_components/ui/input';
import { formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { FUNDING_SOURCES, readMoney, updateBudgetEntrySchema } from '@/lib/validation/kpi';
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
    resolver: zodResolver(entry ? updateBudgetEntrySchema : updateBudgetEntrySchema.omit({ id: true })) as never,
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
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate aria-label={entry ? t('editTitle') : t('addTitle')}>
      <div className="sm:col-span-2">
        <FormError message={formError} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="budget-year">{t('year')}</Label>
        <Input id="budget-year" inputMode="numeric" aria-invalid={!!errors.year} {...form.register('year')} />
        <FieldError message={errors.year?.message} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="budget-source">{t('source')}</Label>
        <NativeSelect id="budget-source" aria-invalid={!!errors.source} {...form.register('source')}>
          {FUNDING_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`sources.${s}`)}
            </option>
          ))}
        </NativeSelect>
        <FieldError message={errors.source?.message} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="budget-amount">{t('amount')}</Label>
        <Input id="budget-amount" inputMode="decimal" autoComplete="off" placeholder={t('amountHelp')} aria-invalid={!!errors.amountRub} className="tabular-nums" {...form.register('amountRub')} />
        <FieldError message={errors.amountRub?.message} />
        {read?.ok && <p className="text-xs text-muted-foreground tabular-nums">{formatRub(read.value, locale)}</p>}
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="budget-document">{t('document')}</Label>
        <Input id="budget-document" aria-invalid={!!errors.document} aria-describedby="budget-document-help" {...form.register('document')} />
        <FieldError message={errors.document?.message} />
        <p id="budget-document-help" className="text-xs text-muted-foreground">
          {t('documentHelp')}
        </p>
      </div>
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
  );
}
