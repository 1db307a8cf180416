'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { INDICATOR_VALUE_KINDS, type IndicatorDirection } from '@/db/schema/values';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { saveIndicatorValuesSchema } from '@/lib/validation/kpi';
import { saveIndicatorValuesAction } from '../actions';

type Values = z.input<typeof saveIndicatorValuesSchema>;

export type GridRow = {
  id: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  values: Record<string, string>;
  status: 'achieved' | 'on_track' | 'off_track' | 'no_data';
  requiredGrowthPct: number | null;
  growthSoFarPct: number | null;
};

const STATUS_VARIANT = { achieved: 'success', on_track: 'info', off_track: 'destructive', no_data: 'secondary' } as const;

/** "120.6" in the reader's notation ("120,6" in Russian), every decimal kept. */
function readable(value: string | undefined, locale: Locale) {
  if (value === undefined) return '';
  return locale === 'ru' ? value.replace('.', ',').replace('-', '−') : value;
}

function StatusCell({ row }: { row: GridRow }) {
  const t = useTranslations('programmes');
  const locale = useLocale() as Locale;
  const pct = (v: number) => `${formatNumber(v, locale, 2)}%`;
  return (
    <div className="space-y-1">
      <Badge variant={STATUS_VARIANT[row.status]}>{t(`statuses.${row.status}`)}</Badge>
      {row.status !== 'achieved' && row.requiredGrowthPct !== null && row.growthSoFarPct !== null && (
        <p className="text-xs text-muted-foreground">{t('growth', { required: pct(row.requiredGrowthPct), sofar: pct(row.growthSoFarPct) })}</p>
      )}
    </div>
  );
}

/** The data-entry grid: one row per indicator and kind (actual, target), one column per year. */
export function ProgrammeGrid({ parkId, programmeId, years: initialYears, rows, canEdit }: { parkId: string; programmeId: string; years: number[]; rows: GridRow[]; canEdit: boolean }) {
  const t = useTranslations('programmes');
  const locale = useLocale() as Locale;
  const [years, setYears] = useState(initialYears);
  const [newYear, setNewYear] = useState('');
  const [yearError, setYearError] = useState<string | null>(null);
  const cellsFor = (ys: number[]) => rows.flatMap((r) => ys.flatMap((year) => INDICATOR_VALUE_KINDS.map((kind) => ({ indicatorId: r.id, year, kind, value: readable(r.values[`${year}:${kind}`], locale) }))));
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/kpi').then((m) => m.saveIndicatorValuesSchema)), defaultValues: { parkId, programmeId, cells: cellsFor(initialYears) } });
  const cells = useFieldArray({ control: form.control, name: 'cells' });
  const { submit, formError } = useActionForm(form, saveIndicatorValuesAction, (result) => {
    toast.success(t('savedValues', result));
  });
  const index = new Map(cells.fields.map((f, i) => [`${f.indicatorId}|${f.year}|${f.kind}`, i]));
  const errors = form.formState.errors.cells;

  const addYear = () => {
    const year = Number(newYear);
    if (!/^\d{4}$/.test(newYear.trim()) || year < 1900 || year > 2200) return setYearError('yearOutOfRange');
    setYearError(null);
    setNewYear('');
    if (years.includes(year)) return;
    cells.append(rows.flatMap((r) => INDICATOR_VALUE_KINDS.map((kind) => ({ indicatorId: r.id, year, kind, value: '' }))));
    setYears([...years, year].sort((a, b) => a - b));
  };

  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-4" noValidate aria-label={t('gridTitle')}>
        <FormError message={formError} />
        <Table aria-label={t('gridTitle')}>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead scope="col" className="sticky left-0 z-10 min-w-64 bg-muted">
                {t('indicator')}
              </TableHead>
              <TableHead scope="col">
                <span className="sr-only">
                  {t('kinds.actual')} / {t('kinds.target')}
                </span>
              </TableHead>
              {years.map((y) => (
                <TableHead key={y} scope="col" className="px-2 text-right tabular-nums">
                  {y}
                </TableHead>
              ))}
              <TableHead scope="col" className="min-w-44">
                {t('statusCol')}
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) =>
              INDICATOR_VALUE_KINDS.map((kind, k) => (
                <TableRow key={`${r.id}-${kind}`} className={cn('hover:bg-transparent', k === 0 && 'border-b-0')}>
                  {k === 0 && (
                    <TableHead scope="rowgroup" rowSpan={2} className="sticky left-0 z-10 h-auto whitespace-normal bg-background py-2 align-top font-normal text-foreground">
                      <span className="block font-medium">{r.name}</span>
                      <span className="block text-xs text-muted-foreground">
                        {r.unit} · {t('direction')} {t(`directions.${r.direction}`)}
                      </span>
                    </TableHead>
                  )}
                  <TableCell className={cn('py-1 text-xs text-muted-foreground', kind === 'target' && 'italic')}>{t(`kinds.${kind}`)}</TableCell>
                  {years.map((year) => {
                    const i = index.get(`${r.id}|${year}|${kind}`);
                    const label = t('cellLabel', { indicator: r.name, kind: t(`kinds.${kind}`), year });
                    if (!canEdit || i === undefined)
                      return (
                        <TableCell key={year} className="px-2 py-1 text-right tabular-nums">
                          {readable(r.values[`${year}:${kind}`], locale)}
                        </TableCell>
                      );
                    return (
                      <TableCell key={year} className="px-1 py-1">
                        <Field name={`cells.${i}.value`} label={label} labelClassName="sr-only" className="space-y-1">
                          <Input
                            title={errors?.[i]?.value ? undefined : label}
                            inputMode="decimal"
                            autoComplete="off"
                            className={cn('h-8 w-24 text-right tabular-nums', kind === 'target' && 'bg-muted/40')}
                            {...form.register(`cells.${i}.value`)}
                          />
                        </Field>
                      </TableCell>
                    );
                  })}
                  {k === 0 && (
                    <TableCell rowSpan={2} className="align-top">
                      <StatusCell row={r} />
                    </TableCell>
                  )}
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
        {canEdit && (
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="flex items-start gap-2">
              <Field label={t('newYear')} error={yearError}>
                <Input
                  inputMode="numeric"
                  className="w-28"
                  value={newYear}
                  onChange={(e) => setNewYear(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      addYear();
                    }
                  }}
                />
              </Field>
              <Button type="button" variant="outline" className="mt-6" onClick={addYear}>
                {t('addYear')}
              </Button>
            </div>
            <Button type="submit" className="mt-6" disabled={form.formState.isSubmitting}>
              {t('save')}
            </Button>
          </div>
        )}
      </form>
    </Form>
  );
}
