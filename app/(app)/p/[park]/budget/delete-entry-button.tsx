'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/app/_components/ui/button';
import { deleteBudgetEntryAction } from './actions';

export function DeleteEntryButton({ parkId, id, label }: { parkId: string; id: string; label: string }) {
  const t = useTranslations('budget');
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      size="sm"
      variant="ghost"
      className="text-destructive"
      disabled={pending}
      aria-label={`${t('delete')}: ${label}`}
      onClick={() => {
        if (!window.confirm(t('deleteConfirm', { amount: label }))) return;
        start(async () => {
          const result = await deleteBudgetEntryAction({ parkId, id });
          if (result.ok) {
            toast.success(t('deleted'));
          } else toast.error(result.formError ?? '');
        });
      }}
    >
      {t('delete')}
    </Button>
  );
}
