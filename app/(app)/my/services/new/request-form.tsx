'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Field } from '@/app/_components/ui/form';
import { Input, Label, NativeSelect, SelectOptions, Textarea } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import type { ServiceUnit } from '@/db/schema/values';
import { formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { createServiceRequestSchema } from '@/lib/validation/services';
import { createServiceRequestAction } from '../actions';

type Choice = {
  parkId: string;
  parkName: string;
  companies: { id: string; name: string }[];
  services: { id: string; name: string; unit: ServiceUnit; residentPriceRub: string; marketPriceRub: string }[];
};
type Values = z.input<typeof createServiceRequestSchema>;

/**
 * A request for one of the park's active services, for one of the person's companies resident there.
 * With companies in several parks, the park is chosen first; it travels beside the form's values.
 */
export function RequestServiceForm({ parks }: { parks: Choice[] }) {
  const t = useTranslations('serviceDesk');
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [parkId, setParkId] = useState(parks[0].parkId);
  const park = parks.find((p) => p.parkId === parkId) ?? parks[0];
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/services').then((m) => m.createServiceRequestSchema)),
    defaultValues: { companyId: park.companies.length === 1 ? park.companies[0].id : '', serviceId: '', quantity: '1', description: '' },
  });
  const { submit, formError } = useActionForm(form, (v) => createServiceRequestAction(park.parkId, v), (data) => router.push(`/my/services/${data.id}`));
  // An empty choice fails the schema's id check: say "choose", not "invalid id"; the server's refusals show as they are.
  const emptyChoice = (name: 'companyId' | 'serviceId') => !form.getValues(name);
  const serviceId = useWatch({ control: form.control, name: 'serviceId' });
  const chosen = park.services.find((s) => s.id === serviceId);
  const choosePark = (next: string) => {
    setParkId(next);
    const nextPark = parks.find((p) => p.parkId === next) ?? parks[0];
    form.reset({ companyId: nextPark.companies.length === 1 ? nextPark.companies[0].id : '', serviceId: '', quantity: form.getValues('quantity'), description: form.getValues('description') });
  };
  return (
    <div className="space-y-4">
      {parks.length > 1 && (
        <div className="space-y-2">
          <Label htmlFor="request-park">{t('fields.park')}</Label>
          <NativeSelect id="request-park" value={parkId} onChange={(e) => choosePark(e.target.value)}>
            <SelectOptions options={parks.map((p) => ({ value: p.parkId, label: p.parkName }))} />
          </NativeSelect>
        </div>
      )}
      <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('my.submit')} aria-label={t('my.newTitle')}>
        <Field name="companyId" label={t('fields.company')} errorText={emptyChoice('companyId') ? t('my.chooseCompany') : undefined} className="sm:col-span-2">
          <NativeSelect {...form.register('companyId')}>
            <SelectOptions placeholder={t('my.chooseCompany')} options={park.companies.map((c) => ({ value: c.id, label: c.name }))} />
          </NativeSelect>
        </Field>
        <Field name="serviceId" label={t('fields.service')} errorText={emptyChoice('serviceId') ? t('my.chooseService') : undefined} className="sm:col-span-2">
          <NativeSelect {...form.register('serviceId')}>
            <SelectOptions placeholder={t('my.chooseService')} options={park.services.map((s) => ({ value: s.id, label: s.name }))} />
          </NativeSelect>
        </Field>
        <Field name="quantity" label={chosen ? t('fields.quantityIn', { unit: t(`unitShort.${chosen.unit}`) }) : t('fields.quantity')}>
          <Input inputMode="decimal" {...form.register('quantity')} />
        </Field>
        <div className="self-end pb-2 text-sm text-muted-foreground" aria-live="polite">
          {chosen &&
            t('my.priceNote', {
              price: formatRub(chosen.residentPriceRub, locale),
              market: formatRub(chosen.marketPriceRub, locale),
              unit: t(`units.${chosen.unit}`),
            })}
        </div>
        <Field name="description" label={t('fields.description')} description={t('my.descriptionHint')} className="sm:col-span-2">
          <Textarea rows={4} {...form.register('description')} />
        </Field>
      </ActionForm>
    </div>
  );
}
