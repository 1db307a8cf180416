'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input, Textarea } from '@/app/_components/ui/input';
import type { revokeIncentiveSchema } from '@/lib/validation/incentives';
import { revokeIncentiveAction } from '../actions';

export function RevokeForm({ parkId, incentiveId, today }: { parkId: string; incentiveId: string; today: string }) {
  const t = useTranslations('incentives');
  const router = useRouter();
  const form = useForm<z.input<typeof revokeIncentiveSchema>>({ resolver: lazyZodResolver(() => import('@/lib/validation/incentives').then((m) => m.revokeIncentiveSchema)), defaultValues: { incentiveId, revokedOn: today, reason: '' } });
  const { submit, formError } = useActionForm(form, (v) => revokeIncentiveAction(parkId, v), () => {
    toast.success(t('revoked'));
    router.refresh();
  });
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-3" noValidate aria-label={t('revokeTitle')}>
        <FormError message={formError} />
        <Field name="revokedOn" label={t('revokedOn')}>
          <Input type="date" className="max-w-48" {...form.register('revokedOn')} />
        </Field>
        <Field name="reason" label={t('reason')}>
          <Textarea rows={2} {...form.register('reason')} />
        </Field>
        <Button type="submit" variant="destructive" size="sm" disabled={isSubmitting}>
          {t('revoke')}
        </Button>
      </form>
    </Form>
  );
}
