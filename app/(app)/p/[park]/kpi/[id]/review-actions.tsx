'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Label, Textarea } from '@/app/_components/ui/input';
import { returnKpiReportSchema } from '@/lib/validation/kpi';
import { acceptKpiReportFormAction, returnKpiReportAction } from '../actions';

type ReturnValues = z.input<typeof returnKpiReportSchema>;

/** Accept, or return with a comment: the two decisions on a submitted report. */
export function ReviewActions({ reportId }: { reportId: string }) {
  const t = useTranslations('kpi');
  // A server action as the form's action: Accept works even before the page has hydrated.
  const [acceptError, accept, accepting] = useActionState(acceptKpiReportFormAction, null);
  const form = useForm<ReturnValues>({ resolver: zodResolver(returnKpiReportSchema), defaultValues: { reportId, comment: '' } });
  const { submit, formError } = useActionForm(form, returnKpiReportAction, () => {
    toast.success(t('returned'));
  });
  const { errors, isSubmitting } = form.formState;
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
      <form onSubmit={submit} className="space-y-3" noValidate aria-label={t('returnTitle')}>
        <FormError message={formError} />
        <div className="space-y-1.5">
          <Label htmlFor="return-comment">{t('comment')}</Label>
          <Textarea id="return-comment" rows={4} aria-invalid={!!errors.comment} aria-describedby="return-comment-help" {...form.register('comment')} />
          <FieldError message={errors.comment?.message} />
          <p id="return-comment-help" className="text-xs text-muted-foreground">
            {t('commentHelp')}
          </p>
        </div>
        <Button type="submit" variant="outline" disabled={accepting || isSubmitting}>
          {t('returnAction')}
        </Button>
      </form>
    </div>
  );
}
