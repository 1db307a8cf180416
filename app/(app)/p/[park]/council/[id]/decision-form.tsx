'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label, NativeSelect, Textarea } from '@/app/_components/ui/input';
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
  const { errors, isSubmitting } = form.formState;
  const id = (name: string) => `${applicationId}-${name}`;
  const count = (name: 'votesFor' | 'votesAgainst' | 'votesAbstain', label: string) => (
    <div className="space-y-1.5">
      <Label htmlFor={id(name)}>{label}</Label>
      <Input id={id(name)} type="number" min={0} max={voters} inputMode="numeric" className="w-24" aria-invalid={!!errors[name]} {...form.register(name)} />
      <FieldError message={errors[name]?.message} />
    </div>
  );
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <FormError message={formError} />
      <div className="flex flex-wrap gap-3">
        {count('votesFor', t('votesFor'))}
        {count('votesAgainst', t('votesAgainst'))}
        {count('votesAbstain', t('votesAbstain'))}
        <div className="min-w-56 space-y-1.5">
          <Label htmlFor={id('decision')}>{t('decision')}</Label>
          <NativeSelect id={id('decision')} aria-invalid={!!errors.decision} {...form.register('decision')}>
            {COUNCIL_DECISIONS.map((d) => (
              <option key={d} value={d}>
                {t(`decisions.${d}`)}
              </option>
            ))}
          </NativeSelect>
          <FieldError message={errors.decision?.message} />
        </div>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={id('reason')}>{t('reason')}</Label>
        <Textarea id={id('reason')} rows={2} aria-describedby={id('reason-hint')} aria-invalid={!!errors.reason} {...form.register('reason')} />
        <p id={id('reason-hint')} className="text-xs text-muted-foreground">
          {t('reasonHint')}
        </p>
        <FieldError message={errors.reason?.message} />
      </div>
      <Button type="submit" disabled={!hydrated || isSubmitting}>
        {t('record')}
      </Button>
    </form>
  );
}
