'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { CheckboxGroupField } from '@/app/_components/ui/checkbox';
import { Form, FormError } from '@/app/_components/ui/form';
import type { attendanceSchema } from '@/lib/validation/council';
import { setAttendanceAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof attendanceSchema>;

export function AttendanceForm({ meetingId, members, fixed }: { meetingId: string; members: { userId: string; name: string; present: boolean }[]; fixed: boolean }) {
  const t = useTranslations('council');
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.attendanceSchema)), defaultValues: { meetingId, userIds: members.filter((m) => m.present).map((m) => m.userId) } });
  const { submit, formError } = useActionForm(form, setAttendanceAction, () => {
    toast.success(t('attendanceSaved'));
    router.refresh();
  });
  const { isSubmitting } = form.formState;
  if (!members.length) return <p className="text-sm text-muted-foreground">{t('noMembers')}</p>;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <FormError message={formError} />
        <CheckboxGroupField
          control={form.control}
          name="userIds"
          legend={t('attendance')}
          legendClassName="sr-only"
          options={members.map((m) => ({ value: m.userId, label: m.name }))}
          disabled={fixed}
          listClassName="grid gap-1.5 sm:grid-cols-2"
          itemClassName="rounded-md border px-3 py-2"
        />
        {!fixed && (
          <Button type="submit" variant="outline" size="sm" disabled={!hydrated || isSubmitting}>
            {t('saveAttendance')}
          </Button>
        )}
      </form>
    </Form>
  );
}
