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
import { attendanceSchema } from '@/lib/validation/council';
import { setAttendanceAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof attendanceSchema>;

export function AttendanceForm({ meetingId, members, fixed }: { meetingId: string; members: { userId: string; name: string; present: boolean }[]; fixed: boolean }) {
  const t = useTranslations('council');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(attendanceSchema), defaultValues: { meetingId, userIds: members.filter((m) => m.present).map((m) => m.userId) } });
  const { submit, formError } = useActionForm(form, setAttendanceAction, () => {
    toast.success(t('attendanceSaved'));
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  if (!members.length) return <p className="text-sm text-muted-foreground">{t('noMembers')}</p>;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <FormError message={formError} />
      <fieldset className="grid gap-1.5 sm:grid-cols-2">
        <legend className="sr-only">{t('attendance')}</legend>
        {members.map((m) => (
          <label key={m.userId} className="flex items-center gap-2 rounded-md border px-3 py-2 text-sm">
            <input type="checkbox" value={m.userId} disabled={fixed} className="size-4 accent-[var(--primary)]" {...form.register('userIds')} />
            {m.name}
          </label>
        ))}
      </fieldset>
      <FieldError message={errors.userIds?.message ?? errors.userIds?.root?.message} />
      {!fixed && (
        <Button type="submit" variant="outline" size="sm" disabled={!hydrated || isSubmitting}>
          {t('saveAttendance')}
        </Button>
      )}
    </form>
  );
}
