'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { useActionButton } from '@/app/_components/use-action-button';
import { deleteBudgetEntryAction } from './actions';

export function DeleteEntryButton({ parkId, id, label }: { parkId: string; id: string; label: string }) {
  const t = useTranslations('budget');
  const { run, busy } = useActionButton(deleteBudgetEntryAction, { success: t('deleted') });
  return (
    <Button
      type="button"
      size="sm"
      variant="ghost"
      className="text-destructive"
      disabled={busy}
      aria-label={`${t('delete')}: ${label}`}
      onClick={() => {
        if (!window.confirm(t('deleteConfirm', { amount: label }))) return;
        run({ parkId, id });
      }}
    >
      {t('delete')}
    </Button>
  );
}
