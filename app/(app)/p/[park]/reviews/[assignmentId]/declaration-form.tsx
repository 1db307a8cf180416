'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Label, Textarea } from '@/app/_components/ui/input';
import { conflictSchema } from '@/lib/validation/council';
import { declareConflictAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof conflictSchema>;

/** The declaration comes before the application is shown: none, or a conflict with its reason. */
export function DeclarationForm({ assignmentId }: { assignmentId: string }) {
  const t = useTranslations('review.declaration');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(conflictSchema), defaultValues: { assignmentId, hasConflict: undefined, reason: '' } });
  const hasConflict = useWatch({ control: form.control, name: 'hasConflict' });
  const { submit, formError } = useActionForm(form, declareConflictAction, () => router.refresh());
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <Controller
        control={form.control}
        name="hasConflict"
        render={({ field }) => (
          <fieldset className="space-y-2">
            <legend className="sr-only">{t('title')}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={field.name} checked={field.value === false} onChange={() => field.onChange(false)} className="size-4 accent-[var(--primary)]" />
              {t('none')}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={field.name} checked={field.value === true} onChange={() => field.onChange(true)} className="size-4 accent-[var(--primary)]" />
              {t('conflict')}
            </label>
            <FieldError message={errors.hasConflict?.message} />
          </fieldset>
        )}
      />
      {hasConflict && (
        <div className="space-y-2">
          <Label htmlFor="conflict-reason">{t('reason')}</Label>
          <Textarea id="conflict-reason" rows={3} aria-invalid={!!errors.reason} {...form.register('reason')} />
          <FieldError message={errors.reason?.message} />
        </div>
      )}
      <Button type="submit" disabled={!hydrated || isSubmitting}>
        {t('submit')}
      </Button>
    </form>
  );
}
