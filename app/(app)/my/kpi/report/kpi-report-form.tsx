'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useLocale, useTranslations } from 'next-intl';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import { Form, FormControl, FormDescription, FormError, FormItem, FormLabel, FormMessage, useFormField } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { readMoney } from '@/lib/validation/decimal';
import type { kpiReportInputSchema } from '@/lib/validation/kpi';
import { saveKpiDraftAction, submitKpiReportAction } from '../actions';

type Values = z.input<typeof kpiReportInputSchema>;
type FigureField = 'jobsCreated' | 'headcount' | 'investmentRub' | 'capitalInvestmentRub' | 'incomeRub' | 'taxesPaidRub' | 'rndSpendRub';

const FIELDS: { name: FigureField; money: boolean; optional: boolean }[] = [
  { name: 'jobsCreated', money: false, optional: false },
  { name: 'headcount', money: false, optional: true },
  { name: 'investmentRub', money: true, optional: false },
  { name: 'capitalInvestmentRub', money: true, optional: false },
  { name: 'incomeRub', money: true, optional: false },
  { name: 'taxesPaidRub', money: true, optional: false },
  { name: 'rndSpendRub', money: true, optional: true },
];

export type KpiFormDefaults = Record<FigureField, string>;

/** How a typed amount will be read, in the reader's format, so "1 250 000,5" is seen as 1 250 000,50 ₽; not beside an error. */
function AmountEcho({ control, name }: { control: Control<Values>; name: FigureField }) {
  const t = useTranslations('myKpi');
  const locale = useLocale() as Locale;
  const value = useWatch({ control, name });
  const { error } = useFormField();
  if (error || typeof value !== 'string' || value.trim() === '') return null;
  const read = readMoney(value);
  if (!read.ok) return null;
  return <p className="text-xs text-muted-foreground tabular-nums">{t('amountReads', { amount: formatRub(read.value, locale) })}</p>;
}

export function KpiReportForm({ identity, defaults }: { identity: { parkId: string; companyId: string; year: number; quarter: number | null }; defaults: KpiFormDefaults }) {
  const t = useTranslations('myKpi');
  const tk = useTranslations('kpi');
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/kpi').then((m) => m.kpiReportInputSchema)),
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
    <Form {...form}>
      <form onSubmit={submit.submit} className="space-y-5" noValidate aria-label={tk('figures')}>
        {/* The period is not a field of the form (it is in the address): an error about it is the form's. */}
        <FormError message={formError ?? errors.year?.message ?? errors.quarter?.message} />
        <p className="text-sm text-muted-foreground">{t('fieldsIntro')}</p>
        <div className="grid gap-5 md:grid-cols-2">
          {FIELDS.map(({ name, money }) => (
            <FormItem key={name} name={name} className={cn('space-y-1.5', name === 'capitalInvestmentRub' && 'md:border-l-2 md:pl-4')}>
              <FormLabel>{tk(`fields.${name}`)}</FormLabel>
              <FormControl>
                <Input inputMode={money ? 'decimal' : 'numeric'} autoComplete="off" placeholder={money ? tk('moneyHint') : undefined} className="tabular-nums" {...form.register(name)} />
              </FormControl>
              <FormMessage />
              {money && <AmountEcho control={form.control} name={name} />}
              <FormDescription>{tk(`help.${name}`)}</FormDescription>
            </FormItem>
          ))}
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
    </Form>
  );
}
