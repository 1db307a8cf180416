'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions, Textarea } from '@/app/_components/ui/input';
import { RadioGroupField } from '@/app/_components/ui/radio-group';
import type { reviewSchema } from '@/lib/validation/council';
import { RECOMMENDATIONS, SCORE_MAX, SCORE_MIN } from '@/lib/validation/choices';
import { saveReviewDraftAction, submitReviewAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof reviewSchema>;
type Criterion = { id: string; nameEn: string; nameRu: string; weight: string };

const SCALE = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

/** Scores per criterion with comments, and a recommendation; saved as a draft until submitted. */
export function ReviewForm({ assignmentId, criteria, initial }: { assignmentId: string; criteria: Criterion[]; initial: Omit<Values, 'assignmentId'> }) {
  const t = useTranslations('review.scoring');
  const hydrated = useHydrated();
  const locale = useLocale();
  const router = useRouter();
  const mode = useRef<'draft' | 'submit'>('draft');
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.reviewSchema)), defaultValues: { assignmentId, ...initial } });
  const { submit, formError } = useActionForm(
    form,
    (values) => (mode.current === 'submit' ? submitReviewAction(values) : saveReviewDraftAction(values)),
    () => {
      toast.success(mode.current === 'submit' ? t('submitted') : t('saved'));
      router.refresh();
    },
  );
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-5" noValidate>
        <FormError message={formError} />
        <p className="text-sm text-muted-foreground">{t('hint')}</p>
        <div className="space-y-3">
          {criteria.map((c, i) => {
            const name = locale === 'ru' ? c.nameRu : c.nameEn;
            return (
              <div key={c.id} className="grid gap-3 rounded-lg border p-3 sm:grid-cols-[minmax(0,1fr)_120px]">
                <Field name={`scores.${i}.score`} label={t('score')} className="sm:order-2">
                  <NativeSelect aria-label={name} {...form.register(`scores.${i}.score`)}>
                    <SelectOptions placeholder={t('noScore')} options={SCALE.map((n) => ({ value: n, label: n }))} />
                  </NativeSelect>
                </Field>
                <div className="space-y-2 sm:order-1">
                  <p className="text-sm font-medium">
                    {name} <span className="text-xs font-normal text-muted-foreground">· {t('weight', { weight: Number(c.weight) })}</span>
                  </p>
                  <input type="hidden" {...form.register(`scores.${i}.criterionId`)} />
                  <Field name={`scores.${i}.comment`} label={`${t('comment')}: ${name}`} labelClassName="sr-only">
                    <Input placeholder={t('comment')} {...form.register(`scores.${i}.comment`)} />
                  </Field>
                </div>
              </div>
            );
          })}
        </div>
        <RadioGroupField
          control={form.control}
          name="recommendation"
          legend={t('recommendation')}
          options={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`recommendations.${r}`) }))}
          groupClassName="flex flex-wrap gap-4"
        />
        <Field name="comment" label={t('overallComment')}>
          <Textarea rows={4} {...form.register('comment')} />
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" variant="outline" disabled={!hydrated || isSubmitting} onClick={() => (mode.current = 'draft')}>
            {t('saveDraft')}
          </Button>
          <Button type="submit" disabled={!hydrated || isSubmitting} onClick={() => (mode.current = 'submit')}>
            {t('submit')}
          </Button>
          <span className="text-xs text-muted-foreground">{t('draftNote')}</span>
        </div>
      </form>
    </Form>
  );
}
