'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/app/_server/action';
import { Button } from '@/app/_components/ui/button';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';
import { useActionButton } from '@/app/_components/use-action-button';

/** Cancels a booking after asking; the action is the page's own (the company's or the park's). */
export function CancelBookingButton({ bookingId, when, action }: { bookingId: string; when: string; action: (input: { bookingId: string }) => Promise<ActionResult<null>> }) {
  const t = useTranslations('bookings');
  const { run, busy } = useActionButton(action, { success: t('calendar.cancelled') });
  return (
    <ConfirmDialog
      trigger={
        <Button type="button" size="sm" variant="outline" disabled={busy} aria-label={t('calendar.cancelNamed', { when })}>
          {t('calendar.cancel')}
        </Button>
      }
      title={t('calendar.cancelTitle')}
      description={t('calendar.cancelConfirm')}
      confirmLabel={t('calendar.cancel')}
      cancelLabel={t('calendar.keep')}
      onConfirm={() => run({ bookingId })}
    />
  );
}
