'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/app/_components/ui/button';
import { FormError } from '@/app/_components/ui/form';
import { sendKpiRemindersFormAction } from './actions';

/** The manager's explicit send of the KPI reminders due today (they also go out on a schedule). */
export function SendRemindersButton({ parkId }: { parkId: string }) {
  const t = useTranslations('kpi');
  const [state, send, sending] = useActionState(sendKpiRemindersFormAction, null);
  return (
    <form action={send} className="flex flex-wrap items-center gap-3" aria-label={t('sendReminders')}>
      <input type="hidden" name="parkId" value={parkId} />
      <Button type="submit" variant="outline" disabled={sending}>
        {t('sendReminders')}
      </Button>
      {state && 'error' in state && <FormError message={state.error} />}
      {state && 'sent' in state && (
        <p role="status" className="text-sm text-muted-foreground">
          {t('remindersSent', { count: state.sent })}
        </p>
      )}
    </form>
  );
}
