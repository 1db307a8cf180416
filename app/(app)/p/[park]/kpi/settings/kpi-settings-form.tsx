'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { CheckboxField } from '@/app/_components/ui/checkbox';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import type { KpiSettingsDto } from '@/lib/kpi/deadlines';
import type { kpiSettingsSchema } from '@/lib/validation/kpi';
import { updateKpiSettingsAction } from '../actions';

type Values = z.input<typeof kpiSettingsSchema>;

export function KpiSettingsForm({ parkId, settings }: { parkId: string; settings: KpiSettingsDto }) {
  const t = useTranslations('kpi');
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/kpi').then((m) => m.kpiSettingsSchema)),
    defaultValues: { parkId, deadlineMonth: String(settings.deadlineMonth), deadlineDay: String(settings.deadlineDay), quarterlyReports: settings.quarterlyReports },
  });
  const { submit, formError } = useActionForm(form, updateKpiSettingsAction, () => {
    toast.success(t('saved'));
  });
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-5" noValidate>
        <FormError message={formError} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="deadlineMonth" label={t('deadlineMonth')}>
            <NativeSelect aria-describedby="kpi-deadline-help" {...form.register('deadlineMonth')}>
              <SelectOptions options={Array.from({ length: 12 }, (_, i) => i + 1).map((m) => ({ value: m, label: t(`months.${m}`) }))} />
            </NativeSelect>
          </Field>
          <Field name="deadlineDay" label={t('deadlineDay')}>
            <Input type="number" min={1} max={28} inputMode="numeric" aria-describedby="kpi-deadline-help" {...form.register('deadlineDay')} />
          </Field>
        </div>
        <p id="kpi-deadline-help" className="text-sm text-muted-foreground">
          {t('deadlineHelp')}
        </p>
        <CheckboxField control={form.control} name="quarterlyReports" label={t('quarterly')} description={t('quarterlyHelp')} />
        <Button type="submit" disabled={isSubmitting}>
          {t('saveSettings')}
        </Button>
      </form>
    </Form>
  );
}
