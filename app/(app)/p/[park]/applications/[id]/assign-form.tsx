'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { CheckboxField, CheckboxGroupField } from '@/app/_components/ui/checkbox';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import type { assignExpertsSchema } from '@/lib/validation/council';
import { assignExpertsAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof assignExpertsSchema>;
export type ExpertOption = { userId: string; name: string; load: number; assigned: boolean; conflicts: ('ownCompany' | 'sameInn' | 'previousConflict')[]; suggested: boolean };

/** Choose experts (the suggested ones are ticked) and one due date for them. */
export function AssignForm({ applicationId, experts, defaultDue, minDue }: { applicationId: string; experts: ExpertOption[]; defaultDue: string; minDue: string }) {
  const t = useTranslations('applicationStaff.assign');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({
    resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.assignExpertsSchema)),
    defaultValues: { applicationId, expertIds: experts.filter((e) => e.suggested).map((e) => e.userId), dueOn: defaultDue, acknowledgeConflicts: false },
  });
  const { submit, formError } = useActionForm(form, assignExpertsAction, () => {
    toast.success(t('done'));
    router.refresh();
  });
  const { isSubmitting } = form.formState;
  const chosen = useWatch({ control: form.control, name: 'expertIds' });
  const suspect = experts.filter((e) => e.conflicts.length && chosen?.includes(e.userId));
  if (!experts.length) return <p className="text-sm text-muted-foreground">{t('noExperts')}</p>;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <FormError message={formError} />
        <p className="text-xs text-muted-foreground">{t('hint')}</p>
        <CheckboxGroupField
          control={form.control}
          name="expertIds"
          legend={t('expert')}
          legendClassName="sr-only"
          options={experts.map((e) => ({
            value: e.userId,
            disabled: e.assigned,
            label: (
              <>
                <span className="font-medium">{e.name}</span>
                <span className="text-xs text-muted-foreground">{t('load', { count: e.load })}</span>
                {e.suggested && <Badge variant="success">{t('suggested')}</Badge>}
                {e.conflicts.map((c) => (
                  <Badge key={c} variant="warning">
                    {t(`conflicts.${c}`)}
                  </Badge>
                ))}
                {e.assigned && <Badge variant="secondary">{t('assigned')}</Badge>}
              </>
            ),
          }))}
          listClassName="space-y-1.5"
          itemClassName="rounded-md border px-3 py-2"
        />
        {suspect.length > 0 && (
          <CheckboxField
            control={form.control}
            name="acknowledgeConflicts"
            label={t('acknowledge', { names: suspect.map((e) => e.name).join(', ') })}
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 dark:border-amber-800 dark:bg-amber-950"
          />
        )}
        <div className="flex flex-wrap items-start gap-3">
          <Field name="dueOn" label={t('dueOn')}>
            <Input type="date" min={minDue} {...form.register('dueOn')} />
          </Field>
          <Button type="submit" className="mt-6" disabled={!hydrated || isSubmitting}>
            {t('submit')}
          </Button>
        </div>
      </form>
    </Form>
  );
}
