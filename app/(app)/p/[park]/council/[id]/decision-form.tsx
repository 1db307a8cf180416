'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { CheckboxField } from '@/app/_components/ui/checkbox';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions, Textarea } from '@/app/_components/ui/input';
import type { decisionSchema } from '@/lib/validation/council';
import { COUNCIL_DECISIONS } from '@/lib/validation/choices';
import { recordDecisionAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof decisionSchema>;

/**
 * The manager closes an agenda item: the outcome and its reason; the tally is the members' own votes,
 * counted by the server at the moment of closing, unless a paper tally is entered where the park's
 * rules call for one. With fewer submitted reviews than the park asks for, an approval needs a reason.
 */
export function DecisionForm({
  meetingId,
  applicationId,
  voters,
  majorityFor,
  reviewsShort,
}: {
  meetingId: string;
  applicationId: string;
  voters: number;
  majorityFor: boolean;
  reviewsShort: { submitted: number; minimum: number } | null;
}) {
  const t = useTranslations('council');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.decisionSchema)),
    defaultValues: { meetingId, applicationId, votesFor: String(voters), votesAgainst: '0', votesAbstain: '0', decision: majorityFor ? 'approved' : 'revision', reason: '', paperTally: false, reviewsShortReason: '' },
  });
  const { submit, formError } = useActionForm(form, recordDecisionAction, () => {
    toast.success(t('recorded'));
    router.refresh();
  });
  const paper = useWatch({ control: form.control, name: 'paperTally' });
  const decision = useWatch({ control: form.control, name: 'decision' });
  const { isSubmitting } = form.formState;
  const count = (name: 'votesFor' | 'votesAgainst' | 'votesAbstain', label: string) => (
    <Field name={name} label={label}>
      <Input type="number" min={0} max={voters} inputMode="numeric" className="w-24" {...form.register(name)} />
    </Field>
  );
  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <FormError message={formError} />
        <CheckboxField control={form.control} name="paperTally" label={t('paperTally')} description={t('paperTallyHint')} />
        {paper ? (
          <div className="flex flex-wrap gap-3">
            {count('votesFor', t('votesFor'))}
            {count('votesAgainst', t('votesAgainst'))}
            {count('votesAbstain', t('votesAbstain'))}
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">{t('computed')}</p>
        )}
        <Field name="decision" label={t('decision')} className="max-w-72">
          <NativeSelect {...form.register('decision')}>
            <SelectOptions options={COUNCIL_DECISIONS.map((d) => ({ value: d, label: t(`decisions.${d}`) }))} />
          </NativeSelect>
        </Field>
        <Field name="reason" label={t('reason')} description={t('reasonHint')}>
          <Textarea rows={2} {...form.register('reason')} />
        </Field>
        {reviewsShort && decision === 'approved' && (
          <Field name="reviewsShortReason" label={t('reviewsShortReason')} description={t('reviewsShort', reviewsShort)}>
            <Textarea rows={2} {...form.register('reviewsShortReason')} />
          </Field>
        )}
        <Button type="submit" disabled={!hydrated || isSubmitting}>
          {t('closeItem')}
        </Button>
      </form>
    </Form>
  );
}
