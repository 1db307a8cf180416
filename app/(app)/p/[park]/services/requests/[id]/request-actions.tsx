'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { plainQuantity } from '@/lib/i18n/format';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Field } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions, Textarea } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import type { assignServiceRequestSchema, deliverServiceRequestSchema, refuseServiceRequestSchema, requestIdSchema } from '@/lib/validation/services';
import { assignServiceRequestAction, deliverServiceRequestAction, refuseServiceRequestAction, startServiceRequestAction } from '../../actions';

/*
 * The desk's steps on an open request, each a form of its own through the one action wrapper; the
 * domain functions decide whether the step is allowed, these forms only offer it.
 */

type Props = { parkId: string; requestId: string };

/** After a step: say so and show the request as it now is. */
function useDone(message: string) {
  const router = useRouter();
  return () => {
    toast.success(message);
    router.refresh();
  };
}

export function AssignForm({ parkId, requestId, assigneeId, staff }: Props & { assigneeId: string | null; staff: { id: string; name: string }[] }) {
  const t = useTranslations('serviceDesk');
  const form = useForm<z.input<typeof assignServiceRequestSchema>>({ resolver: lazyZodResolver(() => import('@/lib/validation/services').then((m) => m.assignServiceRequestSchema)), defaultValues: { requestId, assigneeId: assigneeId ?? '' } });
  const { submit, formError } = useActionForm(form, (v) => assignServiceRequestAction(parkId, v), useDone(t('actions.assigned')));
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('actions.assign')} layout="compact" aria-label={t('actions.assign')}>
      <Field name="assigneeId" label={t('fields.assignee')} errorText={form.getValues('assigneeId') ? undefined : t('actions.chooseStaff')}>
        <NativeSelect {...form.register('assigneeId')}>
          <SelectOptions placeholder={t('actions.chooseStaff')} options={staff.map((s) => ({ value: s.id, label: s.name }))} />
        </NativeSelect>
      </Field>
    </ActionForm>
  );
}

export function StartForm({ parkId, requestId }: Props) {
  const t = useTranslations('serviceDesk');
  const form = useForm<z.input<typeof requestIdSchema>>({ resolver: lazyZodResolver(() => import('@/lib/validation/services').then((m) => m.requestIdSchema)), defaultValues: { requestId } });
  const { submit, formError } = useActionForm(form, (v) => startServiceRequestAction(parkId, v), useDone(t('actions.started')));
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('actions.start')} layout="compact" aria-label={t('actions.start')}>
      <p className="text-sm text-muted-foreground">{t('actions.startHint')}</p>
    </ActionForm>
  );
}

export function DeliverForm({ parkId, requestId, quantity }: Props & { quantity: string }) {
  const t = useTranslations('serviceDesk');
  const form = useForm<z.input<typeof deliverServiceRequestSchema>>({ resolver: lazyZodResolver(() => import('@/lib/validation/services').then((m) => m.deliverServiceRequestSchema)), defaultValues: { requestId, quantity: plainQuantity(quantity) } });
  const { submit, formError } = useActionForm(form, (v) => deliverServiceRequestAction(parkId, v), useDone(t('actions.delivered')));
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('actions.deliver')} layout="compact" aria-label={t('actions.deliver')}>
      <Field name="quantity" label={t('fields.quantityDelivered')} description={t('actions.deliverHint')}>
        <Input inputMode="decimal" className="max-w-40" {...form.register('quantity')} />
      </Field>
    </ActionForm>
  );
}

export function RefuseForm({ parkId, requestId }: Props) {
  const t = useTranslations('serviceDesk');
  const form = useForm<z.input<typeof refuseServiceRequestSchema>>({ resolver: lazyZodResolver(() => import('@/lib/validation/services').then((m) => m.refuseServiceRequestSchema)), defaultValues: { requestId, reason: '' } });
  const { submit, formError } = useActionForm(form, (v) => refuseServiceRequestAction(parkId, v), useDone(t('actions.refused')));
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('actions.refuse')} submitVariant="destructive" layout="compact" aria-label={t('actions.refuse')}>
      <Field name="reason" label={t('fields.refusalReason')} description={t('actions.refuseHint')}>
        <Textarea rows={3} {...form.register('reason')} />
      </Field>
    </ActionForm>
  );
}
