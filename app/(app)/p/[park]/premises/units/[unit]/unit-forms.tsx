'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormControl, FormError, FormItem, FormLabel, FormMessage } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import type { retireUnitSchema, setLeaseRatesSchema, updateUnitSchema, endLeaseSchema } from '@/lib/validation/premises';
import { endLeaseAction, retireUnitAction, setLeaseRatesAction, updateUnitAction } from '../../actions';
import { LeaseRateFields } from '../../lease-rate-fields';
import { UnitFields } from '../../unit-fields';

type UnitValues = z.input<typeof updateUnitSchema>;

export function EditUnitForm({ parkId, unit }: { parkId: string; unit: { id: string; name: string; kind: UnitValues['kind']; areaM2: string; availableFrom: string | null; availableTo: string | null } }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<UnitValues>({
    resolver: lazyZodResolver(() => import('@/lib/validation/premises').then((m) => m.updateUnitSchema)),
    defaultValues: { unitId: unit.id, name: unit.name, kind: unit.kind, areaM2: unit.areaM2, availableFrom: unit.availableFrom ?? '', availableTo: unit.availableTo ?? '' },
  });
  const { submit, formError } = useActionForm(form, (v) => updateUnitAction(parkId, v), () => {
    toast.success(t('unitSaved'));
    router.refresh();
  });
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate aria-label={t('editUnit')}>
        <FormError message={formError} className="sm:col-span-2" />
        <UnitFields />
        <div className="sm:col-span-2">
          <Button type="submit" size="sm" disabled={isSubmitting}>
            {t('editUnit')}
          </Button>
        </div>
      </form>
    </Form>
  );
}

export function RetireUnitForm({ parkId, unitId, today }: { parkId: string; unitId: string; today: string }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<z.input<typeof retireUnitSchema>>({ resolver: lazyZodResolver(() => import('@/lib/validation/premises').then((m) => m.retireUnitSchema)), defaultValues: { unitId, availableTo: today } });
  const { submit, formError } = useActionForm(form, (v) => retireUnitAction(parkId, v), () => {
    toast.success(t('retired'));
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('retireUnit')} submitVariant="destructive" layout="compact" aria-label={t('retireUnit')}>
      <Field name="availableTo" label={t('retireOn')}>
        <Input type="date" className="max-w-48" {...form.register('availableTo')} />
      </Field>
    </ActionForm>
  );
}

export function EndLeaseForm({ parkId, leaseId, defaultEndOn, label }: { parkId: string; leaseId: string; defaultEndOn: string; label: string }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<z.input<typeof endLeaseSchema>>({ resolver: lazyZodResolver(() => import('@/lib/validation/premises').then((m) => m.endLeaseSchema)), defaultValues: { leaseId, endOn: defaultEndOn } });
  const { submit, formError } = useActionForm(form, (v) => endLeaseAction(parkId, v), () => {
    toast.success(t('leaseEnded'));
    router.refresh();
  });
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} noValidate aria-label={`${t('endLease')}: ${label}`}>
        <FormItem name="endOn" className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <FormLabel className="sr-only">{t('endLeaseOn')}</FormLabel>
            <FormControl>
              <Input type="date" className="h-8 w-40" {...form.register('endOn')} />
            </FormControl>
            <Button type="submit" size="sm" variant="outline" disabled={isSubmitting}>
              {t('endLease')}
            </Button>
          </div>
          <FormMessage />
          <FormError message={formError} />
        </FormItem>
      </form>
    </Form>
  );
}

/** Records or corrects a lease's rates at signing; both empty clears them. */
export function LeaseRatesForm({ parkId, lease, label }: { parkId: string; lease: { id: string; rateRubPerM2Month: string | null; marketRateRubPerM2Month: string | null }; label: string }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<z.input<typeof setLeaseRatesSchema>>({
    resolver: lazyZodResolver(() => import('@/lib/validation/premises').then((m) => m.setLeaseRatesSchema)),
    defaultValues: { leaseId: lease.id, rateRubPerM2Month: lease.rateRubPerM2Month ?? '', marketRateRubPerM2Month: lease.marketRateRubPerM2Month ?? '' },
  });
  const { submit, formError } = useActionForm(form, (v) => setLeaseRatesAction(parkId, v), () => {
    toast.success(t('ratesSaved'));
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('saveRates')} aria-label={`${t('rates')}: ${label}`}>
      <LeaseRateFields />
    </ActionForm>
  );
}
