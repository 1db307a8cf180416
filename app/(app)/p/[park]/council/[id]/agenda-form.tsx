'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionButton } from '@/app/_components/use-action-button';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import type { agendaItemSchema } from '@/lib/validation/council';
import { addAgendaItemAction, removeAgendaItemAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof agendaItemSchema>;

export function AgendaForm({ meetingId, candidates }: { meetingId: string; candidates: { id: string; title: string; companyName: string }[] }) {
  const t = useTranslations('council');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.agendaItemSchema)), defaultValues: { meetingId, applicationId: '' } });
  const { submit, formError } = useActionForm(form, addAgendaItemAction, () => {
    toast.success(t('added'));
    form.reset({ meetingId, applicationId: '' });
    router.refresh();
  });
  const { isSubmitting } = form.formState;
  if (!candidates.length) return <p className="text-sm text-muted-foreground">{t('noCandidates')}</p>;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
        <FormError message={formError} className="w-full" />
        <Field name="applicationId" label={t('application')} errorText="required" className="min-w-72 flex-1">
          <NativeSelect {...form.register('applicationId')}>
            <SelectOptions placeholder={t('chooseApplication')} options={candidates.map((c) => ({ value: c.id, label: `${c.title} — ${c.companyName}` }))} />
          </NativeSelect>
        </Field>
        <Button type="submit" disabled={!hydrated || isSubmitting}>
          {t('addItem')}
        </Button>
      </form>
    </Form>
  );
}

export function RemoveItemButton({ meetingId, applicationId }: { meetingId: string; applicationId: string }) {
  const t = useTranslations('council');
  const { run, busy } = useActionButton(removeAgendaItemAction, { success: t('removed') });
  return (
    <Button type="button" variant="ghost" size="sm" disabled={busy} onClick={() => run({ meetingId, applicationId })}>
      {t('remove')}
    </Button>
  );
}
