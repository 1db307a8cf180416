'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/app/_components/ui/button';
import { deleteDraftAction } from '../actions';
import { useActionButton } from '@/app/_components/use-action-button';

/** Two clicks: the first asks, the second deletes. */
export function DeleteDraftButton({ applicationId }: { applicationId: string }) {
  const t = useTranslations('applications');
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const { run, busy } = useActionButton(deleteDraftAction, {
    success: t('draftDeleted'),
    onDone: () => {
      router.replace('/my/applications');
      router.refresh();
    },
  });
  if (!asking)
    return (
      <Button type="button" variant="ghost" size="sm" className="text-destructive" onClick={() => setAsking(true)}>
        {t('deleteDraft')}
      </Button>
    );
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span>{t('deleteDraftConfirm')}</span>
      <Button
        type="button"
        variant="destructive"
        size="sm"
        disabled={busy}
        onClick={() => run({ applicationId })}
      >
        {t('deleteDraftYes')}
      </Button>
      <Button type="button" variant="outline" size="sm" onClick={() => setAsking(false)}>
        {t('back')}
      </Button>
    </div>
  );
}
