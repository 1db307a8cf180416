'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label, NativeSelect, Textarea } from '@/app/_components/ui/input';
import { EXIT_REASONS, exitResidentSchema } from '@/lib/validation/residents';
import { exitResidentAction } from '../actions';

type Values = z.input<typeof exitResidentSchema>;

export function ExitForm({ parkId, residencyId, defaultEndOn }: { parkId: string; residencyId: string; defaultEndOn: string }) {
  const t = useTranslations('profile');
  const tr = useTranslations('residents');
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(exitResidentSchema),
    defaultValues: { residencyId, endOn: defaultEndOn, reason: 'term_ended', note: '' },
  });
  const { submit, formError } = useActionForm(form, (values) => exitResidentAction(parkId, values), (data) => {
    toast.success(t('exitDone', { leases: data.endedLeases, incentives: data.endedIncentives }));
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate aria-label={t('exitTitle')}>
      <FormError message={formError} />
      <div className="space-y-2">
        <Label htmlFor="exit-endOn">{t('exitEndOn')}</Label>
        <Input id="exit-endOn" type="date" aria-invalid={!!errors.endOn} aria-describedby="exit-endOn-error" {...form.register('endOn')} />
        <FieldError id="exit-endOn-error" message={errors.endOn?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="exit-reason">{t('exitReason')}</Label>
        <NativeSelect id="exit-reason" {...form.register('reason')}>
          {EXIT_REASONS.map((r) => (
            <option key={r} value={r}>
              {tr(`exitReason.${r}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-2">
        <Label htmlFor="exit-note">{t('exitNoteLabel')}</Label>
        <Textarea id="exit-note" rows={2} {...form.register('note')} />
        <FieldError message={errors.note?.message} />
      </div>
      <Button type="submit" variant="destructive" disabled={isSubmitting}>
        {t('exitSubmit')}
      </Button>
    </form>
  );
}
