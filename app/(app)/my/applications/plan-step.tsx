'use client';

import { useTranslations } from 'next-intl';
import { useFormContext, type UseFieldArrayReturn } from 'react-hook-form';
import { Button } from '@/app/_components/ui/button';
import { Field, FormFieldset, FormItem } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { RemoveRowCell, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import type { DraftValues } from './application-steps';

type Figure = 'year' | 'investmentRub' | 'capitalInvestmentRub' | 'newJobs' | 'incomeRub';

/** Step 4: the plan by year, a row per year; each cell is named by its column and row. */
export function PlanStep({ plan, rows }: { plan: UseFieldArrayReturn<DraftValues, 'plan'>; rows: DraftValues['plan'] }) {
  const t = useTranslations('applications');
  const form = useFormContext<DraftValues>();
  const columns: { name: Figure; label: string; inputMode: 'numeric' | 'decimal' }[] = [
    { name: 'year', label: t('plan.year'), inputMode: 'numeric' },
    { name: 'investmentRub', label: t('plan.investment'), inputMode: 'decimal' },
    { name: 'capitalInvestmentRub', label: t('plan.capex'), inputMode: 'decimal' },
    { name: 'newJobs', label: t('plan.jobs'), inputMode: 'numeric' },
    { name: 'incomeRub', label: t('plan.income'), inputMode: 'decimal' },
  ];
  const addYear = () => {
    const years = (rows ?? []).map((p) => Number(p.year)).filter((y) => Number.isInteger(y) && y > 0);
    const year = years.length ? Math.max(...years) + 1 : new Date().getFullYear();
    plan.append({ year: String(year), investmentRub: '', capitalInvestmentRub: '', newJobs: '', incomeRub: '' });
  };
  return (
    <div className="space-y-3">
      {plan.fields.length === 0 && <p className="text-sm text-muted-foreground">{t('plan.empty')}</p>}
      {/* The rows are one group of controls; an error about the list as a whole describes it. */}
      <FormItem name="plan">
        <FormFieldset legend={t('steps.plan')} legendClassName="sr-only">
          {plan.fields.length > 0 && (
            <Table className="min-w-[720px]">
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  {columns.map((c) => (
                    <TableHead key={c.name} className="px-2 text-xs">
                      {c.label}
                    </TableHead>
                  ))}
                  <TableHead className="w-10 px-1" />
                </TableRow>
              </TableHeader>
              <TableBody>
                {plan.fields.map((row, i) => (
                  <TableRow key={row.id} className="hover:bg-transparent">
                    {columns.map((c) => (
                      <TableCell key={c.name} className="px-2 align-top">
                        <Field name={`plan.${i}.${c.name}`} label={t('plan.cell', { column: c.label, row: i + 1 })} labelClassName="sr-only" className="space-y-1">
                          <Input inputMode={c.inputMode} className={c.name === 'year' ? 'w-20' : undefined} {...form.register(`plan.${i}.${c.name}` as const)} />
                        </Field>
                      </TableCell>
                    ))}
                    <RemoveRowCell label={t('plan.remove', { year: String(rows?.[i]?.year ?? i + 1) })} onRemove={() => plan.remove(i)} />
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </FormFieldset>
      </FormItem>
      <Button type="button" variant="outline" size="sm" onClick={addYear}>
        {t('plan.add')}
      </Button>
    </div>
  );
}
