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
import { endLeaseSchema, PREMISES_KINDS, retireUnitSchema, updateUnitSchema } from '@/lib/validation/premises';
import { endLeaseAction, retireUnitAction, updateUnitAction } from '../../actions';

type UnitValues = z.input<typeof updateUnitSchema>;

export function EditUnitForm({ parkId, unit }: { parkId: string; unit: { id: string; name: string; kind: UnitValues['kind']; areaM2: string; availableFrom: string | null; availableTo: string | null } }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<UnitValues>({
    resolver: zodResolver(updateUnitSchema),
    defaultValues: { unitId: unit.id, name: unit.name, kind: unit.kind, areaM2: unit.areaM2, availableFrom: unit.availableFrom ?? '', availableTo: unit.availableTo ?? '' },
  });
  const { submit, formError } = useActionForm(form, (v) => updateUnitAction(parkId, v), () => {
    toast.success(t('unitSaved'));
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate aria-label={t('editUnit')}>
      <div className="sm:col-span-2">
        <FormError message={formError} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="edit-name">{t('unitName')}</Label>
        <Input id="edit-name" aria-invalid={!!errors.name} {...form.register('name')} />
        <FieldError message={errors.name?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="edit-kind">{t('kind')}</Label>
        <NativeSelect id="edit-kind" {...form.register('kind')}>
          {PREMISES_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-2">
        <Label htmlFor="edit-area">{t('areaM2')}</Label>
        <Input id="edit-area" inputMode="decimal" aria-invalid={!!errors.areaM2} {...form.register('areaM2')} />
        <FieldError message={errors.areaM2?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="edit-from">{t('availableFromLabel')}</Label>
        <Input id="edit-from" type="date" aria-invalid={!!errors.availableFrom} {...form.register('availableFrom')} />
        <FieldError message={errors.availableFrom?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="edit-to">{t('availableToLabel')}</Label>
        <Input id="edit-to" type="date" aria-invalid={!!errors.availableTo} {...form.register('availableTo')} />
        <FieldError message={errors.availableTo?.message} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {t('editUnit')}
        </Button>
      </div>
    </form>
  );
}

export function RetireUnitForm({ parkId, unitId, today }: { parkId: string; unitId: string; today: string }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<z.input<typeof retireUnitSchema>>({ resolver: zodResolver(retireUnitSchema), defaultValues: { unitId, availableTo: today } });
  const { submit, formError } = useActionForm(form, (v) => retireUnitAction(parkId, v), () => {
    toast.success(t('retired'));
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate aria-label={t('retireUnit')}>
      <FormError message={formError} />
      <div className="space-y-2">
        <Label htmlFor="retire-on">{t('retireOn')}</Label>
        <Input id="retire-on" type="date" className="max-w-48" aria-invalid={!!errors.availableTo} {...form.register('availableTo')} />
        <FieldError message={errors.availableTo?.message} />
      </div>
      <Button type="submit" size="sm" variant="destructive" disabled={isSubmitting}>
        {t('retireUnit')}
      </Button>
    </form>
  );
}

export function EndLeaseForm({ parkId, leaseId, defaultEndOn, label }: { parkId: string; leaseId: string; defaultEndOn: string; label: string }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<z.input<typeof endLeaseSchema>>({ resolver: zodResolver(endLeaseSchema), defaultValues: { leaseId, endOn: defaultEndOn } });
  const { submit, formError } = useActionForm(form, (v) => endLeaseAction(parkId, v), () => {
    toast.success(t('leaseEnded'));
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-1" noValidate aria-label={`${t('endLease')}: ${label}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Input type="date" aria-label={t('endLeaseOn')} className="h-8 w-40" aria-invalid={!!errors.endOn} {...form.register('endOn')} />
        <Button type="submit" size="sm" variant="outline" disabled={isSubmitting}>
          {t('endLease')}
        </Button>
      </div>
      <FieldError message={errors.endOn?.message} />
      <FormError message={formError} />
    </form>
  );
}
