'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions, Textarea } from '@/app/_components/ui/input';
import { COUNCIL_DECISIONS, decisionSchema } from '@/lib/validation/council';
import { recordDecisionAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof decisionSchema>;

/** The votes and the decision on one agenda item; the server checks the quorum and the vote count again. */
export function DecisionForm({ meetingId, applicationId, voters }: { meetingId: string; applicationId: string; voters: number }) {
  const t = useTranslations('council');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(decisionSchema),
    defaultValues: { meetingId, applicationId, votesFor: String(voters), votesAgainst: '0', votesAbstain: '0', decision: 'approved', reason: '' },
  });
  const { submit, formError } = useActionForm(form, recordDecisionAction, () => {
    toast.success(t('recorded'));
    router.refresh();
  });
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
        <div className="flex flex-wrap gap-3">
          {count('votesFor', t('votesFor'))}
          {count('votesAgainst', t('votesAgainst'))}
          {count('votesAbstain', t('votesAbstain'))}
          <Field name="decision" label={t('decision')} className="min-w-56">
            <NativeSelect {...form.register('decision')}>
              <SelectOptions options={COUNCIL_DECISIONS.map((d) => ({ value: d, label: t(`decisions.${d}`) }))} />
            </NativeSelect>
          </Field>
        </div>
        <Field name="reason" label={t('reason')} description={t('reasonHint')}>
          <Textarea rows={2} {...form.register('reason')} />
        </Field>
        <Button type="submit" disabled={!hydrated || isSubmitting}>
          {t('record')}
        </Button>
      </form>
    </Form>
  );
}
