'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label } from '@/app/_components/ui/input';
import { formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { kpiReportInputSchema, readMoney } from '@/lib/validation/kpi';
import { saveKpiDraftAction, submitKpiReportAction } from '../actions';

type Values = z.input<typeof kpiReportInputSchema>;
type Field = 'jobsCreated' | 'headcount' | 'investmentRub' | 'capitalInvestmentRub' | 'incomeRub' | 'taxesPaidRub' | 'rndSpendRub';

const FIELDS: { name: Field; money: boolean; optional: boolean }[] = [
  { name: 'jobsCreated', money: false, optional: false },
  { name: 'headcount', money: false, optional: true },
  { name: 'investmentRub', money: true, optional: false },
  { name: 'capitalInvestmentRub', money: true, optional: false },
  { name: 'incomeRub', money: true, optional: false },
  { name: 'taxesPaidRub', money: true, optional: false },
  { name: 'rndSpendRub', money: true, optional: true },
];

export type KpiFormDefaults = Record<Field, string>;

/** How a typed amount will be read, in the reader's format, so "1 250 000,5" is seen as 1 250 000,50 ₽. */
function AmountEcho({ control, name }: { control: Control<Values>; name: Field }) {
  const t = useTranslations('myKpi');
  const locale = useLocale() as Locale;
  const value = useWatch({ control, name });
  if (typeof value !== 'string' || value.trim() === '') return null;
  const read = readMoney(value);
  if (!read.ok) return null;
  return <p className="text-xs text-muted-foreground tabular-nums">{t('amountReads', { amount: formatRub(read.value, locale) })}</p>;
}

export function KpiReportForm({ identity, defaults }: { identity: { parkId: string; companyId: string; year: number; quarter: number | null }; defaults: KpiFormDefaults }) {
  const t = useTranslations('myKpi');
  const tk = useTranslations('kpi');
  const form = useForm<Values>({
    resolver: zodResolver(kpiReportInputSchema),
    defaultValues: { ...identity, quarter: identity.quarter ?? null, ...defaults },
  });
  const draft = useActionForm(form, saveKpiDraftAction, () => {
    toast.success(t('draftSaved'));
  });
  const submit = useActionForm(form, submitKpiReportAction, () => {
    toast.success(t('submitted'));
  });
  const { errors, isSubmitting } = form.formState;
  const formError = submit.formError ?? draft.formError;
  return (
    <form onSubmit={submit.submit} className="space-y-5" noValidate aria-label={tk('figures')}>
      <FormError message={formError} />
      {(errors.year || errors.quarter) && <FieldError message={errors.year?.message ?? errors.quarter?.message} />}
      <p className="text-sm text-muted-foreground">{t('fieldsIntro')}</p>
      <div className="grid gap-5 md:grid-cols-2">
        {FIELDS.map(({ name, money }) => {
          const id = `kpi-${name}`;
          const error = errors[name]?.message;
          return (
            <div key={name} className={name === 'capitalInvestmentRub' ? 'space-y-1.5 md:border-l-2 md:pl-4' : 'space-y-1.5'}>
              <Label htmlFor={id}>{tk(`fields.${name}`)}</Label>
              <Input
                id={id}
                inputMode={money ? 'decimal' : 'numeric'}
                autoComplete="off"
                placeholder={money ? tk('moneyHint') : undefined}
                aria-invalid={!!error}
                aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
                className="tabular-nums"
                {...form.register(name)}
              />
              <FieldError id={`${id}-error`} message={error} />
              {money && !error && <AmountEcho control={form.control} name={name} />}
              <p id={`${id}-help`} className="text-xs text-muted-foreground">
                {tk(`help.${name}`)}
              </p>
            </div>
          );
        })}
      </div>
      <div className="flex flex-wrap gap-2 border-t pt-4">
        <Button type="submit" disabled={isSubmitting}>
          {t('submit')}
        </Button>
        <Button type="button" variant="outline" disabled={isSubmitting} onClick={() => draft.submit()}>
          {t('saveDraft')}
        </Button>
      </div>
    </form>
  );
}
