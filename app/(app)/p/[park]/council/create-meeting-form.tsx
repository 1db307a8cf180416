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
import { Input, Label } from '@/app/_components/ui/input';
import { createMeetingSchema } from '@/lib/validation/council';
import { createMeetingAction } from './actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof createMeetingSchema>;

export function CreateMeetingForm({ parkId, parkSlug, nextNumber, today }: { parkId: string; parkSlug: string; nextNumber: number; today: string }) {
  const t = useTranslations('council.create');
  const hydrated = useHydrated();
  const form = useForm<Values>({ resolver: zodResolver(createMeetingSchema), defaultValues: { parkId, number: String(nextNumber), heldOn: today } });
  const router = useRouter();
  const { submit, formError } = useActionForm(form, createMeetingAction, ({ id }) => {
    toast.success(t('done'));
    router.push(`/p/${parkSlug}/council/${id}`);
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-3" noValidate>
      <div className="w-full">
        <FormError message={formError} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="meeting-number">{t('number')}</Label>
        <Input id="meeting-number" inputMode="numeric" className="w-32" aria-invalid={!!errors.number} {...form.register('number')} />
        <FieldError message={errors.number?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="meeting-date">{t('date')}</Label>
        <Input id="meeting-date" type="date" className="w-44" aria-invalid={!!errors.heldOn} {...form.register('heldOn')} />
        <FieldError message={errors.heldOn?.message} />
      </div>
      <Button type="submit" className="mt-6" disabled={!hydrated || isSubmitting}>
        {t('submit')}
      </Button>
    </form>
  );
}
