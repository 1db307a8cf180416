'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label, NativeSelect } from '@/app/_components/ui/input';
import type { KpiSettingsDto } from '@/lib/kpi/deadlines';
import { kpiSettingsSchema } from '@/lib/validation/kpi';
import { updateKpiSettingsAction } from '../actions';

type Values = z.input<typeof kpiSettingsSchema>;

export function KpiSettingsForm({ parkId, settings }: { parkId: string; settings: KpiSettingsDto }) {
  const t = useTranslations('kpi');
  const form = useForm<Values>({
    resolver: zodResolver(kpiSettingsSchema),
    defaultValues: { parkId, deadlineMonth: String(settings.deadlineMonth), deadlineDay: String(settings.deadlineDay), quarterlyReports: settings.quarterlyReports },
  });
  const { submit, formError } = useActionForm(form, updateKpiSettingsAction, () => {
    toast.success(t('saved'));
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Label htmlFor="kpi-month">{t('deadlineMonth')}</Label>
          <NativeSelect id="kpi-month" aria-invalid={!!errors.deadlineMonth} {...form.register('deadlineMonth')}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={String(m)}>
                {t(`months.${m}`)}
              </option>
            ))}
          </NativeSelect>
          <FieldError message={errors.deadlineMonth?.message} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="kpi-day">{t('deadlineDay')}</Label>
          <Input id="kpi-day" type="number" min={1} max={28} inputMode="numeric" aria-invalid={!!errors.deadlineDay} aria-describedby="kpi-deadline-help" {...form.register('deadlineDay')} />
          <FieldError message={errors.deadlineDay?.message} />
        </div>
      </div>
      <p id="kpi-deadline-help" className="text-sm text-muted-foreground">
        {t('deadlineHelp')}
      </p>
      <div className="space-y-1.5">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" className="size-4" aria-describedby="kpi-quarterly-help" {...form.register('quarterlyReports')} />
          {t('quarterly')}
        </label>
        <p id="kpi-quarterly-help" className="text-sm text-muted-foreground">
          {t('quarterlyHelp')}
        </p>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {t('saveSettings')}
      </Button>
    </form>
  );
}
