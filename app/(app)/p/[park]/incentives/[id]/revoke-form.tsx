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
import { Input, Label, Textarea } from '@/app/_components/ui/input';
import { revokeIncentiveSchema } from '@/lib/validation/incentives';
import { revokeIncentiveAction } from '../actions';

export function RevokeForm({ parkId, incentiveId, today }: { parkId: string; incentiveId: string; today: string }) {
  const t = useTranslations('incentives');
  const router = useRouter();
  const form = useForm<z.input<typeof revokeIncentiveSchema>>({ resolver: zodResolver(revokeIncentiveSchema), defaultValues: { incentiveId, revokedOn: today, reason: '' } });
  const { submit, formError } = useActionForm(form, (v) => revokeIncentiveAction(parkId, v), () => {
    toast.success(t('revoked'));
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate aria-label={t('revokeTitle')}>
      <FormError message={formError} />
      <div className="space-y-2">
        <Label htmlFor="revoke-on">{t('revokedOn')}</Label>
        <Input id="revoke-on" type="date" className="max-w-48" aria-invalid={!!errors.revokedOn} {...form.register('revokedOn')} />
        <FieldError message={errors.revokedOn?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="revoke-reason">{t('reason')}</Label>
        <Textarea id="revoke-reason" rows={2} aria-invalid={!!errors.reason} {...form.register('reason')} />
        <FieldError message={errors.reason?.message} />
      </div>
      <Button type="submit" variant="destructive" size="sm" disabled={isSubmitting}>
        {t('revoke')}
      </Button>
    </form>
  );
}
