'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Textarea } from '@/app/_components/ui/input';
import type { returnKpiReportSchema } from '@/lib/validation/kpi';
import { acceptKpiReportFormAction, returnKpiReportAction } from '../actions';

type ReturnValues = z.input<typeof returnKpiReportSchema>;

/** Accept, or return with a comment: the two decisions on a submitted report. */
export function ReviewActions({ reportId }: { reportId: string }) {
  const t = useTranslations('kpi');
  // A server action as the form's action: Accept works even before the page has hydrated.
  const [acceptError, accept, accepting] = useActionState(acceptKpiReportFormAction, null);
  const form = useForm<ReturnValues>({ resolver: lazyZodResolver(() => import('@/lib/validation/kpi').then((m) => m.returnKpiReportSchema)), defaultValues: { reportId, comment: '' } });
  const { submit, formError } = useActionForm(form, returnKpiReportAction, () => {
    toast.success(t('returned'));
  });
  const { isSubmitting } = form.formState;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={accept} className="space-y-3" aria-label={t('accept')}>
        <input type="hidden" name="reportId" value={reportId} />
        <p className="text-sm text-muted-foreground">{t('acceptConfirm')}</p>
        <FormError message={acceptError} />
        <Button type="submit" disabled={accepting || isSubmitting}>
          {t('accept')}
        </Button>
      </form>
      <Form {...form}>
        <form onSubmit={submit} className="space-y-3" noValidate aria-label={t('returnTitle')}>
          <FormError message={formError} />
          <Field name="comment" label={t('comment')} description={t('commentHelp')}>
            <Textarea rows={4} {...form.register('comment')} />
          </Field>
          <Button type="submit" variant="outline" disabled={accepting || isSubmitting}>
            {t('returnAction')}
          </Button>
        </form>
      </Form>
    </div>
  );
}
