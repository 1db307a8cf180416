'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import { Input, Label } from '@/app/_components/ui/input';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { saveIndicatorValuesSchema } from '@/lib/validation/kpi';
import { saveIndicatorValuesAction } from '../actions';

type Values = z.input<typeof saveIndicatorValuesSchema>;
const KINDS = ['actual', 'target'] as const;

export type GridRow = {
  id: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
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
  const cellsFor = (ys: number[]) => rows.flatMap((r) => ys.flatMap((year) => KINDS.map((kind) => ({ indicatorId: r.id, year, kind, value: readable(r.values[`${year}:${kind}`], locale) }))));
  const form = useForm<Values>({ resolver: zodResolver(saveIndicatorValuesSchema), defaultValues: { parkId, programmeId, cells: cellsFor(initialYears) } });
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
    cells.append(rows.flatMap((r) => KINDS.map((kind) => ({ indicatorId: r.id, year, kind, value: '' }))));
    setYears([...years, year].sort((a, b) => a - b));
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label={t('gridTitle')}>
      <FormError message={formError} />
      <div className="relative w-full overflow-x-auto rounded-lg border">
        <table className="w-full text-sm" aria-label={t('gridTitle')}>
          <thead className="bg-muted/50">
            <tr className="border-b">
              <th scope="col" className="sticky left-0 z-10 min-w-64 bg-muted px-3 py-2 text-left font-medium text-muted-foreground">
                {t('indicator')}
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium text-muted-foreground">
                <span className="sr-only">{t('kinds.actual')} / {t('kinds.target')}</span>
              </th>
              {years.map((y) => (
                <th key={y} scope="col" className="px-2 py-2 text-right font-medium tabular-nums text-muted-foreground">
                  {y}
                </th>
              ))}
              <th scope="col" className="min-w-44 px-3 py-2 text-left font-medium text-muted-foreground">
                {t('statusCol')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) =>
              KINDS.map((kind, k) => (
                <tr key={`${r.id}-${kind}`} className={cn(k === 1 && 'border-b')}>
                  {k === 0 && (
                    <th scope="rowgroup" rowSpan={2} className="sticky left-0 z-10 bg-background px-3 py-2 text-left align-top font-normal">
                      <span className="block font-medium">{r.name}</span>
                      <span className="block text-xs text-muted-foreground">
                        {r.unit} · {t('direction')} {t(`directions.${r.direction}`)}
                      </span>
                    </th>
                  )}
                  <td className={cn('px-3 py-1 text-xs text-muted-foreground', kind === 'target' && 'italic')}>{t(`kinds.${kind}`)}</td>
                  {years.map((year) => {
                    const i = index.get(`${r.id}|${year}|${kind}`);
                    const label = t('cellLabel', { indicator: r.name, kind: t(`kinds.${kind}`), year });
                    if (!canEdit || i === undefined)
                      return (
                        <td key={year} className="px-2 py-1 text-right tabular-nums">
                          {readable(r.values[`${year}:${kind}`], locale)}
                        </td>
                      );
                    const error = errors?.[i]?.value?.message;
                    return (
                      <td key={year} className="px-1 py-1">
                        <Input
                          aria-label={label}
                          title={error ? undefined : label}
                          inputMode="decimal"
                          autoComplete="off"
                          aria-invalid={!!error}
                          className={cn('h-8 w-24 text-right tabular-nums', kind === 'target' && 'bg-muted/40')}
                          {...form.register(`cells.${i}.value`)}
                        />
                        <FieldError message={error} />
                      </td>
                    );
                  })}
                  {k === 0 && (
                    <td rowSpan={2} className="px-3 py-2 align-top">
                      <StatusCell row={r} />
                    </td>
                  )}
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      {canEdit && (
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="flex items-end gap-2">
            <div className="space-y-1.5">
              <Label htmlFor="grid-new-year">{t('newYear')}</Label>
              <Input
                id="grid-new-year"
                inputMode="numeric"
                className="w-28"
                value={newYear}
                aria-invalid={!!yearError}
                onChange={(e) => setNewYear(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addYear();
                  }
                }}
              />
            </div>
            <Button type="button" variant="outline" onClick={addYear}>
              {t('addYear')}
            </Button>
            <FieldError message={yearError ?? undefined} />
          </div>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {t('save')}
          </Button>
        </div>
      )}
    </form>
  );
}
