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
import { Input, Label, NativeSelect } from '@/app/_components/ui/input';
import { createLeaseSchema } from '@/lib/validation/premises';
import { createLeaseAction } from '../../actions';

type Values = z.input<typeof createLeaseSchema>;

export function LeaseForm({
  parkId,
  slug,
  residencies,
  units,
  defaults,
}: {
  parkId: string;
  slug: string;
  residencies: { id: string; label: string }[];
  units: { id: string; label: string }[];
  defaults: { residencyId: string; premisesId: string; startOn: string };
}) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(createLeaseSchema), defaultValues: { ...defaults, endOn: '' } });
  const { submit, formError } = useActionForm(form, (v) => createLeaseAction(parkId, v), () => {
    toast.success(t('leaseCreated'));
    router.push(`/p/${slug}/premises?at=${form.getValues('startOn')}`);
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate aria-label={t('leaseFormTitle')}>
      <div className="sm:col-span-2">
        <FormError message={formError} />
      </div>
      <div className="space-y-2 sm:col-span-2">
        <Label htmlFor="lease-residency">{t('resident')}</Label>
        <NativeSelect id="lease-residency" aria-invalid={!!errors.residencyId} {...form.register('residencyId')}>
          <option value="">{t('chooseResident')}</option>
          {residencies.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </NativeSelect>
        <FieldError message={errors.residencyId ? 'required' : undefined} />
      </div>
      <div className="space-y-2 sm:col-span-2">
        <Label htmlFor="lease-unit">{t('unit')}</Label>
        <NativeSelect id="lease-unit" aria-invalid={!!errors.premisesId} {...form.register('premisesId')}>
          <option value="">{t('chooseUnit')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </NativeSelect>
        <FieldError message={errors.premisesId ? 'required' : undefined} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="lease-start">{t('leaseStart')}</Label>
        <Input id="lease-start" type="date" aria-invalid={!!errors.startOn} {...form.register('startOn')} />
        <FieldError message={errors.startOn?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="lease-end">{t('leaseEnd')}</Label>
        <Input id="lease-end" type="date" aria-invalid={!!errors.endOn} aria-describedby="lease-end-hint" {...form.register('endOn')} />
        <p id="lease-end-hint" className="text-xs text-muted-foreground">
          {t('leaseEndHint')}
        </p>
        <FieldError message={errors.endOn?.message} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {t('createLease')}
        </Button>
      </div>
    </form>
  );
}
