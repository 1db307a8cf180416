'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Textarea } from '@/app/_components/ui/input';
import type { screeningSchema } from '@/lib/validation/applications';
import { screenApplicationAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof screeningSchema>;

/** The manager's screening: one comment box and the three outcomes, each its own submit button. */
export function ScreeningForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations('applicationStaff.screening');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/applications').then((m) => m.screeningSchema)), defaultValues: { applicationId, outcome: 'accepted', comment: '' } });
  const { submit, formError } = useActionForm(form, screenApplicationAction, () => {
    toast.success(t('done'));
    router.refresh();
  });
  const { isSubmitting } = form.formState;
  const choose = (outcome: Values['outcome']) => () => form.setValue('outcome', outcome);
  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <FormError message={formError} />
        <Field name="comment" label={t('comment')} description={t('commentHint')}>
          <Textarea rows={3} {...form.register('comment')} />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" onClick={choose('accepted')} disabled={!hydrated || isSubmitting}>
            {t('accept')}
          </Button>
          <Button type="submit" variant="outline" onClick={choose('returned')} disabled={!hydrated || isSubmitting}>
            {t('return')}
          </Button>
          <Button type="submit" variant="destructive" onClick={choose('rejected')} disabled={!hydrated || isSubmitting}>
            {t('reject')}
          </Button>
        </div>
      </form>
    </Form>
  );
}
