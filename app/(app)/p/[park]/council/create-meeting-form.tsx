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
import { Input } from '@/app/_components/ui/input';
import type { createMeetingSchema } from '@/lib/validation/council';
import { createMeetingAction } from './actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof createMeetingSchema>;

export function CreateMeetingForm({ parkId, parkSlug, nextNumber, today }: { parkId: string; parkSlug: string; nextNumber: number; today: string }) {
  const t = useTranslations('council.create');
  const hydrated = useHydrated();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.createMeetingSchema)), defaultValues: { parkId, number: String(nextNumber), heldOn: today } });
  const router = useRouter();
  const { submit, formError } = useActionForm(form, createMeetingAction, ({ id }) => {
    toast.success(t('done'));
    router.push(`/p/${parkSlug}/council/${id}`);
  });
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="flex flex-wrap items-start gap-3" noValidate>
        <FormError message={formError} className="w-full" />
        <Field name="number" label={t('number')}>
          <Input inputMode="numeric" className="w-32" {...form.register('number')} />
        </Field>
        <Field name="heldOn" label={t('date')}>
          <Input type="date" className="w-44" {...form.register('heldOn')} />
        </Field>
        <Button type="submit" className="mt-6" disabled={!hydrated || isSubmitting}>
          {t('submit')}
        </Button>
      </form>
    </Form>
  );
}
