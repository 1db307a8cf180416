'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Textarea } from '@/app/_components/ui/input';
import { RadioGroupField } from '@/app/_components/ui/radio-group';
import type { conflictSchema } from '@/lib/validation/council';
import { declareConflictAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof conflictSchema>;

/** The declaration comes before the application is shown: none, or a conflict with its reason. */
export function DeclarationForm({ assignmentId }: { assignmentId: string }) {
  const t = useTranslations('review.declaration');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.conflictSchema)), defaultValues: { assignmentId, hasConflict: undefined, reason: '' } });
  const hasConflict = useWatch({ control: form.control, name: 'hasConflict' });
  const { submit, formError } = useActionForm(form, declareConflictAction, () => router.refresh());
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <RadioGroupField
          control={form.control}
          name="hasConflict"
          legend={t('title')}
          legendClassName="sr-only"
          options={[
            { value: false, label: t('none') },
            { value: true, label: t('conflict') },
          ]}
        />
        {hasConflict && (
          <Field name="reason" label={t('reason')}>
            <Textarea rows={3} {...form.register('reason')} />
          </Field>
        )}
        <Button type="submit" disabled={!hydrated || isSubmitting}>
          {t('submit')}
        </Button>
      </form>
    </Form>
  );
}
