'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { Field } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import { useActionButton } from '@/app/_components/use-action-button';
import { useActionForm } from '@/app/_components/use-action-form';
import type { ServiceKind, ServiceUnit } from '@/db/schema/values';
import { SERVICE_KINDS, SERVICE_UNITS } from '@/lib/validation/choices';
import type { updateServiceSchema } from '@/lib/validation/services';
import { createServiceAction, deactivateServiceAction, updateServiceAction } from '../actions';

type Service = { id: string; name: string; kind: ServiceKind; unit: ServiceUnit; marketPriceRub: string; residentPriceRub: string };
type Values = z.input<typeof updateServiceSchema>;

/**
 * Adds a service to the catalogue, or edits one (given `service`). A price change applies to requests
 * made from now on; the form says so, as requests keep the prices they were made at.
 */
export function ServiceForm({ parkId, service }: { parkId: string; service?: Service }) {
  const t = useTranslations('serviceDesk');
  const router = useRouter();
  const form = useForm<Values>({
    // The new-service form has no id; the schema for each case is the action's own.
    resolver: lazyZodResolver(() => import('@/lib/validation/services').then((m) => (service ? m.updateServiceSchema : (m.createServiceSchema as unknown as typeof m.updateServiceSchema)))),
    defaultValues: service
      ? { serviceId: service.id, name: service.name, kind: service.kind, unit: service.unit, marketPriceRub: service.marketPriceRub, residentPriceRub: service.residentPriceRub }
      : ({ name: '', kind: 'consulting', unit: 'hour', marketPriceRub: '', residentPriceRub: '' } as Values),
  });
  const { submit, formError } = useActionForm(
    form,
    (v) => (service ? updateServiceAction(parkId, v) : createServiceAction(parkId, v)),
    () => {
      toast.success(service ? t('catalogue.saved') : t('catalogue.added'));
      if (!service) form.reset();
      router.refresh();
    },
  );
  const label = service ? t('catalogue.editNamed', { name: service.name }) : t('catalogue.add');
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={service ? t('catalogue.save') : t('catalogue.add')} aria-label={label}>
      <Field name="name" label={t('fields.service')} className="sm:col-span-2">
        <Input {...form.register('name')} />
      </Field>
      <Field name="kind" label={t('fields.kind')}>
        <NativeSelect {...form.register('kind')}>
          <SelectOptions options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </NativeSelect>
      </Field>
      <Field name="unit" label={t('fields.unit')}>
        <NativeSelect {...form.register('unit')}>
          <SelectOptions options={SERVICE_UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))} />
        </NativeSelect>
      </Field>
      <Field name="marketPriceRub" label={t('fields.marketPriceRub')}>
        <Input inputMode="decimal" {...form.register('marketPriceRub')} />
      </Field>
      <Field name="residentPriceRub" label={t('fields.residentPriceRub')}>
        <Input inputMode="decimal" {...form.register('residentPriceRub')} />
      </Field>
      {service && <p className="text-sm text-muted-foreground sm:col-span-2">{t('catalogue.priceNote')}</p>}
    </ActionForm>
  );
}

/** Takes a service off the catalogue after asking: no new requests; those made stay. */
export function DeactivateServiceButton({ parkId, serviceId, name }: { parkId: string; serviceId: string; name: string }) {
  const t = useTranslations('serviceDesk');
  const { run, busy } = useActionButton((input: { serviceId: string }) => deactivateServiceAction(parkId, input), { success: t('catalogue.deactivated') });
  return (
    <ConfirmDialog
      trigger={
        <Button type="button" size="sm" variant="outline" disabled={busy} aria-label={t('catalogue.deactivateNamed', { name })}>
          {t('catalogue.deactivate')}
        </Button>
      }
      title={t('catalogue.deactivateTitle', { name })}
      description={t('catalogue.deactivateConfirm')}
      confirmLabel={t('catalogue.deactivate')}
      cancelLabel={t('catalogue.cancel')}
      onConfirm={() => run({ serviceId })}
    />
  );
}
