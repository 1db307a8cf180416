'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { CheckboxField } from '@/app/_components/ui/checkbox';
import { Field, Form, FormError, FormFieldset, FormItem } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { RemoveRowCell, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import type { rubricSchema } from '@/lib/validation/council';
import { saveRubricAction } from './actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof rubricSchema>;

/** The park's criteria and weights; each weight's share of the total is shown as it is typed. */
export function RubricForm({ initial }: { initial: Values }) {
  const t = useTranslations('rubric');
  const hydrated = useHydrated();
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.rubricSchema)), defaultValues: initial });
  const rows = useFieldArray({ control: form.control, name: 'criteria' });
  const criteria = useWatch({ control: form.control, name: 'criteria' });
  const { submit, formError } = useActionForm(form, saveRubricAction, () => {
    toast.success(t('saved'));
    router.refresh();
  });
  const { isSubmitting } = form.formState;
  const weightOf = (w: unknown) => {
    const n = Number(String(w ?? '').replace(',', '.'));
    return Number.isFinite(n) && n > 0 ? n : 0;
  };
  const total = (criteria ?? []).filter((c) => c.active).reduce((sum, c) => sum + weightOf(c.weight), 0);
  const fmt = (n: number, digits = 1) => new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits }).format(n);
  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <FormItem name="criteria">
          <FormFieldset legend={t('rubric')} legendClassName="sr-only">
            <Table className="min-w-[900px]">
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="px-2">{t('code')}</TableHead>
                  <TableHead className="px-2">{t('nameEn')}</TableHead>
                  <TableHead className="px-2">{t('nameRu')}</TableHead>
                  <TableHead className="px-2">{t('weight')}</TableHead>
                  <TableHead className="px-2 text-right">{t('share')}</TableHead>
                  <TableHead className="px-2">{t('active')}</TableHead>
                  <TableHead className="w-10">
                    <span className="sr-only">{t('remove')}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.fields.map((row, i) => {
                  const c = criteria?.[i];
                  const share = c?.active && total > 0 ? (weightOf(c.weight) / total) * 100 : null;
                  const label = c?.nameEn || c?.code || String(i + 1);
                  const cell = (name: 'code' | 'nameEn' | 'nameRu' | 'weight', cellLabel: string, className: string, inputMode?: 'decimal') => (
                    <TableCell className="px-2 align-top">
                      <Field name={`criteria.${i}.${name}`} label={cellLabel} labelClassName="sr-only" className="space-y-1">
                        <Input inputMode={inputMode} className={className} {...form.register(`criteria.${i}.${name}`)} />
                      </Field>
                    </TableCell>
                  );
                  return (
                    <TableRow key={row.id}>
                      {cell('code', `${t('code')} ${i + 1}`, 'w-36 font-mono')}
                      {cell('nameEn', `${t('nameEn')} ${i + 1}`, 'min-w-64')}
                      {cell('nameRu', `${t('nameRu')} ${i + 1}`, 'min-w-64')}
                      {cell('weight', `${t('weight')}: ${label}`, 'w-24', 'decimal')}
                      <TableCell className="px-2 py-3 text-right align-top tabular-nums text-muted-foreground">{share === null ? '—' : `${fmt(share)}%`}</TableCell>
                      <TableCell className="px-2 py-3 align-top">
                        <CheckboxField control={form.control} name={`criteria.${i}.active`} aria-label={`${t('active')}: ${label}`} />
                      </TableCell>
                      <RemoveRowCell label={`${t('remove')}: ${label}`} onRemove={() => rows.remove(i)} />
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </FormFieldset>
        </FormItem>
        <p className="text-xs text-muted-foreground">{t('removeHint')}</p>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="outline" size="sm" onClick={() => rows.append({ code: '', nameEn: '', nameRu: '', weight: '10', active: true })}>
            {t('add')}
          </Button>
          <span className="text-sm text-muted-foreground">{t('total', { total: fmt(total, 2) })}</span>
          <Button type="submit" className="ml-auto" disabled={!hydrated || isSubmitting}>
            {t('save')}
          </Button>
        </div>
      </form>
    </Form>
  );
}
