'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Input, Label } from '@/app/_components/ui/input';
import { assignExpertsSchema } from '@/lib/validation/council';
import { assignExpertsAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof assignExpertsSchema>;
export type ExpertOption = { userId: string; name: string; load: number; assigned: boolean; conflict: boolean; suggested: boolean };

/** Choose experts (the suggested ones are ticked) and one due date for them. */
export function AssignForm({ applicationId, experts, defaultDue, minDue }: { applicationId: string; experts: ExpertOption[]; defaultDue: string; minDue: string }) {
  const t = useTranslations('applicationStaff.assign');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(assignExpertsSchema),
    defaultValues: { applicationId, expertIds: experts.filter((e) => e.suggested).map((e) => e.userId), dueOn: defaultDue },
  });
  const { submit, formError } = useActionForm(form, assignExpertsAction, () => {
    toast.success(t('done'));
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  if (!experts.length) return <p className="text-sm text-muted-foreground">{t('noExperts')}</p>;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <FormError message={formError} />
      <p className="text-xs text-muted-foreground">{t('hint')}</p>
      <fieldset className="space-y-1.5">
        <legend className="sr-only">{t('expert')}</legend>
        {experts.map((e) => (
          <label key={e.userId} className={`flex flex-wrap items-center gap-2 rounded-md border px-3 py-2 text-sm ${e.assigned ? 'opacity-60' : ''}`}>
            <input type="checkbox" value={e.userId} disabled={e.assigned} className="size-4 accent-[var(--primary)]" {...form.register('expertIds')} />
            <span className="font-medium">{e.name}</span>
            <span className="text-xs text-muted-foreground">{t('load', { count: e.load })}</span>
            {e.suggested && <Badge variant="success">{t('suggested')}</Badge>}
            {e.conflict && <Badge variant="warning">{t('conflict')}</Badge>}
            {e.assigned && <Badge variant="secondary">{t('assigned')}</Badge>}
          </label>
        ))}
      </fieldset>
      <FieldError message={errors.expertIds?.message ?? errors.expertIds?.root?.message} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-2">
          <Label htmlFor="assign-due">{t('dueOn')}</Label>
          <Input id="assign-due" type="date" min={minDue} aria-invalid={!!errors.dueOn} {...form.register('dueOn')} />
        </div>
        <Button type="submit" disabled={!hydrated || isSubmitting}>
          {t('submit')}
        </Button>
      </div>
      <FieldError message={errors.dueOn?.message} />
    </form>
  );
}
