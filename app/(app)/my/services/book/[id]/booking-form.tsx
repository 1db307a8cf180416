'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { toast } from '@/app/_components/toast';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Field } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import type { createBookingSchema } from '@/lib/validation/bookings';
import { clockOf, slotTimes } from '@/lib/validation/clock';
import { createBookingAction } from '../actions';

type Values = z.input<typeof createBookingSchema>;

/** Books a slot of one resource for one of the person's resident companies: a day, and a start and end on the resource's grid. */
export function BookingForm({
  resource,
  companies,
  date,
  start,
}: {
  resource: { id: string; opensMinute: number; closesMinute: number; slotMinutes: number };
  companies: { id: string; name: string }[];
  date: string;
  /** The slot the form offers first (minutes from midnight): the first free one of `date`; else the opening time. */
  start?: number;
}) {
  const t = useTranslations('bookings');
  const router = useRouter();
  const { starts, ends } = slotTimes(resource);
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/bookings').then((m) => m.createBookingSchema)),
    defaultValues: { resourceId: resource.id, companyId: companies[0]?.id ?? '', date, startAt: clockOf(start ?? starts[0]), endAt: clockOf(start === undefined ? ends[0] : start + resource.slotMinutes) },
  });
  const { submit, formError } = useActionForm(form, createBookingAction, () => {
    toast.success(t('book.booked'));
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('book.submit')} aria-label={t('book.form')}>
      <Field name="companyId" label={t('book.company')}>
        <NativeSelect {...form.register('companyId')}>
          <SelectOptions options={companies.map((c) => ({ value: c.id, label: c.name }))} />
        </NativeSelect>
      </Field>
      <Field name="date" label={t('book.date')}>
        <Input type="date" {...form.register('date')} />
      </Field>
      <Field name="startAt" label={t('book.startAt')}>
        <NativeSelect {...form.register('startAt')}>
          <SelectOptions options={starts.map((m) => ({ value: clockOf(m), label: clockOf(m) }))} />
        </NativeSelect>
      </Field>
      <Field name="endAt" label={t('book.endAt')}>
        <NativeSelect {...form.register('endAt')}>
          <SelectOptions options={ends.map((m) => ({ value: clockOf(m), label: clockOf(m) }))} />
        </NativeSelect>
      </Field>
    </ActionForm>
  );
}
