'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Trash2 } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input } from '@/app/_components/ui/input';
import { rubricSchema } from '@/lib/validation/council';
import { saveRubricAction } from './actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof rubricSchema>;

/** The park's criteria and weights; each weight's share of the total is shown as it is typed. */
export function RubricForm({ initial }: { initial: Values }) {
  const t = useTranslations('rubric');
  const hydrated = useHydrated();
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(rubricSchema), defaultValues: initial });
  const rows = useFieldArray({ control: form.control, name: 'criteria' });
  const criteria = useWatch({ control: form.control, name: 'criteria' });
  const { submit, formError } = useActionForm(form, saveRubricAction, () => {
    toast.success(t('saved'));
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  const weightOf = (w: unknown) => {
    const n = Number(String(w ?? '').replace(',', '.'));
    return Number.isFinite(n) && n > 0 ? n : 0;
  };
  const total = (criteria ?? []).filter((c) => c.active).reduce((sum, c) => sum + weightOf(c.weight), 0);
  const fmt = (n: number, digits = 1) => new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits }).format(n);
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full min-w-[900px] text-sm">
          <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
            <tr>
              <th className="px-2 py-2 font-medium">{t('code')}</th>
              <th className="px-2 py-2 font-medium">{t('nameEn')}</th>
              <th className="px-2 py-2 font-medium">{t('nameRu')}</th>
              <th className="px-2 py-2 font-medium">{t('weight')}</th>
              <th className="px-2 py-2 text-right font-medium">{t('share')}</th>
              <th className="px-2 py-2 font-medium">{t('active')}</th>
              <th className="w-10" />
            </tr>
          </thead>
          <tbody>
            {rows.fields.map((row, i) => {
              const e = errors.criteria?.[i];
              const c = criteria?.[i];
              const share = c?.active && total > 0 ? (weightOf(c.weight) / total) * 100 : null;
              const label = c?.nameEn || c?.code || String(i + 1);
              return (
                <tr key={row.id} className="border-t align-top">
                  <td className="px-2 py-2">
                    <Input aria-label={`${t('code')} ${i + 1}`} className="w-36 font-mono" aria-invalid={!!e?.code} {...form.register(`criteria.${i}.code`)} />
                    <FieldError message={e?.code?.message} />
                  </td>
                  <td className="px-2 py-2">
                    <Input aria-label={`${t('nameEn')} ${i + 1}`} className="min-w-64" aria-invalid={!!e?.nameEn} {...form.register(`criteria.${i}.nameEn`)} />
                    <FieldError message={e?.nameEn?.message} />
                  </td>
                  <td className="px-2 py-2">
                    <Input aria-label={`${t('nameRu')} ${i + 1}`} className="min-w-64" aria-invalid={!!e?.nameRu} {...form.register(`criteria.${i}.nameRu`)} />
                    <FieldError message={e?.nameRu?.message} />
                  </td>
                  <td className="px-2 py-2">
                    <Input aria-label={`${t('weight')}: ${label}`} inputMode="decimal" className="w-24" aria-invalid={!!e?.weight} {...form.register(`criteria.${i}.weight`)} />
                    <FieldError message={e?.weight?.message} />
                  </td>
                  <td className="px-2 py-3 text-right tabular-nums text-muted-foreground">{share === null ? '—' : `${fmt(share)}%`}</td>
                  <td className="px-2 py-3">
                    <input type="checkbox" aria-label={`${t('active')}: ${label}`} className="size-4 accent-[var(--primary)]" {...form.register(`criteria.${i}.active`)} />
                  </td>
                  <td className="px-1 py-2">
                    <Button type="button" variant="ghost" size="icon" onClick={() => rows.remove(i)} aria-label={`${t('remove')}: ${label}`}>
                      <Trash2 />
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FieldError message={errors.criteria?.message ?? errors.criteria?.root?.message} />
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
  );
}
