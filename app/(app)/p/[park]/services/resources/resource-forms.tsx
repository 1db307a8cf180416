'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { toast } from '@/app/_components/toast';
import { ActionForm } from '@/app/_components/ui/action-form';
import { CheckboxField, CheckboxGroupField } from '@/app/_components/ui/checkbox';
import { Field } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions, Textarea } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import { BOOKING_SLOT_MINUTES, WEEKDAYS } from '@/lib/validation/choices';
import { clockOf } from '@/lib/validation/clock';
import type { bookingNoticeSchema, updateResourceSchema } from '@/lib/validation/bookings';
import { createResourceAction, setBookingNoticeAction, updateResourceAction } from './actions';

type Resource = { id: string; serviceId: string; name: string; description: string | null; opensMinute: number; closesMinute: number; weekdays: number[]; slotMinutes: number; active: boolean };
type Values = z.input<typeof updateResourceSchema>;

/** Makes a room or piece of equipment bookable, or edits one (given `resource`): its hourly service, opening hours, weekdays and slot grid. */
export function ResourceForm({ parkId, services, resource }: { parkId: string; services: { id: string; name: string }[]; resource?: Resource }) {
  const t = useTranslations('bookings');
  const router = useRouter();
  const form = useForm<Values>({
    // The new-resource form has no id; the schema for each case is the action's own.
    resolver: lazyZodResolver(() => import('@/lib/validation/bookings').then((m) => (resource ? m.updateResourceSchema : (m.createResourceSchema as unknown as typeof m.updateResourceSchema)))),
    defaultValues: resource
      ? {
          resourceId: resource.id,
          serviceId: resource.serviceId,
          name: resource.name,
          description: resource.description ?? '',
          opensAt: clockOf(resource.opensMinute),
          closesAt: clockOf(resource.closesMinute),
          weekdays: resource.weekdays.map(String),
          slotMinutes: String(resource.slotMinutes),
          active: resource.active,
        }
      : ({ serviceId: services[0]?.id ?? '', name: '', description: '', opensAt: '09:00', closesAt: '18:00', weekdays: ['1', '2', '3', '4', '5'], slotMinutes: '30' } as Values),
  });
  const { submit, formError } = useActionForm(
    form,
    (v) => (resource ? updateResourceAction(parkId, v) : createResourceAction(parkId, v)),
    () => {
      toast.success(resource ? t('resources.saved') : t('resources.added'));
      if (!resource) form.reset();
      router.refresh();
    },
  );
  const label = resource ? t('resources.editNamed', { name: resource.name }) : t('resources.add');
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={resource ? t('resources.save') : t('resources.add')} aria-label={label}>
      <Field name="name" label={t('resources.name')}>
        <Input {...form.register('name')} />
      </Field>
      <Field name="serviceId" label={t('resources.service')} description={t('resources.serviceHint')}>
        <NativeSelect {...form.register('serviceId')}>
          <SelectOptions options={services.map((s) => ({ value: s.id, label: s.name }))} />
        </NativeSelect>
      </Field>
      <Field name="opensAt" label={t('resources.opensAt')}>
        <Input inputMode="numeric" placeholder="09:00" {...form.register('opensAt')} />
      </Field>
      <Field name="closesAt" label={t('resources.closesAt')} description={t('resources.closesHint')}>
        <Input inputMode="numeric" placeholder="18:00" {...form.register('closesAt')} />
      </Field>
      <Field name="slotMinutes" label={t('resources.slotMinutes')}>
        <NativeSelect {...form.register('slotMinutes')}>
          <SelectOptions options={BOOKING_SLOT_MINUTES.map((m) => ({ value: String(m), label: t('slot', { minutes: m }) }))} />
        </NativeSelect>
      </Field>
      <CheckboxGroupField
        control={form.control}
        name="weekdays"
        legend={t('resources.weekdays')}
        className="sm:col-span-2"
        listClassName="flex flex-wrap gap-4 pt-1"
        options={WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekdays.${d}`) }))}
      />
      <Field name="description" label={t('resources.description')} className="sm:col-span-2">
        <Textarea rows={2} {...form.register('description')} />
      </Field>
      {resource && <CheckboxField control={form.control} name="active" label={t('resources.activeLabel')} className="sm:col-span-2" />}
    </ActionForm>
  );
}

type NoticeValues = z.input<typeof bookingNoticeSchema>;

/** The park's cancellation notice for bookings, in hours. */
export function BookingNoticeForm({ parkId, hours }: { parkId: string; hours: number }) {
  const t = useTranslations('bookings');
  const router = useRouter();
  const form = useForm<NoticeValues>({
    resolver: lazyZodResolver(() => import('@/lib/validation/bookings').then((m) => m.bookingNoticeSchema)),
    defaultValues: { hours: String(hours) },
  });
  const { submit, formError } = useActionForm(form, (v) => setBookingNoticeAction(parkId, v), () => {
    toast.success(t('resources.notice.saved'));
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('resources.notice.save')} aria-label={t('resources.notice.title')}>
      <Field name="hours" label={t('resources.notice.hours')} description={t('resources.notice.hint')} className="sm:col-span-2">
        <Input inputMode="numeric" {...form.register('hours')} />
      </Field>
    </ActionForm>
  );
}
